// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backoff.h"
#include "datawarnings.h"
#include "informer.h"

#include <mutex>

// What an informer's loop tells its environment and counts, whatever the kind: its status
// (sent only when it changes), failures with their backoff, the fields it could not read,
// and the stats. The kind-independent half of InformerLoop; lives on the informer's thread.
class InformerReporter
{
public:
    explicit InformerReporter(Informer &informer);

    template<typename F> void updateStats(F &&f)
    {
        std::lock_guard lock(m_informer.m_statsMutex);
        f(m_informer.m_stats);
    }

    void report(const InformerStatus &status);
    void reportLive(); // with the current data warnings
    // Records the failure, tells the environment, and waits the backoff delay (or the
    // server's Retry-After when that is longer).
    void fail(const NetError &error);

    const InformerStatus &lastStatus() const { return m_lastStatus; }
    DataWarnings &dataWarnings() { return m_dataWarnings; }
    Backoff &backoff() { return m_backoff; }

private:
    Informer &m_informer;
    Backoff m_backoff;
    InformerStatus m_lastStatus;
    DataWarnings m_dataWarnings;
};
