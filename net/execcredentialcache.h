// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "execcredential.h"
#include "neterror.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

struct ClusterConnection;

// Exec credentials kept in memory per exec configuration (plus the cluster info when the
// plugin is given it), like client-go's authenticator cache: reused until
// expirationTimestamp passes, for the life of the process without one, and re-fetched after
// a 401. Thread-safe; a plugin runs at most once at a time per configuration, so workers
// that need a credential together share one run.
class ExecCredentialCache
{
public:
    using Clock = std::function<QDateTime()>;

    static ExecCredentialCache &global();

    void setClock(Clock clock); // tests; defaults to the current UTC time
    void setTimeoutMs(int timeoutMs); // per plugin run, default 60 s

    // The cached credential, or a fresh one from the plugin when none is cached or it expired.
    // A cancel ends the wait at once, whether the plugin runs for this caller or another.
    // onWait (ExecPlugin::waitingText) is told once before it waits for or runs the plugin,
    // so a caller can show what it is waiting for.
    using WaitNotice = std::function<void(const QString &)>;
    bool credential(const ClusterConnection &connection, ExecCredential *credential,
                    NetError *error, const CancelToken &cancel = CancelToken(),
                    const WaitNotice &onWait = WaitNotice());
    // After a 401 with `used`: drop it unless another request already replaced it.
    void invalidate(const ClusterConnection &connection, const ExecCredential &used);
    int timeoutMs() const;
    // How many times the plugin ran for this configuration (diagnostics and tests).
    int runCount(const ClusterConnection &connection);
    void clear();

    static QByteArray cacheKey(const ClusterConnection &connection);

private:
    struct Entry
    {
        // Taken by the one caller that checks and runs the plugin. A flag, not a mutex:
        // fibers on one thread take turns with it, and a mutex may not be tried twice by
        // one thread.
        std::atomic<bool> running = false;
        std::mutex dataMutex; // the fields below; held only to copy them
        bool hasCredential = false;
        ExecCredential credential;
        quint64 generation = 0;
        std::atomic<int> runs = 0; // read without waiting for a run in progress
    };
    class RunTurn;
    std::shared_ptr<Entry> entry(const ClusterConnection &connection);
    QDateTime now() const;

    mutable std::mutex m_mutex;
    QHash<QByteArray, std::shared_ptr<Entry>> m_entries;
    Clock m_clock;
    int m_timeoutMs = 60000;
};
