// SPDX-License-Identifier: GPL-3.0-or-later
#include "sseframer.h"

#include <QCoreApplication>

SseFramer::SseFramer(qsizetype maxEventBytes) : m_maxEventBytes(maxEventBytes) { }

QList<QByteArray> SseFramer::feed(const char *data, qsizetype size)
{
    QList<QByteArray> events;
    if (hasError())
        return events;
    qsizetype start = 0;
    for (qsizetype i = 0; i < size; ++i) {
        if (data[i] != '\n')
            continue;
        m_line.append(data + start, i - start);
        start = i + 1;
        QByteArray line = std::move(m_line);
        m_line.clear();
        if (line.endsWith('\r'))
            line.chop(1);
        takeLine(std::move(line), &events);
        if (hasError())
            return events;
    }
    m_line.append(data + start, size - start);
    // The same verdict however the bytes were split: a line (or an event's data) over the
    // limit, seen as soon as the unfinished line alone is over it.
    if (m_line.size() > m_maxEventBytes) {
        failTooLarge();
    }
    return events;
}

void SseFramer::takeLine(QByteArray line, QList<QByteArray> *events)
{
    if (line.size() > m_maxEventBytes) {
        failTooLarge();
        return;
    }
    if (line.isEmpty()) { // the blank line ends an event
        if (m_hasData)
            events->append(std::move(m_data));
        m_data.clear();
        m_hasData = false;
        return;
    }
    if (!line.startsWith("data:")) {
        // A server that ignores Accept streams one JSON object per line (grpc-gateway's
        // default): take such a line as a whole event.
        if (line.startsWith('{'))
            events->append(std::move(line));
        return; // comments, event:, id:, retry:
    }
    qsizetype from = 5;
    if (line.size() > from && line.at(from) == ' ')
        ++from;
    if (m_hasData)
        m_data.append('\n');
    m_data.append(line.constData() + from, line.size() - from);
    m_hasData = true;
    if (m_data.size() > m_maxEventBytes) {
        failTooLarge();
    }
}

void SseFramer::failTooLarge()
{
    m_error
        = QCoreApplication::translate("SseFramer", "An event of the stream is larger than %1 KiB")
              .arg(m_maxEventBytes / 1024);
}
