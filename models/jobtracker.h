// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QtGlobal>

#include <functional>
#include <utility>

// "Latest request wins" for one stream of jobs, in the manner of KDAB hotspot's JobTracker:
// a generation counter; startJob() cancels the previous job (its cancel function runs) and
// returns the new job's token; a result is used only while isCurrent(token) says so, and
// finish(token) ends the current job. One thread (the owner's); no locks.
//
// Why here: it is bookkeeping for the GUI thread's controllers (app/), like
// PendingActionTracker next to it, and needs no threads, network or Qt objects; models/ is
// the lowest layer app links that is GUI-thread only. Work that crosses threads keeps its
// own guard where the thread is (MetricQuerier's per-key generations): a controller asks
// the tracker only which of its own rounds is the latest, never to re-check an answer the
// lower layer already dropped.
class JobTracker
{
public:
    using Token = quint64;

    // Starts a job and returns its token. A job still running is cancelled first: its
    // cancel function runs and nothing it answers is current any more.
    Token startJob(std::function<void()> cancel = {})
    {
        this->cancel();
        m_cancel = std::move(cancel);
        m_running = true;
        return ++m_generation;
    }

    // Whether a result of the job with this token should be used.
    bool isCurrent(Token token) const { return m_running && token == m_generation; }
    bool isRunning() const { return m_running; }
    Token currentToken() const { return m_generation; }

    // The job with this token is done. True when it was the current job (which then no
    // longer runs); false for a stale token, which changes nothing.
    bool finish(Token token)
    {
        if (!isCurrent(token))
            return false;
        m_running = false;
        m_cancel = nullptr;
        return true;
    }

    // Cancels the running job, if any (its cancel function runs once): every token handed
    // out so far is stale.
    void cancel()
    {
        ++m_generation;
        if (!m_running)
            return;
        m_running = false;
        // Moved out first: the function may start another job.
        const std::function<void()> cancel = std::exchange(m_cancel, nullptr);
        if (cancel)
            cancel();
    }

private:
    Token m_generation = 0;
    bool m_running = false;
    std::function<void()> m_cancel;
};

// JobTracker per key, for requests a lower layer answers later with a ticket of its own
// (ActionRunner's actions and permission checks): per key the latest request wins, and an
// older one's answer is recognised as stale. Nothing is cancelled: what was sent is the
// server's, only its answer may be out of date.
template<typename Key> class TicketedJobs
{
public:
    // The request with this ticket is now the latest of its key.
    void start(const Key &key, quint64 ticket)
    {
        m_tickets.insert(ticket, Sent {key, m_jobs[key].startJob()});
    }
    // Whether a request of this key is waiting for its answer.
    bool isRunning(const Key &key) const
    {
        const auto it = m_jobs.constFind(key);
        return it != m_jobs.cend() && it->isRunning();
    }
    // The key of a request not answered yet (a default Key for an unknown ticket).
    Key keyOf(quint64 ticket) const { return m_tickets.value(ticket).key; }
    // Whether the request with this ticket is its key's latest and not answered yet.
    bool isCurrent(quint64 ticket) const
    {
        const auto sent = m_tickets.constFind(ticket);
        if (sent == m_tickets.cend())
            return false;
        const auto job = m_jobs.constFind(sent->key);
        return job != m_jobs.cend() && job->isCurrent(sent->job);
    }

    struct Answer
    {
        Key key; // a default Key for an unknown ticket
        bool latest = false; // the key's latest request, which is now answered
    };
    // The answer with this ticket arrived.
    Answer finish(quint64 ticket)
    {
        const Sent sent = m_tickets.take(ticket);
        const auto job = m_jobs.find(sent.key);
        return Answer {sent.key, job != m_jobs.end() && job->finish(sent.job)};
    }
    void clear()
    {
        m_jobs.clear();
        m_tickets.clear();
    }

private:
    struct Sent
    {
        Key key;
        JobTracker::Token job = 0;
    };
    QHash<Key, JobTracker> m_jobs;
    QHash<quint64, Sent> m_tickets;
};
