// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The processes a test starts, and those that outlive their parent. A test that makes itself
// a child subreaper (PR_SET_CHILD_SUBREAPER) becomes the parent of every orphan below it: it
// still sees a grandchild (rd-sim started by the app) once the app is gone, and can wait for
// it and read how it ended.

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QThread>

#include <sys/prctl.h>
#include <sys/wait.h>

namespace ChildProcesses {

inline bool becomeSubreaper()
{
    return ::prctl(PR_SET_CHILD_SUBREAPER, 1) == 0;
}

// The children of `parent` that have not ended (zombies left out), from /proc.
inline QList<qint64> childrenOf(qint64 parent)
{
    QList<qint64> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
        if (!isPid || !stat.open(QIODevice::ReadOnly))
            continue;
        // "pid (comm) state ppid ...": comm may hold spaces and parentheses.
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields.at(0) != "Z" && fields.at(1).toLongLong() == parent)
            children.append(pid);
    }
    return children;
}

inline QString executableOf(qint64 pid)
{
    return QFileInfo(QStringLiteral("/proc/%1/exe").arg(pid)).symLinkTarget();
}

// Waits for our child (or an orphan adopted as subreaper) to end and reaps it; false when it
// still runs after timeoutMs. *status as waitpid() gives it.
inline bool waitForExit(qint64 pid, int timeoutMs, int *status = nullptr)
{
    const QDeadlineTimer deadline(timeoutMs);
    int ignored = 0;
    do {
        if (::waitpid(pid_t(pid), status ? status : &ignored, WNOHANG) == pid_t(pid))
            return true;
        QThread::msleep(20);
    } while (!deadline.hasExpired());
    return false;
}

} // namespace ChildProcesses
