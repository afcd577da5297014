// SPDX-License-Identifier: GPL-3.0-or-later
#include "execcredentialcache.h"

#include "clusterconnection.h"

#include <QCryptographicHash>

#include <chrono>

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
    // Another worker may be running the plugin for this configuration: wait for its result,
    // in slices, so closing an environment is not held up by someone else's plugin.
    std::unique_lock runLock(e->runMutex, std::defer_lock);
    while (!runLock.try_lock_for(std::chrono::milliseconds(50))) {
        tell();
        if (cancel.isCancelled()) {
            *error = NetError::cancelled();
            return false;
        }
    }
    if (e->hasCredential && !e->credential.isExpired(now())) {
        *credential = e->credential;
        return true;
    }
    tell();
    ExecCredential fresh;
    ++e->runs;
    if (NetError failure = ExecPlugin::run(connection, timeoutMs, cancel, &fresh)) {
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
    std::lock_guard runLock(e->runMutex);
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
