// SPDX-License-Identifier: GPL-3.0-or-later
#include "gatecommand.h"

#include "commandline.h"
#include "gateevaluator.h"
#include "gatehistorytarget.h"
#include "gatereportformat.h"
#include "headlessfleet.h"
#include "historyrecorder.h"
#include "prometheusclients.h"
#include "rolloutlister.h"

#include <QDeadlineTimer>
#include <QTextStream>
#include <QThread>

#include <optional>

namespace {

int exitCodeOf(GateOutcome verdict)
{
    switch (verdict) {
    case GateOutcome::Pass:
        return GateCommand::Pass;
    case GateOutcome::Fail:
        return GateCommand::Fail;
    case GateOutcome::Inconclusive:
        return GateCommand::Inconclusive;
    case GateOutcome::Error:
        break;
    }
    return GateCommand::UsageOrConnectionError;
}

// One judgement: the rollout as the cluster has it now, its gates at atMs.
struct Round
{
    GateReport report;
    QString error; // the rollout could not be read
};

class GateCheck
{
public:
    GateCheck(const CommandLineOptions &options, const FleetSetup &setup,
              const EnvironmentSpec &environment, PrometheusClient *prometheus) :
        m_options(options), m_setup(setup), m_environment(environment), m_evaluator(prometheus)
    { }

    // target: the canary and stable to judge; null: the rollout's own.
    Round judge(qint64 atMs, const GateTarget *target = nullptr)
    {
        Round round;
        RolloutDetail detail;
        const EnvironmentListing listing
            = RolloutLister(m_setup.kubeconfig)
                  .detail(m_environment, m_options.namespaceName, m_options.name, &detail);
        if (listing.notFound) {
            round.error = GateCommand::tr("%1: rollout %2/%3 not found")
                              .arg(m_environment.name, m_options.namespaceName, m_options.name);
        } else if (!listing.error.isEmpty()) {
            round.error = QStringLiteral("%1: %2").arg(m_environment.name, listing.error);
        } else {
            const QList<GateSpec> gates = m_setup.gates.applicable(
                m_environment.name, m_options.namespaceName, m_options.name);
            round.report = m_evaluator.evaluate(
                gates, detail, target ? *target : GateTarget::of(detail.rollout), atMs);
        }
        return round;
    }

private:
    const CommandLineOptions &m_options;
    const FleetSetup &m_setup;
    const EnvironmentSpec &m_environment;
    GateEvaluator m_evaluator;
};

void print(const CommandLineOptions &options, const GateReport &report, QTextStream &out)
{
    switch (options.gate.output) {
    case GateCheckOptions::Output::Text:
        out << GateReportFormat::text(report);
        break;
    case GateCheckOptions::Output::Json:
        out << QString::fromUtf8(GateReportFormat::json(report));
        break;
    case GateCheckOptions::Output::Junit:
        out << QString::fromUtf8(GateReportFormat::junit({report}));
        break;
    }
    out.flush();
}

// --watch: rounds at the gate interval until the watch ends, a gate fails or the canary is
// gone (promoted or aborted: its last judgement with a canary stands).
int watch(const CommandLineOptions &options, GateCheck &check, qint64 intervalMs, QTextStream &out,
          QTextStream &err)
{
    const QDeadlineTimer end(options.gate.watchMs);
    std::optional<GateReport> last; // only the newest is kept: a watch may last a day
    while (true) {
        const Round round = check.judge(QDateTime::currentMSecsSinceEpoch());
        if (!round.error.isEmpty()) {
            HeadlessFleet::printError(err, round.error);
            return GateCommand::UsageOrConnectionError;
        }
        const bool canaryGone
            = last && !last->canaryHash.isEmpty() && round.report.canaryHash.isEmpty();
        if (canaryGone) {
            HeadlessFleet::printError(err,
                                      GateCommand::tr("the canary is gone (promoted or "
                                                      "aborted); its last judgement stands"));
            break;
        }
        last = round.report;
        // Text shows every round as it happens: a pipeline's log follows the watch.
        if (options.gate.output == GateCheckOptions::Output::Text) {
            out << GateReportFormat::text(round.report) << Qt::endl;
            out.flush();
        }
        if (round.report.verdict() == GateOutcome::Fail || end.hasExpired())
            break;
        QThread::msleep(quint64(std::min(intervalMs, std::max<qint64>(end.remainingTime(), 0))));
    }
    if (options.gate.output != GateCheckOptions::Output::Text)
        print(options, *last, out); // the judgement that decided
    return exitCodeOf(last->verdict());
}

} // namespace

int GateCommand::run(const CommandLineOptions &options, QTextStream &out, QTextStream &err,
                     DemoServer *demo)
{
    HeadlessFleet fleet;
    if (const int code = fleet.open(options, demo, err))
        return code;
    const QList<EnvironmentSpec> &environments = fleet.environments();
    if (environments.size() != 1) {
        QStringList names;
        for (const EnvironmentSpec &spec : environments)
            names.append(spec.name);
        HeadlessFleet::printError(
            err,
            tr("gate check: name the environment with --env or --context (environments: %1)")
                .arg(names.join(QStringLiteral(", "))));
        return UsageOrConnectionError;
    }
    const EnvironmentSpec &environment = environments.first();
    PromError problem;
    const std::unique_ptr<PrometheusClient> prometheus
        = makePrometheusClient(fleet.setup().kubeconfig, environment, &problem);
    if (!prometheus) {
        HeadlessFleet::printError(err, problem.message);
        return UsageOrConnectionError;
    }
    GateCheck check(options, fleet.setup(), environment, prometheus.get());
    if (options.gate.watchMs > 0)
        return watch(options, check, fleet.setup().gates.intervalMs, out, err);
    const qint64 atMs = options.gate.at.isValid() ? options.gate.at.toMSecsSinceEpoch()
                                                  : QDateTime::currentMSecsSinceEpoch();
    // A past instant is judged against the revisions of that time when the history knows
    // them: the rollout may have moved on since.
    PastGateTarget past;
    if (options.gate.at.isValid()) {
        const QString historyFile = options.historyFile.isEmpty()
            ? HistoryRecorder::defaultPath(options.demo)
            : options.historyFile;
        past = PastGateTarget::at(historyFile, environment.name, options.namespaceName,
                                  options.name, options.gate.at);
        if (past.found)
            HeadlessFleet::printError(err, past.note);
    }
    const Round round = check.judge(atMs, past.found ? &past.target : nullptr);
    if (!round.error.isEmpty()) {
        HeadlessFleet::printError(err, round.error);
        return UsageOrConnectionError;
    }
    print(options, round.report, out);
    return exitCodeOf(round.report.verdict());
}
