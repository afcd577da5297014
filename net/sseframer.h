// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// Splits a server-sent events stream (text/event-stream, as Argo CD's /api/v1/stream/...
// sends it) into the data of each event: `data:` lines up to a blank line, joined with '\n'.
// Comments (':' lines), `event:`, `id:` and `retry:` are skipped. Bytes arrive in any
// pieces; an event larger than the limit is an error (the stream is then unusable), so a
// server cannot make the client buffer without end.
class SseFramer
{
public:
    explicit SseFramer(qsizetype maxEventBytes = qsizetype(16) * 1024 * 1024);

    // Appends bytes and returns the events completed by them. After an error, nothing more.
    QList<QByteArray> feed(const char *data, qsizetype size);
    bool hasError() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; } // translated

private:
    void takeLine(QByteArray line, QList<QByteArray> *events);
    void failTooLarge();

    qsizetype m_maxEventBytes;
    QByteArray m_line; // the unfinished line
    QByteArray m_data; // the unfinished event's data
    bool m_hasData = false;
    QString m_error;
};
