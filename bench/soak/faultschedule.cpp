// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultschedule.h"

#include "simprocess.h"

#include <QThread>
#include <QTimer>

#include <cstdio>

namespace {

// "fault KIND STATUS RETRY_AFTER DELAY_MS WATCH_ONLY EVERY_NTH" (simchild.cpp)
QByteArray rule(const char *kind, int status = 0, int retryAfter = -1, int delayMs = 0,
                bool watchOnly = false, int everyNth = 1)
{
    return QByteArray("fault ") + kind + ' ' + QByteArray::number(status) + ' '
        + QByteArray::number(retryAfter) + ' ' + QByteArray::number(delayMs) + ' '
        + (watchOnly ? "1" : "0") + ' ' + QByteArray::number(everyNth);
}

} // namespace

FaultSchedule::FaultSchedule(const QList<SimProcess *> &sims, SimProcess *restartable, int periodMs,
                             int activeMs, QObject *parent) :
    QObject(parent),
    m_sims(sims),
    m_restartable(restartable),
    m_periodMs(periodMs),
    m_activeMs(activeMs),
    m_faults(faults()),
    m_timer(new QTimer(this)),
    m_endTimer(new QTimer(this))
{
    m_timer->setInterval(periodMs);
    connect(m_timer, &QTimer::timeout, this, &FaultSchedule::next);
    m_endTimer->setSingleShot(true);
    connect(m_endTimer, &QTimer::timeout, this, &FaultSchedule::endActive);
}

QList<FaultSchedule::Fault> FaultSchedule::faults()
{
    using K = Fault::Kind;
    // Rules match every request (lists, watches, GETs, the action's PATCHes and reviews),
    // as a broken proxy or an overloaded API server would, except where a kind is about
    // watches only. Each starts with every connection closed (simchild's "bounce").
    return {
        {QStringLiteral("503 Service Unavailable"), rule("status", 503), K::Rule},
        {QStringLiteral("429 Retry-After 2"), rule("status", 429, 2), K::Rule},
        {QStringLiteral("410 Gone on watch"), rule("expire", 410, -1, 0, true), K::Rule},
        {QStringLiteral("drop connection (every 2nd request)"), rule("drop", 0, -1, 0, false, 2),
         K::Rule},
        {QStringLiteral("event storm"), QByteArray(), K::Storm},
        {QStringLiteral("slow responses (3 s)"), rule("delay", 0, -1, 3000), K::Rule},
        {QStringLiteral("500 Internal Server Error"), rule("status", 500), K::Rule},
        {QStringLiteral("truncated body (every 2nd)"), rule("truncate", 0, -1, 0, false, 2),
         K::Rule},
        {QStringLiteral("malformed JSON (every 3rd)"), rule("malformed", 0, -1, 0, false, 3),
         K::Rule},
        {QStringLiteral("401 Unauthorized"), rule("status", 401), K::Rule},
        {QStringLiteral("drop watches mid-stream"), rule("drop", 0, -1, 0, true), K::Rule},
        {QStringLiteral("simulator killed and restarted"), QByteArray(), K::Kill, true},
    };
}

void FaultSchedule::start()
{
    m_timer->start();
    next();
}

void FaultSchedule::stop()
{
    m_stopped = true;
    m_timer->stop();
    m_endTimer->stop();
    endActive();
    for (SimProcess *sim : std::as_const(m_sims))
        sim->send("clear");
}

void FaultSchedule::next()
{
    if (m_stopped)
        return;
    endActive(); // a short period may start the next before the last ended
    const Fault fault = m_faults.at(m_nextFault++ % m_faults.size());
    SimProcess *sim
        = fault.restartableOnly ? m_restartable : m_sims.at(m_nextSim++ % m_sims.size());
    m_injected[fault.name] += 1;
    m_log.append(QStringLiteral("%1 on %2").arg(fault.name, sim->cluster()));
    std::printf("soak: fault %-40s on %s\n", qPrintable(fault.name), qPrintable(sim->cluster()));
    std::fflush(stdout);
    switch (fault.kind) {
    case Fault::Kind::Rule:
        sim->send(fault.command);
        sim->send("bounce"); // open watches reconnect into the rule
        m_active = sim;
        break;
    case Fault::Kind::Storm:
        sim->send("storm " + QByteArray::number(qMax(1, m_activeMs / 1000)));
        break;
    case Fault::Kind::Kill:
        sim->kill();
        m_active = sim;
        m_killed = true;
        break;
    }
    m_endTimer->start(m_activeMs);
}

void FaultSchedule::endActive()
{
    if (!m_active)
        return;
    SimProcess *sim = m_active;
    m_active = nullptr;
    if (m_killed) {
        m_killed = false;
        QString error;
        // The port may linger a moment after the kill: try a few times.
        for (int attempt = 0; attempt < 20 && !sim->isRunning(); ++attempt) {
            if (!sim->start(15000, &error))
                QThread::msleep(250);
        }
        if (!sim->isRunning())
            std::fprintf(stderr, "soak: %s did not restart: %s\n", qPrintable(sim->cluster()),
                         qPrintable(error));
        return;
    }
    sim->send("clear");
}
