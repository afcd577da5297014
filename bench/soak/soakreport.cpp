// SPDX-License-Identifier: GPL-3.0-or-later
#include "soakreport.h"

#include "simprocess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <csignal>
#include <cstdio>

namespace {

constexpr qint64 kShutdownBudgetMs = 2000;

void line(const QString &text)
{
    std::printf("%s\n", qPrintable(text));
    std::fflush(stdout);
}

// The names of this process's threads (/proc/self/task/*/comm).
QStringList threadNames()
{
    QStringList names;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
        if (comm.open(QIODevice::ReadOnly))
            names.append(
                QStringLiteral("%1 %2").arg(tid, QString::fromUtf8(comm.readAll().trimmed())));
    }
    return names;
}

const char *mark(bool ok)
{
    return ok ? "PASS" : "FAIL";
}

} // namespace

void SoakReport::setActions(const ActionDriver &actions)
{
    clicks = int(actions.clicks().size());
    skipped = actions.skipped();
    outcomes = actions.outcomes();
    dialogsClosed = actions.dialogsClosed();
    actionResults = actions.resultsByKind();
    skipReasons = actions.skipReasons();
}

void SoakReport::setSims(const QList<SimProcess *> &sims)
{
    for (SimProcess *sim : sims) {
        simPatches.insert(sim->cluster(), sim->patchCount());
        QStringList parts;
        const QHash<int, int> byStatus = sim->patchesByStatus();
        QList<int> statuses = byStatus.keys();
        std::sort(statuses.begin(), statuses.end());
        for (int status : statuses)
            parts.append(QStringLiteral("%1×%2").arg(status).arg(byStatus.value(status)));
        simPatchStatuses.insert(sim->cluster(), parts.join(QLatin1Char(' ')));
        simWrites += sim->totalWrites();
        simEvents += sim->events();
        restarts += sim->restarts();
    }
}

void SoakReport::progress(qint64 elapsedMs, const ResourceSampler &sampler,
                          const ActionDriver &actions, int serverEvents) const
{
    const QList<ResourceSampler::Sample> samples = sampler.samples();
    const ResourceSampler::Sample last
        = samples.isEmpty() ? ResourceSampler::Sample() : samples.last();
    std::printf(
        "soak: %3lld min: RSS %.1f MiB (heap in use %.1f), %d threads, %lld changes in %d batches, "
        "%lld clicks (%d skipped), %d outcomes; servers hold %d Events\n",
        static_cast<long long>(elapsedMs / 60000), last.rssMiB, last.heapMiB, last.threads,
        static_cast<long long>(changes), batches, static_cast<long long>(actions.clicks().size()),
        actions.skipped(), actions.outcomes(), serverEvents);
    std::fflush(stdout);
}

