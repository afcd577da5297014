// SPDX-License-Identifier: GPL-3.0-or-later
#include "procstatus.h"

#include <QByteArray>
#include <QFile>
#include <QList>

#include <malloc.h>

qint64 procStatusField(const char *field)
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

HeapUsage heapUsage()
{
    const struct mallinfo2 info = mallinfo2();
    return HeapUsage {qint64(info.uordblks + info.hblkhd), qint64(info.arena + info.hblkhd)};
}
