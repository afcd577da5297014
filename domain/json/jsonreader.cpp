// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonreader_p.h"

#include "timestamps.h"

#include <QCoreApplication>
#include <QHash>

#include <cstring>
#include <iterator>
#include <limits>

namespace JsonRead {

using simdjson::dom::element_type;

QString Path::toString() const
{
    std::vector<const Path *> chain;
    for (const Path *p = this; p; p = p->parent) {
        if (p->index >= 0 || !p->key.empty())
            chain.push_back(p);
    }
    QString result;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        const Path *p = *it;
        if (p->index >= 0) {
            result += QLatin1Char('[') + QString::number(p->index) + QLatin1Char(']');
            continue;
        }
        const QString key = Context::text(p->key);
        // Label and annotation keys contain dots and slashes; bracket them so the path stays
        // readable ("metadata.labels[app.kubernetes.io/name]").
        const bool plain = !key.contains(QLatin1Char('.')) && !key.contains(QLatin1Char('/'))
            && !key.contains(QLatin1Char('[')) && !key.isEmpty();
        if (!plain)
            result += QLatin1Char('[') + key + QLatin1Char(']');
        else if (result.isEmpty())
            result += key;
        else
            result += QLatin1Char('.') + key;
    }
    return result;
}

static QString describe(Problem problem, std::string_view detail)
{
    switch (problem) {
    case Problem::ExpectedInteger:
        return QCoreApplication::translate("JsonDecoder", "expected an integer");
    case Problem::ExpectedString:
        return QCoreApplication::translate("JsonDecoder", "expected a string");
    case Problem::ExpectedBoolean:
        return QCoreApplication::translate("JsonDecoder", "expected true or false");
    case Problem::ExpectedObject:
        return QCoreApplication::translate("JsonDecoder", "expected an object");
    case Problem::ExpectedArray:
        return QCoreApplication::translate("JsonDecoder", "expected an array");
    case Problem::ExpectedIntOrString:
        return QCoreApplication::translate("JsonDecoder", "expected an integer or a string");
    case Problem::IntegerOutOfRange:
        return QCoreApplication::translate("JsonDecoder", "integer out of range");
    case Problem::InvalidTimestamp:
        return QCoreApplication::translate("JsonDecoder",
                                           "expected an RFC 3339 timestamp, got \"%1\"")
            .arg(Context::text(detail));
    }
    return QString();
}

bool Context::recallTime(std::string_view text, QDateTime &out) const
{
    for (const RecentTime &recent : m_times) {
        if (recent.size == text.size() && equalBytes(recent.text, text.data(), text.size())) {
            out = recent.value;
            return true;
        }
    }
    return false;
}

void Context::rememberTime(std::string_view text, const QDateTime &value)
{
    if (text.size() > sizeof(RecentTime::text))
        return;
    RecentTime &recent = m_times[m_nextTime];
    m_nextTime = (m_nextTime + 1) % std::size(m_times);
    recent.size = quint32(text.size());
    std::memcpy(recent.text, text.data(), text.size());
    recent.value = value;
}

void Context::report(const Path &path, Problem problem, std::string_view detail)
{
    if (m_report.issues.size() >= DecodeReport::maxIssues) {
        ++m_report.suppressedIssues;
        return;
    }
    m_report.issues.append(DecodeIssue {path.toString(), describe(problem, detail)});
}

void Context::reportMessage(const Path &path, const QString &message)
{
    if (m_report.issues.size() >= DecodeReport::maxIssues) {
        ++m_report.suppressedIssues;
        return;
    }
    m_report.issues.append(DecodeIssue {path.toString(), message});
}

bool asObject(Context &ctx, Element value, const Path &path, Object &out)
{
    const element_type type = value.type();
    if (type == element_type::OBJECT) {
        out = value.get_object().value_unsafe();
        return true;
    }
    if (type != element_type::NULL_VALUE)
        ctx.report(path, Problem::ExpectedObject);
    return false;
}

bool asArray(Context &ctx, Element value, const Path &path, Array &out)
{
    const element_type type = value.type();
    if (type == element_type::ARRAY) {
        out = value.get_array().value_unsafe();
        return true;
    }
    if (type != element_type::NULL_VALUE)
        ctx.report(path, Problem::ExpectedArray);
    return false;
}

static bool stringView(Context &ctx, Element value, const Path &path, std::string_view &out)
{
    const element_type type = value.type();
    if (type == element_type::STRING) {
        out = value.get_string().value_unsafe();
        return true;
    }
    if (type != element_type::NULL_VALUE)
        ctx.report(path, Problem::ExpectedString);
    return false;
}