void SoakReport::printBody()
{
    line(QStringLiteral("\n==== soak report ===="));
    line(QStringLiteral("duration: %1 s of faults, settled in %2 s")
             .arg(soakMs / 1000.0, 0, 'f', 0)
             .arg(settleMs / 1000.0, 0, 'f', 1));
    int totalFaults = 0;
    for (auto it = faults.cbegin(); it != faults.cend(); ++it) {
        line(QStringLiteral("  fault %1: %2").arg(it.key(), -40).arg(it.value()));
        totalFaults += it.value();
    }
    line(QStringLiteral("faults injected: %1 (simulator restarts: %2)")
             .arg(totalFaults)
             .arg(restarts));
    QStringList drops;
    for (auto it = disconnections.cbegin(); it != disconnections.cend(); ++it)
        drops.append(QStringLiteral("%1 %2").arg(it.key()).arg(it.value()));
    line(QStringLiteral("events: %1 object changes in %2 batches reached the model; the "
                        "servers wrote %3 times and hold %4 Events at the end; environments "
                        "went to an error state: %5")
             .arg(changes)
             .arg(batches)
             .arg(simWrites)
             .arg(simEvents)
             .arg(drops.join(QStringLiteral(", "))));

    bool stateOk = !stateResults.isEmpty();
    for (const StateCheck::Result &r : std::as_const(stateResults)) {
        stateOk = stateOk && r.ok;
        line(QStringLiteral("  state: %1 Rollouts, %2 ReplicaSets, %3 pods compared: %4")
                 .arg(r.rollouts)
                 .arg(r.replicaSets)
                 .arg(r.pods)
                 .arg(r.ok ? QStringLiteral("equal") : QStringLiteral("DIFFERENT")));
        for (const QString &d : r.differences)
            line(QStringLiteral("    %1").arg(d));
    }
    for (auto it = states.cbegin(); it != states.cend(); ++it) {
        if (!it->isLive())
            line(QStringLiteral("  %1 is not live: %2 %3")
                     .arg(it.key(), ConnectionState::kindName(it->kind), it->reason));
    }
    line(QStringLiteral("[%1] models equal the servers' state").arg(QLatin1String(mark(stateOk))));

    line(QStringLiteral("[%1] memory and threads flat: %2")
             .arg(QLatin1String(mark(resources.passed)), resources.text));

    QStringList results;
    for (auto it = actionResults.cbegin(); it != actionResults.cend(); ++it)
        results.append(QStringLiteral("%1 %2").arg(it.key()).arg(it.value()));
    line(QStringLiteral("actions: %1 clicked (%2 turns skipped: not offered), %3 outcomes (%4), "
                        "%5 failure dialogs closed")
             .arg(clicks)
             .arg(skipped)
             .arg(outcomes)
             .arg(results.join(QStringLiteral(", ")))
             .arg(dialogsClosed));
    for (auto it = skipReasons.cbegin(); it != skipReasons.cend(); ++it)
        line(QStringLiteral("  skipped: %1 × %2").arg(it.value()).arg(it.key()));
    line(QStringLiteral("  audit file: %1 attempts, %2 outcomes")
             .arg(audit.attempts)
             .arg(audit.outcomes));
    bool patchesOk = true;
    for (auto it = simPatches.cbegin(); it != simPatches.cend(); ++it) {
        const int listed = audit.requestsByEnvironment.value(it.key());
        const bool ok = listed == it.value();
        patchesOk = patchesOk && ok;
        line(QStringLiteral("  %1: the server saw %2 Rollout PATCHes (%3), the audit lists %4: %5")
                 .arg(it.key())
                 .arg(it.value())
                 .arg(simPatchStatuses.value(it.key()))
                 .arg(listed)
                 .arg(ok ? QStringLiteral("same") : QStringLiteral("DIFFERENT")));
    }
    for (const QString &p : std::as_const(audit.problems))
        line(QStringLiteral("    %1").arg(p));
    const bool actionsOk = audit.ok && patchesOk && outcomes == clicks;
    line(QStringLiteral("[%1] no action lost or doubled").arg(QLatin1String(mark(actionsOk))));
    line(QStringLiteral("exec plugin ran %1 times").arg(pluginRuns));
    bodyPassed = stateOk && resources.passed && actionsOk;
}

void SoakReport::shutdownStarted(bool hanging)
{
    pluginHung = hanging;
    line(hanging ? QStringLiteral("shutdown: the exec plugin hangs; closing the window")
                 : QStringLiteral("shutdown: the exec plugin did not hang within 60 s; "
                                  "closing the window anyway"));
}

bool SoakReport::printShutdownAndVerdict()
{
    const bool fast = shutdownMs >= 0 && shutdownMs <= kShutdownBudgetMs;
    line(QStringLiteral("[%1] shutdown with a hanging exec plugin: %2 ms (budget %3 ms), "
                        "%4 threads left")
             .arg(QLatin1String(mark(fast && pluginHung)))
             .arg(shutdownMs)
             .arg(kShutdownBudgetMs)
             .arg(threadsAfterShutdown));
    bool leftover = false;
    for (const QString &thread : threadNames())
        line(QStringLiteral("  thread left: %1").arg(thread));
    if (sleepPid > 0) {
        // Fields after the command in /proc/PID/stat: state, parent, process group. A killed
        // child whose parent died stays a zombie until init reaps it; in a container whose
        // PID 1 never reaps, that is forever, and it is gone all the same.
        QFile stat(QStringLiteral("/proc/%1/stat").arg(sleepPid));
        const QList<QByteArray> fields = stat.open(QIODevice::ReadOnly)
            ? stat.readAll().split(')').value(1).trimmed().split(' ')
            : QList<QByteArray>();
        if (!fields.isEmpty() && fields.value(0) != "Z") {
            leftover = true;
            line(QStringLiteral("  the plugin's child (sleep, pid %1, parent %2, group %3) is "
                                "still running: killed now")
                     .arg(sleepPid)
                     .arg(QString::fromLatin1(fields.value(1)),
                          QString::fromLatin1(fields.value(2))));
            ::kill(pid_t(sleepPid), SIGKILL);
        } else {
            line(QStringLiteral("  the plugin and its child (sleep, pid %1) are gone")
                     .arg(sleepPid));
        }
    }
    const bool passed = bodyPassed && fast && pluginHung && !leftover;
    line(QStringLiteral("==== soak: %1 ====").arg(QLatin1String(mark(passed))));
    return passed;
}
