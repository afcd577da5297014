// SPDX-License-Identifier: GPL-3.0-or-later
#include "execcredentialcache.h"

#include "clusterconnection.h"
#include "fiberscheduler.h"

#include <QCryptographicHash>

ExecCredentialCache &ExecCredentialCache::global()
{
    static ExecCredentialCache cache;
    return cache;
}

void ExecCredentialCache::setClock(Clock clock)
{
    std::lock_guard lock(m_mutex);
    m_clock = std::move(clock);
}

void ExecCredentialCache::setTimeoutMs(int timeoutMs)
{
    std::lock_guard lock(m_mutex);
    m_timeoutMs = timeoutMs;
}

QDateTime ExecCredentialCache::now() const
{
    std::lock_guard lock(m_mutex);
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

QByteArray ExecCredentialCache::cacheKey(const ClusterConnection &connection)
{
    // The request JSON already holds the cluster info exactly when the plugin receives it.
    const KubeExecConfig &exec = *connection.exec;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    auto add = [&hash](const QString &text) {
        hash.addData(text.toUtf8());
        hash.addData(QByteArrayView("\0", 1));
    };
    add(exec.command);
    for (const QString &arg : exec.args)
        add(arg);
    add(QStringLiteral("--env--"));
    for (const auto &[name, value] : exec.env) {
        add(name);
        add(value);
    }
    hash.addData(ExecPlugin::requestJson(connection));
    return hash.result();
}

std::shared_ptr<ExecCredentialCache::Entry>
ExecCredentialCache::entry(const ClusterConnection &connection)
{
    const QByteArray key = cacheKey(connection);
    std::lock_guard lock(m_mutex);
    std::shared_ptr<Entry> &slot = m_entries[key];
    if (!slot)
        slot = std::make_shared<Entry>();
    return slot;
}

// The caller's turn to check the cache and run the plugin, released when it goes out of scope.
class ExecCredentialCache::RunTurn
{
public:
    explicit RunTurn(Entry &entry) : m_entry(entry) { }
    ~RunTurn()
    {
        if (m_taken)
            m_entry.running.store(false);
    }
    RunTurn(const RunTurn &) = delete;
    RunTurn &operator=(const RunTurn &) = delete;
    bool tryTake()
    {
        bool expected = false;
        m_taken = m_entry.running.compare_exchange_strong(expected, true);
        return m_taken;
    }

private:
    Entry &m_entry;
    bool m_taken = false;
};

bool ExecCredentialCache::credential(const ClusterConnection &connection,
                                     ExecCredential *credential, NetError *error,
                                     const CancelToken &cancel, const WaitNotice &onWait)
{
    const std::shared_ptr<Entry> e = entry(connection);
    const int timeoutMs = this->timeoutMs();
    bool told = false;
    const auto tell = [&] {
        if (onWait && !told)
            onWait(ExecPlugin::waitingText(connection, timeoutMs));
        told = true;
    };
    // Another caller may be running the plugin for this configuration: wait for its result,
    // in slices (a fiber parks, a thread sleeps), so closing an environment is not held up
    // by someone else's plugin.
    constexpr int WaitSliceMs = 50;
    RunTurn turn(*e);
    while (!turn.tryTake()) {
        tell();
        if (!cancel.sleepFor(WaitSliceMs)) {
            *error = NetError::cancelled();
            return false;
        }
    }
    {
        std::lock_guard lock(e->dataMutex);
        if (e->hasCredential && !e->credential.isExpired(now())) {
            *credential = e->credential;
            return true;
        }
    }
    tell();
    ExecCredential fresh;
    NetError failure;
    ++e->runs;
    // The plugin's process is waited for on the blocking pool when this is a fiber.
    FiberScheduler::runBlocking(
        [&] { failure = ExecPlugin::run(connection, timeoutMs, cancel, &fresh); });
    std::lock_guard lock(e->dataMutex);
    if (failure) {
        e->hasCredential = false;
        *error = failure;
        return false;
    }
    fresh.generation = ++e->generation;
    e->credential = fresh;
    e->hasCredential = true;
    *credential = fresh;
    return true;
}

int ExecCredentialCache::timeoutMs() const
{
    std::lock_guard lock(m_mutex);
    return m_timeoutMs;
}

void ExecCredentialCache::invalidate(const ClusterConnection &connection,
                                     const ExecCredential &used)
{
    const std::shared_ptr<Entry> e = entry(connection);
    // Not the run turn: a 401 must not wait for another caller's plugin run.
    std::lock_guard lock(e->dataMutex);
    if (e->hasCredential && e->credential.generation == used.generation)
        e->hasCredential = false;
}

int ExecCredentialCache::runCount(const ClusterConnection &connection)
{
    return entry(connection)->runs;
}

void ExecCredentialCache::clear()
{
    std::lock_guard lock(m_mutex);
    m_entries.clear();
}
