// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the decoder: the only header that includes simdjson.

#include "decoded.h"
#include "decodercaches_p.h"
#include "intorstring.h"
#include "objectmeta.h"
#include "podtemplate.h"
#include "stringmap.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <simdjson.h>

#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace JsonRead {

using Element = simdjson::dom::element;
using Object = simdjson::dom::object;
using Array = simdjson::dom::array;

// Where a value sits, as a chain of stack frames: building it costs nothing, and it is only
// turned into text ("items[3].spec.replicas") when a problem is reported.
struct Path
{
    const Path *parent = nullptr;
    std::string_view key;
    qsizetype index = -1;

    Path child(std::string_view name) const { return Path {this, name, -1}; }
    Path at(qsizetype i) const { return Path {this, std::string_view(), i}; }
    QString toString() const;
};

enum class Problem {
    ExpectedInteger,
    ExpectedString,
    ExpectedBoolean,
    ExpectedObject,
    ExpectedArray,
    ExpectedIntOrString,
    IntegerOutOfRange,
    InvalidTimestamp,
};

// Compares a key with a literal; the constant length lets the compiler inline the compare.
template<size_t N> inline bool is(std::string_view key, const char (&literal)[N])
{
    return key.size() == N - 1 && std::memcmp(key.data(), literal, N - 1) == 0;
}

class Context
{
public:
    Context(SharedValues &shared, DecodeReport &report) : m_shared(shared), m_report(report) { }

    static QString text(std::string_view s)
    {
        return QString::fromUtf8(s.data(), qsizetype(s.size()));
    }
    QString token(std::string_view s) { return m_shared.strings.get(s); }
    SharedValues &shared() { return m_shared; }
    // A reusable signature (never used by two callers at once).
    Signature &signature()
    {
        m_signature.clear();
        return m_signature;
    }
    // The last few timestamps read: a pod's creation, start, conditions and containers mostly
    // share two to four distinct times (and pods started together share theirs), so equal
    // text skips the parse.
    bool recallTime(std::string_view text, QDateTime &out) const;
    void rememberTime(std::string_view text, const QDateTime &value);
    void report(const Path &path, Problem problem, std::string_view detail = std::string_view());
    void reportMessage(const Path &path, const QString &message);

private:
    SharedValues &m_shared;
    DecodeReport &m_report;
    Signature m_signature;
    struct RecentTime
    {
        quint32 size = 0;
        char text[28] = {}; // fits "2024-05-01T10:00:00.123456Z"
        QDateTime value;
    };
    RecentTime m_times[4];
    quint32 m_nextTime = 0; // the slot rememberTime() replaces next, round robin
};

// Each reader leaves `out` untouched on null (Go leaves the zero value too) and reports a
// problem on a wrong type. They return true when `out` was set.
bool asObject(Context &ctx, Element value, const Path &path, Object &out);
bool asArray(Context &ctx, Element value, const Path &path, Array &out);
bool readString(Context &ctx, Element value, const Path &path, QString &out);
bool readToken(Context &ctx, Element value, const Path &path, QString &out);
// readString() whose string the block builds (see StringBlock).
bool readString(Context &ctx, Element value, const Path &path, QString &out, StringBlock &block);
// readToken()'s value (null for ""), built in the block instead of shared: for a short value
// repeated by few objects, a few bytes in the block cost less than a lookup.
bool readToken(Context &ctx, Element value, const Path &path, QString &out, StringBlock &block);
// readToken() for values of a small, fixed vocabulary (condition types and statuses, pod
// phases, owner kinds): known words come from static literals, which cost no lookup and,
// unlike shared heap strings, no atomic reference count when copied or destroyed.
bool readKnownToken(Context &ctx, Element value, const Path &path, QString &out);
QString knownToken(std::string_view text);
bool readBool(Context &ctx, Element value, const Path &path, bool &out);
bool readBool(Context &ctx, Element value, const Path &path, std::optional<bool> &out);
bool readInt32(Context &ctx, Element value, const Path &path, qint32 &out);
bool readInt32(Context &ctx, Element value, const Path &path, std::optional<qint32> &out);
bool readInt64(Context &ctx, Element value, const Path &path, qint64 &out);
bool readTime(Context &ctx, Element value, const Path &path, QDateTime &out);
bool readIntOrString(Context &ctx, Element value, const Path &path, IntOrString &out);
bool readStringList(Context &ctx, Element value, const Path &path, QStringList &out);
// Compact JSON text of any value (plugin step configs are shown, not interpreted).
QByteArray minifiedJson(Element value);

// The body steps every decoder shares (jsondecoder.cpp), so the other decoders of Kubernetes
// bodies (the safety nets') word their errors the same way. parseObject() parses json with
// parser (in place when json has SIMDJSON_PADDING spare capacity); malformed JSON, a body too
// large or a top level other than an object becomes report.error. reportIfStatus() turns a
// Status body where data was expected into report.error. runGuarded() runs body and turns an
// exception (in practice std::bad_alloc) into report.error.
bool parseObject(simdjson::dom::parser &parser, const QByteArray &json, Element &element,
                 Object &root, DecodeReport &report);
bool reportIfStatus(Context &ctx, Element rootElement, Object root, DecodeReport &report);
void runGuarded(DecodeReport &report, const std::function<void()> &body);

// Calls f(key, value, path) for each member of an object value.
template<typename F> void forEachMember(Context &ctx, Element value, const Path &path, F &&f)
{
    Object object;
    if (!asObject(ctx, value, path, object))
        return;
    for (const simdjson::dom::key_value_pair &member : object)
        f(member.key, member.value, path.child(member.key));
}

// Calls f(element, path) for each element of an array value.
template<typename F> void forEachElement(Context &ctx, Element value, const Path &path, F &&f)
{
    Array array;
    if (!asArray(ctx, value, path, array))
        return;
    qsizetype index = 0;
    for (Element element : array) {
        f(element, path.at(index));
        ++index;
    }
}

// Appends one decoded T per array element, using decode(ctx, element, path, T&).
template<typename T, typename F>
void readList(Context &ctx, Element value, const Path &path, QList<T> &out, F &&decode)
{
    Array array;
    if (!asArray(ctx, value, path, array))
        return;
    out.reserve(qsizetype(array.size()));
    qsizetype index = 0;
    for (Element element : array) {
        // Decode in place: moving a Pod costs as much as decoding a small one.
        out.emplaceBack();
        decode(ctx, element, path.at(index), out.last());
        ++index;
    }
}

} // namespace JsonRead