bool readString(Context &ctx, Element value, const Path &path, QString &out)
{
    std::string_view view;
    if (!stringView(ctx, value, path, view))
        return false;
    out = Context::text(view);
    return true;
}

bool readString(Context &ctx, Element value, const Path &path, QString &out, StringBlock &block)
{
    std::string_view view;
    if (!stringView(ctx, value, path, view))
        return false;
    block.add(&out, view);
    return true;
}

bool readToken(Context &ctx, Element value, const Path &path, QString &out, StringBlock &block)
{
    std::string_view view;
    if (!stringView(ctx, value, path, view))
        return false;
    if (view.empty())
        out = QString();
    else
        block.add(&out, view);
    return true;
}

bool readToken(Context &ctx, Element value, const Path &path, QString &out)
{
    std::string_view view;
    if (!stringView(ctx, value, path, view))
        return false;
    out = ctx.token(view);
    return true;
}

bool readBool(Context &ctx, Element value, const Path &path, bool &out)
{
    const element_type type = value.type();
    if (type == element_type::BOOL) {
        out = value.get_bool().value_unsafe();
        return true;
    }
    if (type != element_type::NULL_VALUE)
        ctx.report(path, Problem::ExpectedBoolean);
    return false;
}

bool readBool(Context &ctx, Element value, const Path &path, std::optional<bool> &out)
{
    bool b = false;
    if (!readBool(ctx, value, path, b))
        return false;
    out = b;
    return true;
}

bool readInt64(Context &ctx, Element value, const Path &path, qint64 &out)
{
    switch (value.type()) {
    case element_type::INT64:
        out = value.get_int64().value_unsafe();
        return true;
    case element_type::UINT64:
        ctx.report(path, Problem::IntegerOutOfRange);
        return false;
    case element_type::NULL_VALUE:
        return false;
    default:
        ctx.report(path, Problem::ExpectedInteger);
        return false;
    }
}

bool readInt32(Context &ctx, Element value, const Path &path, qint32 &out)
{
    qint64 wide = 0;
    if (!readInt64(ctx, value, path, wide))
        return false;
    if (wide < std::numeric_limits<qint32>::min() || wide > std::numeric_limits<qint32>::max()) {
        ctx.report(path, Problem::IntegerOutOfRange);
        return false;
    }
    out = qint32(wide);
    return true;
}

bool readInt32(Context &ctx, Element value, const Path &path, std::optional<qint32> &out)
{
    qint32 narrow = 0;
    if (!readInt32(ctx, value, path, narrow))
        return false;
    out = narrow;
    return true;
}

bool readTime(Context &ctx, Element value, const Path &path, QDateTime &out)
{
    std::string_view view;
    if (!stringView(ctx, value, path, view) || view.empty())
        return false;
    if (ctx.recallTime(view, out))
        return true;
    const std::optional<qint64> msecs = parseRfc3339MSecs(view);
    if (!msecs) {
        ctx.report(path, Problem::InvalidTimestamp, view);
        return false;
    }
    out = QDateTime::fromMSecsSinceEpoch(*msecs, Qt::UTC);
    ctx.rememberTime(view, out);
    return true;
}

bool readIntOrString(Context &ctx, Element value, const Path &path, IntOrString &out)
{
    switch (value.type()) {
    case element_type::INT64: {
        const int64_t wide = value.get_int64().value_unsafe();
        if (wide < std::numeric_limits<qint32>::min()
            || wide > std::numeric_limits<qint32>::max()) {
            ctx.report(path, Problem::IntegerOutOfRange);
            return false;
        }
        out = IntOrString::fromInt(qint32(wide));
        return true;
    }
    case element_type::STRING:
        out = IntOrString::fromString(ctx.token(value.get_string().value_unsafe()));
        return true;
    case element_type::UINT64:
        ctx.report(path, Problem::IntegerOutOfRange);
        return false;
    case element_type::NULL_VALUE:
        return false;
    default:
        ctx.report(path, Problem::ExpectedIntOrString);
        return false;
    }
}

bool readStringList(Context &ctx, Element value, const Path &path, QStringList &out)
{
    Array array;
    if (!asArray(ctx, value, path, array))
        return false;
    out.reserve(qsizetype(array.size()));
    qsizetype index = 0;
    for (Element element : array) {
        QString text;
        if (readToken(ctx, element, path.at(index), text))
            out.append(text);
        ++index;
    }
    return true;
}

QByteArray minifiedJson(Element value)
{
    const std::string text = simdjson::minify(value);
    return QByteArray(text.data(), qsizetype(text.size()));
}

} // namespace JsonRead
