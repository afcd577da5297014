// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// An InformerSink for tests of one Informer: keeps the last status it reported and the uid
// of every Rollout it delivered, readable from the test's thread.
#include "informer.h"

#include <QStringList>

#include <mutex>

class RecordingSink : public InformerSink
{
public:
    void deliver(WorkloadDeltaBatch &&part) override
    {
        std::lock_guard lock(m_mutex);
        for (const Rollout &rollout : part.upserts<Rollout>())
            m_uids.append(rollout.metadata.uid);
    }
    void touch() override { }
    void reportStatus(int, const InformerStatus &status) override
    {
        std::lock_guard lock(m_mutex);
        m_last = status;
    }
    InformerStatus last() const
    {
        std::lock_guard lock(m_mutex);
        return m_last;
    }
    QStringList uids() const
    {
        std::lock_guard lock(m_mutex);
        return m_uids;
    }

private:
    mutable std::mutex m_mutex;
    InformerStatus m_last;
    QStringList m_uids;
};
