// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

class QTimer;
class SimProcess;

// Every failure rd-sim can inject (sim/api/faultinjector.h), plus a simulator process killed
// and started again on the same port and an event storm, applied in turn: one kind every
// period, on one cluster at a time (round robin), active for `activeMs`, then cleared.
class FaultSchedule : public QObject
{
    Q_OBJECT
public:
    struct Fault
    {
        QString name; // as reported: "503", "429 Retry-After", "kill+restart", ...
        QByteArray command; // the child's fault command; empty for kill and storm
        enum class Kind { Rule, Kill, Storm } kind = Kind::Rule;
        bool restartableOnly = false; // kill: only a cluster whose CA may change (insecure TLS)
    };

    FaultSchedule(const QList<SimProcess *> &sims, SimProcess *restartable, int periodMs,
                  int activeMs, QObject *parent = nullptr);

    static QList<Fault> faults();
    void start();
    // Clears every rule, ends storms and brings a killed simulator back.
    void stop();
    QMap<QString, int> injectedByKind() const { return m_injected; }
    QStringList log() const { return m_log; }

private:
    void next();
    void endActive();

    QList<SimProcess *> m_sims;
    SimProcess *m_restartable;
    int m_periodMs;
    int m_activeMs;
    QList<Fault> m_faults;
    int m_nextFault = 0;
    int m_nextSim = 0;
    SimProcess *m_active = nullptr; // the cluster with a rule (or killed) right now
    bool m_killed = false;
    bool m_stopped = false;
    QTimer *m_timer;
    QTimer *m_endTimer;
    QMap<QString, int> m_injected;
    QStringList m_log;
};
