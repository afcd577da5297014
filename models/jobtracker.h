// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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
