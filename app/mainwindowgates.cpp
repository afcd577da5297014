// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow and the live quality gates: each report goes to the fleet table's Gates column,
// the selected rollout's Gates tab, the release record and the notifications.
#include "mainwindow.h"

#include "detailpane.h"
#include "fleetmodel.h"
#include "gatecontroller.h"
#include "gatejudge.h"
#include "messagebanner.h"
#include "notificationcenter.h"
#include "releaserecording.h"
#include "rolloutdetailcontroller.h"
#include "rolloutdetailview.h"

namespace {

// The tooltip of the Gates column: every gate that did not pass, and why.
QString verdictSummary(const GateReport &report)
{
    QStringList lines;
    for (const GateResult &gate : report.gates) {
        if (gate.outcome != GateOutcome::Pass)
            lines.append(QStringLiteral("%1 %2: %3")
                             .arg(GateOutcomes::label(gate.outcome), gate.name, gate.message));
    }
    if (lines.isEmpty())
        return report.gates.isEmpty()
            ? MainWindow::tr("No gate applies to this rollout")
            : MainWindow::tr("Every gate passed (%1 of %1)").arg(report.gates.size());
    return lines.join(QLatin1Char('\n'));
}

} // namespace

void MainWindow::connectGates()
{
    connect(m_gates, &GateController::reportChanged, this, &MainWindow::gateReportChanged);
    connect(m_gates, &GateController::reportReady, m_recording,
            &ReleaseRecording::recordGateReport);
    connect(m_gates, &GateController::gateFailed, this, &MainWindow::announceGateFailure);
    connect(m_gates, &GateController::autoPauseFinished, this, &MainWindow::gatePauseFinished);
}

void MainWindow::announceGateFailure(const QString &environment, const QString &uid,
                                     const GateReport &report, const GateResult &gate, bool pausing)
{
    QString message = gate.message;
    if (pausing) {
        // Before the answer: the watch may show the pause first.
        m_notifications->expectGatePause(environment, uid);
        message = tr("%1; pausing the rollout (onGateFail: pause)").arg(gate.message);
    }
    m_notifications->gateFailed(environment, report.namespaceName, report.rollout, gate.name,
                                message);
}

void MainWindow::gatePauseFinished(const RolloutActionResult &result, const QString &uid,
                                   const QString &gate)
{
    const RolloutActionRequest &request = result.request;
    if (result.awaitsEffect()) {
        // Only a pause the server accepted is called the window's (not one a person made
        // before, which left nothing to do); the row shows it once the watch does.
        m_fleetModel->claimManualPause(request.environment, uid,
                                       tr("the dashboard (gate “%1” failed)").arg(gate));
        return;
    }
    if (result.succeeded()) {
        m_notifications->forgetGatePause(request.environment, uid); // it was paused already
        return;
    }
    m_notifications->forgetGatePause(request.environment, uid);
    // Told like a gate failure, so it reaches the person as loudly as the failure did.
    m_notifications->gateFailed(request.environment, request.namespaceName, request.name,
                                tr("pause after a failed gate"),
                                tr("the dashboard could not pause it: %1").arg(result.message));
    m_banner->showMessage(
        tr("%1/%2/%3: could not pause after a failed gate: %4")
            .arg(request.environment, request.namespaceName, request.name, result.message),
        MessageBanner::Type::Error);
}

void MainWindow::setGates(const GateSettings &settings)
{
    m_gates->setSettings(settings);
    m_detail->rolloutView()->setGateIntervalMs(settings.intervalMs);
}

void MainWindow::gateReportChanged(const QString &environment, const QString &uid)
{
    const GateReport *report = m_gates->report(environment, uid);
    if (!report) {
        m_fleetModel->setGateVerdict(environment, uid, std::nullopt);
    } else {
        FleetModel::GateVerdict verdict;
        verdict.outcome = report->verdict();
        verdict.failed = report->count(GateOutcome::Fail);
        verdict.total = int(report->gates.size());
        verdict.summary = verdictSummary(*report);
        m_fleetModel->setGateVerdict(environment, uid, verdict);
    }
    const RolloutRef selected = m_detailController->selected();
    if (selected.environment == environment && selected.uid == uid)
        showGateReport(environment, uid);
}

void MainWindow::showGateReport(const QString &environment, const QString &uid)
{
    RolloutDetailView *view = m_detail->rolloutView();
    if (const GateReport *report = m_gates->report(environment, uid))
        view->setGateReport(*report);
    else
        view->clearGateReport(m_gates->missingReason(environment, uid));
}
