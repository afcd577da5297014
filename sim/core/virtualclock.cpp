// SPDX-License-Identifier: GPL-3.0-or-later
#include "virtualclock.h"

namespace rdsim {

VirtualClock::VirtualClock(double speed) :
    m_realOrigin(std::chrono::steady_clock::now()),
    m_virtualOrigin(QDateTime::currentMSecsSinceEpoch()),
    m_speed(speed > 0 ? speed : 1.0)
{ }

qint64 VirtualClock::nowLocked() const
{
    if (m_frozen)
        return m_virtualOrigin;
    const auto realElapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
                                 std::chrono::steady_clock::now() - m_realOrigin)
                                 .count();
    return m_virtualOrigin + static_cast<qint64>(static_cast<double>(realElapsed) * m_speed);
}

// Re-anchors virtual time at "now" so a change of speed or freezing never makes time jump.
void VirtualClock::rebaseLocked()
{
    m_virtualOrigin = nowLocked();
    m_realOrigin = std::chrono::steady_clock::now();
}

qint64 VirtualClock::nowMs() const
{
    std::lock_guard lock(m_mutex);
    return nowLocked();
}

QDateTime VirtualClock::now() const
{
    return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC);
}

QString VirtualClock::nowRfc3339() const
{
    return toRfc3339(nowMs());
}

double VirtualClock::speed() const
{
    std::lock_guard lock(m_mutex);
    return m_speed;
}

void VirtualClock::setSpeed(double speed)
{
    std::lock_guard lock(m_mutex);
    rebaseLocked();
    m_speed = speed > 0 ? speed : 1.0;
}

bool VirtualClock::isFrozen() const
{
    std::lock_guard lock(m_mutex);
    return m_frozen;
}

void VirtualClock::setFrozen(bool frozen)
{
    std::lock_guard lock(m_mutex);
    rebaseLocked();
    m_frozen = frozen;
}

void VirtualClock::advance(qint64 virtualMs)
{
    std::lock_guard lock(m_mutex);
    rebaseLocked();
    m_virtualOrigin += virtualMs;
}

QString VirtualClock::toRfc3339(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

qint64 VirtualClock::fromRfc3339(const QString &text)
{
    const QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    return parsed.isValid() ? parsed.toMSecsSinceEpoch() : -1;
}

} // namespace rdsim
