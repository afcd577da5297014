// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenario/yamlreader.h"

#include "scenario/yamlconvert.h"

#include <QJsonValue>

#include <cmath>

namespace rdsim {

QString YamlSource::location(int line) const
{
    return line > 0 ? m_fileName + QLatin1Char(':') + QString::number(line) : m_fileName;
}

void YamlSource::fail(int line, const QString &path, const QString &what) const
{
    QString message = location(line) + QStringLiteral(": ");
    if (!path.isEmpty())
        message += path + QStringLiteral(": ");
    throw YamlError {message + what};
}

QString YamlSource::string(const YAML::Node &node, const QString &path, int line) const
{
    // Any scalar reads as text (as written), so `password: 1234` means "1234".
    if (!node.IsScalar())
        fail(line, path, QStringLiteral("expected a string"));
    return YamlConvert::toQString(node.Scalar());
}

double YamlSource::number(const YAML::Node &node, const QString &path, int line) const
{
    const QJsonValue value = node.IsScalar() ? YamlConvert::scalarToJson(node) : QJsonValue();
    if (!value.isDouble())
        fail(line, path, QStringLiteral("expected a number"));
    return value.toDouble();
}

qint64 YamlSource::integer(const YAML::Node &node, const QString &path, int line) const
{
    const QJsonValue value = node.IsScalar() ? YamlConvert::scalarToJson(node) : QJsonValue();
    const double number = value.toDouble();
    if (!value.isDouble() || std::floor(number) != number || std::abs(number) > 9.0e15)
        fail(line, path, QStringLiteral("expected an integer"));
    return qint64(number);
}

bool YamlSource::boolean(const YAML::Node &node, const QString &path, int line) const
{
    const QJsonValue value = node.IsScalar() ? YamlConvert::scalarToJson(node) : QJsonValue();
    if (!value.isBool())
        fail(line, path, QStringLiteral("expected true or false"));
    return value.toBool();
}

void YamlSource::requireSequence(const YAML::Node &node, const QString &path, int line) const
{
    if (!node.IsSequence() && !node.IsNull())
        fail(line, path, QStringLiteral("expected a list"));
}

QStringList YamlSource::stringList(const YAML::Node &node, const QString &path, int line) const
{
    requireSequence(node, path, line);
    QStringList list;
    int i = 0;
    for (auto it = node.begin(); it != node.end(); ++it, ++i) {
        const int itemLine = YamlConvert::lineOf(*it);
        list.append(string(*it, index(path, i), itemLine > 0 ? itemLine : line));
    }
    return list;
}

QString YamlSource::join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

QString YamlSource::index(const QString &path, int i)
{
    return path + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
}

MapReader::MapReader(const YamlSource &source, const YAML::Node &node, const QString &path,
                     int line, const QStringList &allowedKeys) :
    m_source(source), m_path(path), m_line(line)
{
    if (node.IsNull())
        return; // `clock:` with nothing after it: every key takes its default
    if (!node.IsMap())
        source.fail(line, path, QStringLiteral("expected a mapping"));
    for (auto it = node.begin(); it != node.end(); ++it) {
        const int keyLine = YamlConvert::lineOf(it->first);
        const QString key
            = it->first.IsScalar() ? YamlConvert::toQString(it->first.Scalar()) : QString();
        if (!allowedKeys.contains(key))
            source.fail(keyLine, path, QStringLiteral("unknown key '%1'").arg(key));
        if (find(key))
            source.fail(keyLine, path, QStringLiteral("duplicate key '%1'").arg(key));
        m_entries.append(Entry {key, it->second, keyLine});
    }
}

const MapReader::Entry *MapReader::find(const QString &key) const
{
    for (const Entry &entry : m_entries) {
        if (entry.key == key)
            return &entry;
    }
    return nullptr;
}

bool MapReader::has(const QString &key) const
{
    return find(key) != nullptr;
}

YAML::Node MapReader::value(const QString &key) const
{
    const Entry *entry = find(key);
    return entry ? entry->value : YAML::Node(YAML::NodeType::Undefined);
}

int MapReader::keyLine(const QString &key) const
{
    const Entry *entry = find(key);
    return entry ? entry->line : m_line;
}

void MapReader::require(const QString &key) const
{
    if (!has(key))
        m_source.fail(m_line, m_path, QStringLiteral("missing required key '%1'").arg(key));
}

void MapReader::fail(const QString &key, const QString &what) const
{
    m_source.fail(keyLine(key), childPath(key), what);
}

QString MapReader::string(const QString &key, const QString &fallback) const
{
    const Entry *entry = find(key);
    return entry ? m_source.string(entry->value, childPath(key), entry->line) : fallback;
}

double MapReader::number(const QString &key, double fallback) const
{
    const Entry *entry = find(key);
    return entry ? m_source.number(entry->value, childPath(key), entry->line) : fallback;
}

qint64 MapReader::integer(const QString &key, qint64 fallback) const
{
    const Entry *entry = find(key);
    return entry ? m_source.integer(entry->value, childPath(key), entry->line) : fallback;
}

bool MapReader::boolean(const QString &key, bool fallback) const
{
    const Entry *entry = find(key);
    return entry ? m_source.boolean(entry->value, childPath(key), entry->line) : fallback;
}

QStringList MapReader::stringList(const QString &key) const
{
    const Entry *entry = find(key);
    return entry ? m_source.stringList(entry->value, childPath(key), entry->line) : QStringList();
}

} // namespace rdsim
