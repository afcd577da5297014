// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <limits>

namespace rdsim {

// The earliest virtual time at which some controller must look again even if nothing is
// written to the store (a pod finishing its start delay, a pause running out, a scale-down
// deadline). ClusterControllers skips idle passes until then.
class Requeue
{
public:
    void at(qint64 epochMs)
    {
        if (epochMs < m_next)
            m_next = epochMs;
    }
    qint64 next() const { return m_next; }
    void reset() { m_next = std::numeric_limits<qint64>::max(); }

private:
    qint64 m_next = std::numeric_limits<qint64>::max();
};

} // namespace rdsim
