// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonscan.h"

namespace {

qsizetype skipSpace(const QByteArray &json, qsizetype pos)
{
    while (pos < json.size() && JsonScan::isSpace(json.at(pos)))
        ++pos;
    return pos;
}

// pos is at the opening quote; returns the index past the closing quote or -1.
qsizetype skipString(const QByteArray &json, qsizetype pos)
{
    const char *bytes = json.constData();
    for (qsizetype i = pos + 1; i < json.size(); ++i) {
        if (bytes[i] == '\\')
            ++i;
        else if (bytes[i] == '"')
            return i + 1;
    }
    return -1;
}

} // namespace

qsizetype JsonScan::skipValue(const QByteArray &json, qsizetype pos)
{
    pos = skipSpace(json, pos);
    if (pos >= json.size())
        return -1;
    const char first = json.at(pos);
    if (first == '"')
        return skipString(json, pos);
    if (first == '{' || first == '[') {
        int depth = 0;
        for (qsizetype i = pos; i < json.size(); ++i) {
            const char c = json.at(i);
            if (c == '"') {
                i = skipString(json, i);
                if (i < 0)
                    return -1;
                --i;
            } else if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (--depth == 0)
                    return i + 1;
            }
        }
        return -1;
    }
    qsizetype i = pos;
    while (i < json.size()) {
        const char c = json.at(i);
        if (JsonScan::isSpace(c) || c == ',' || c == '}' || c == ']')
            break;
        ++i;
    }
    return i > pos ? i : -1;
}

QByteArray JsonScan::topLevelMember(const QByteArray &json, QByteArrayView key)
{
    qsizetype pos = skipSpace(json, 0);
    if (pos >= json.size() || json.at(pos) != '{')
        return QByteArray();
    ++pos;
    while (true) {
        pos = skipSpace(json, pos);
        if (pos >= json.size() || json.at(pos) != '"')
            return QByteArray();
        const qsizetype keyEnd = skipString(json, pos);
        if (keyEnd < 0)
            return QByteArray();
        const QByteArrayView name(json.constData() + pos + 1, keyEnd - pos - 2);
        pos = skipSpace(json, keyEnd);
        if (pos >= json.size() || json.at(pos) != ':')
            return QByteArray();
        const qsizetype valueStart = skipSpace(json, pos + 1);
        const qsizetype valueEnd = skipValue(json, valueStart);
        if (valueEnd < 0)
            return QByteArray();
        if (name == key)
            return json.mid(valueStart, valueEnd - valueStart);
        pos = skipSpace(json, valueEnd);
        if (pos >= json.size() || json.at(pos) != ',')
            return QByteArray();
        ++pos;
    }
}
