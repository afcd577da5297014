// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

#include <chrono>
#include <mutex>

namespace rdsim {

// The simulator's notion of "now". Virtual time starts at the real time of construction and
// runs `speed` times faster than real time, so a scenario can play a 30-minute canary in a
// minute. Frozen, it stands still until advance() moves it: tests use that to step the
// controllers deterministically, and `rd-sim --frozen` to keep a loaded state exact.
// Thread-safe: the HTTP threads and the controller thread both read it.
class VirtualClock
{
public:
    explicit VirtualClock(double speed = 1.0);

    qint64 nowMs() const; // virtual milliseconds since the Unix epoch
    QDateTime now() const; // UTC
    QString nowRfc3339() const; // "2026-11-25T17:03:31Z", second precision like Kubernetes

    double speed() const;
    void setSpeed(double speed);
    bool isFrozen() const;
    void setFrozen(bool frozen);
    void advance(qint64 virtualMs);

    static QString toRfc3339(qint64 epochMs);
    static qint64 fromRfc3339(const QString &text); // -1 when unparseable

private:
    qint64 nowLocked() const;
    void rebaseLocked();

    mutable std::mutex m_mutex;
    std::chrono::steady_clock::time_point m_realOrigin;
    qint64 m_virtualOrigin = 0;
    double m_speed = 1.0;
    bool m_frozen = false;
};

} // namespace rdsim
