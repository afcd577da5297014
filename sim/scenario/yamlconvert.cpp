// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenario/yamlconvert.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

#include <optional>

namespace rdsim {

namespace YamlConvert {

namespace {

const std::string kTagPrefix = "tag:yaml.org,2002:";

bool isNullWord(const QString &text)
{
    return text.isEmpty() || text == QLatin1String("~") || text == QLatin1String("null")
        || text == QLatin1String("Null") || text == QLatin1String("NULL");
}

std::optional<bool> boolWord(const QString &text)
{
    if (text == QLatin1String("true") || text == QLatin1String("True")
        || text == QLatin1String("TRUE"))
        return true;
    if (text == QLatin1String("false") || text == QLatin1String("False")
        || text == QLatin1String("FALSE"))
        return false;
    return std::nullopt;
}

std::optional<QJsonValue> integerValue(const QString &text)
{
    static const QRegularExpression decimal(QStringLiteral("^[-+]?[0-9]+$"));
    static const QRegularExpression octal(QStringLiteral("^0o[0-7]+$"));
    static const QRegularExpression hex(QStringLiteral("^0x[0-9a-fA-F]+$"));
    bool ok = false;
    if (decimal.match(text).hasMatch()) {
        const qint64 value = text.toLongLong(&ok, 10);
        if (ok)
            return QJsonValue(value);
        return QJsonValue(text.toDouble()); // beyond 64 bits: as JSON would, a float
    }
    if (octal.match(text).hasMatch()) {
        const qint64 value = text.mid(2).toLongLong(&ok, 8);
        if (ok)
            return QJsonValue(value);
    }
    if (hex.match(text).hasMatch()) {
        const qint64 value = text.mid(2).toLongLong(&ok, 16);
        if (ok)
            return QJsonValue(value);
    }
    return std::nullopt;
}

std::optional<QJsonValue> floatValue(const QString &text)
{
    // .inf and .nan have no JSON form, so they stay strings.
    static const QRegularExpression number(
        QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
    if (!number.match(text).hasMatch())
        return std::nullopt;
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return QJsonValue(value);
}

QJsonValue typedPlain(const QString &text)
{
    if (isNullWord(text))
        return QJsonValue(QJsonValue::Null);
    if (const std::optional<bool> value = boolWord(text))
        return QJsonValue(*value);
    if (const std::optional<QJsonValue> value = integerValue(text))
        return *value;
    if (const std::optional<QJsonValue> value = floatValue(text))
        return *value;
    return QJsonValue(text);
}

// An explicit core-schema tag: the value is converted when it can be, else kept as text.
QJsonValue taggedScalar(const std::string &type, const QString &text)
{
    if (type == "str")
        return QJsonValue(text);
    if (type == "null")
        return QJsonValue(QJsonValue::Null);
    if (type == "bool") {
        if (const std::optional<bool> value = boolWord(text))
            return QJsonValue(*value);
    } else if (type == "int") {
        if (const std::optional<QJsonValue> value = integerValue(text))
            return *value;
    } else if (type == "float") {
        if (const std::optional<QJsonValue> value = integerValue(text))
            return QJsonValue(value->toDouble());
        if (const std::optional<QJsonValue> value = floatValue(text))
            return *value;
    }
    return QJsonValue(text);
}

QString keyText(const YAML::Node &key)
{
    if (key.IsScalar())
        return toQString(key.Scalar());
    if (key.IsNull())
        return QStringLiteral("null");
    // A collection as a key has no JSON form; its flow text is the most honest name.
    YAML::Emitter out;
    out << YAML::Flow << key;
    return toQString(out.c_str());
}

} // namespace

QString toQString(const std::string &text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

bool isPlainScalar(const YAML::Node &node)
{
    return node.IsScalar() && node.Tag() == "?";
}

int lineOf(const YAML::Node &node)
{
    if (!node.IsDefined())
        return 0;
    const YAML::Mark mark = node.Mark();
    return mark.is_null() ? 0 : mark.line + 1;
}

int errorLine(const YAML::Exception &error, const QByteArray &text)
{
    if (error.mark.is_null())
        return 1;
    const int lines = text.count('\n') + (text.endsWith('\n') || text.isEmpty() ? 0 : 1);
    return qBound(1, error.mark.line + 1, qMax(1, lines));
}

QJsonValue scalarToJson(const YAML::Node &node)
{
    if (node.IsNull())
        return QJsonValue(QJsonValue::Null);
    const QString text = toQString(node.Scalar());
    const std::string &tag = node.Tag();
    if (tag == "?")
        return typedPlain(text);
    if (tag.compare(0, kTagPrefix.size(), kTagPrefix) == 0)
        return taggedScalar(tag.substr(kTagPrefix.size()), text);
    return QJsonValue(text); // quoted ("!"), block, or an application tag
}

QJsonValue toJson(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        QJsonObject object;
        for (auto it = node.begin(); it != node.end(); ++it)
            object.insert(keyText(it->first), toJson(it->second));
        return object;
    }
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (auto it = node.begin(); it != node.end(); ++it)
            array.append(toJson(*it));
        return array;
    }
    case YAML::NodeType::Scalar:
    case YAML::NodeType::Null:
        return scalarToJson(node);
    case YAML::NodeType::Undefined:
        break;
    }
    return QJsonValue(QJsonValue::Undefined);
}

} // namespace YamlConvert

} // namespace rdsim
