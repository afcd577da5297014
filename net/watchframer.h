// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// Splits a byte stream into complete top-level JSON values (a watch body is concatenated
// JSON objects; an event may span HTTP chunks and a chunk may hold many events, so neither
// chunk nor line boundaries can be trusted). It only tracks strings and nesting: values are
// handed out as raw bytes for the decoder, which does the real validation. State carries
// over between feed() calls, so every byte is scanned once.
class WatchFramer
{
public:
    explicit WatchFramer(qsizetype maxValueBytes = 64 * 1024 * 1024);

    // Appends the complete values found so far to *values. Returns false once the stream is
    // malformed or a value exceeds the limit; errorString() says why and the framer stays
    // failed.
    bool feed(const char *data, qsizetype size, QList<QByteArray> *values);
    bool feed(const QByteArray &data, QList<QByteArray> *values)
    {
        return feed(data.constData(), data.size(), values);
    }
    // End of stream: emits a pending bare literal (e.g. a final `42`); false if the stream
    // stopped inside a value.
    bool finish(QList<QByteArray> *values);

    bool hasPartialValue() const { return m_start >= 0; }
    qsizetype bufferedBytes() const { return m_buffer.size(); }
    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    void reset();

private:
    void emitValue(qsizetype end, QList<QByteArray> *values);
    bool fail(const QString &error);

    QByteArray m_buffer;
    qsizetype m_maxValueBytes;
    qsizetype m_pos = 0; // next byte to scan
    qsizetype m_start = -1; // start of the value being scanned, -1 between values
    int m_depth = 0;
    bool m_inString = false;
    bool m_escape = false;
    bool m_inLiteral = false; // a bare number / true / false / null at the top level
    QString m_error;
};
