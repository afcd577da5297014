// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "canceltoken.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

// How far a child process may go before it is stopped.
struct ProcessLimits
{
    int timeoutMs = 60000;
    qint64 maxStdoutBytes = 1024 * 1024; // more is a failure: the output would be cut
    qint64 maxStderrBytes = 64 * 1024; // more is read and dropped: stderr only explains
};

struct ProcessOutcome
{
    enum class End {
        Exited, // exitCode holds the status
        Signalled, // killed by a signal it did not catch (signal)
        FailedToStart, // startError says why
        TimedOut,
        Cancelled,
        StdoutTooLarge,
    };
    End end = End::FailedToStart;
    int exitCode = -1;
    int signal = 0;
    QString startError; // strerror text
    QByteArray standardOutput;
    QByteArray standardError; // at most maxStderrBytes
    bool standardErrorTruncated = false;
};

// Runs a program to completion from a worker thread with hard bounds, for programs named by
// untrusted files (kubeconfig exec plugins): stdin is /dev/null, both output streams are read
// as they come so neither can grow without bound, and the program runs in a process group
// of its own, so a timeout, a cancel or too much output kills it and everything it started.
// Unlike QProcess it needs no event loop and never buffers more than the limits.
class BoundedProcess
{
public:
    // `program` is looked up on PATH when it holds no '/'; `environment` is the child's
    // complete environment as NAME=VALUE entries.
    static ProcessOutcome run(const QString &program, const QStringList &arguments,
                              const QStringList &environment, const ProcessLimits &limits,
                              const CancelToken &cancel = CancelToken());
};
