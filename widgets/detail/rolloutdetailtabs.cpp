// SPDX-License-Identifier: GPL-3.0-or-later
#include "rolloutdetailtabs.h"

#include "analysisrunsview.h"
#include "detailstyle.h"
#include "detailstyleproxy.h"
#include "detailtext.h"
#include "gatesview.h"
#include "replicasetsview.h"
#include "replicasettree.h"
#include "rollouteventsview.h"
#include "safetynetsverdict.h"
#include "safetynetsview.h"
#include "trafficroutingview.h"

#include "phasestyle.h"

#include <QTabBar>

namespace {

// The worst phase of the runs of the current revision: a red symbol for a failure is the
// first thing to catch an eye, but old revisions' failures are history.
QString currentRevisionsWorstPhase(const RolloutDetail &detail)
{
    static const QStringList order
        = {QStringLiteral("Successful"),   QStringLiteral("Pending"), QStringLiteral("Running"),
           QStringLiteral("Inconclusive"), QStringLiteral("Error"),   QStringLiteral("Failed")};
    QString worst;
    for (const AnalysisRun &run : detail.analysisRuns) {
        const QString hash = run.podTemplateHash();
        if (!hash.isEmpty() && hash != detail.rollout.status.currentPodHash)
            continue;
        if (order.indexOf(run.phase) > order.indexOf(worst))
            worst = run.phase;
    }
    return worst;
}

QString gateSubject(const QString &environment, const QString &namespaceName, const QString &name)
{
    return environment + QLatin1Char('/') + namespaceName + QLatin1Char('/') + name;
}

} // namespace

RolloutDetailTabs::RolloutDetailTabs(QWidget *parent) :
    QTabWidget(parent),
    m_replicaSets(new ReplicaSetsView),
    m_analysis(new AnalysisRunsView),
    m_gates(new GatesView),
    m_events(new RolloutEventsView),
    m_safetyNets(new SafetyNetsView),
    m_traffic(new TrafficRoutingView)
{
    setObjectName(QStringLiteral("detailTabs"));
    setDocumentMode(true);
    addTab(m_replicaSets, QString());
    addTab(m_analysis, QString());
    addTab(m_gates, QString());
    addTab(m_events, QString());
    addTab(m_safetyNets, QString());
    addTab(m_traffic, tr("Traffic"));
    updateGatesTitle(nullptr);
    updateSafetyNetsTitle(nullptr);
}

void RolloutDetailTabs::setDetail(const RolloutDetail &detail, const QDateTime &now, Parts parts,
                                  DetailUpdate how)
{
    if (parts.replicaSets)
        m_replicaSets->setDetail(detail, now, how);
    if (parts.runs)
        m_analysis->runsModel()->setRuns(detail.allAnalysisRuns(), now, how, detail.jobsByRunUid,
                                         detail.podsByJobUid);
    if (parts.events)
        m_events->eventsModel()->setEvents(detail.events, detail.rollout.metadata.name, now, how);
    m_traffic->trafficModel()->setRollout(detail.rollout, detail.replicaSets, how);
    const QString subject = gateSubject(detail.environment, detail.rollout.metadata.namespaceName,
                                        detail.rollout.metadata.name);
    // The verdict of the rollout shown before must never stand for this one; a report of
    // this rollout set just before its detail stays.
    if (!m_gateSubject.isEmpty() && m_gateSubject != subject)
        clearGateReport(QString());
    if (!m_safetyNetsSubject.isEmpty() && m_safetyNetsSubject != subject)
        clearSafetyNets(QString());
    if (how == DetailUpdate::Reset) {
        // Another rollout: start at the top of each list rather than at the old offset.
        m_replicaSets->tree()->scrollToTop();
        m_analysis->scrollToTop();
        m_events->scrollToTop();
    }
    updateTitles(detail);
}

void RolloutDetailTabs::updateTitles(const RolloutDetail &detail)
{
    const QString rsTitle = tr("ReplicaSets (%1)").arg(detail.replicaSets.size());
    if (tabText(ReplicaSetsTab) != rsTitle)
        setTabText(ReplicaSetsTab, rsTitle);

    const QString worst = currentRevisionsWorstPhase(detail);
    const QString analysisTitle = tr("Analysis (%1)").arg(detail.analysisRuns.size());
    if (tabText(AnalysisTab) != analysisTitle)
        setTabText(AnalysisTab, analysisTitle);
    const QIcon analysisIcon = worst.isEmpty() || worst == QLatin1String("Successful")
        ? QIcon()
        : DetailStyleProxy::symbolIcon(DetailText::analysisSymbolPhase(worst), QColor());
    if (tabIcon(AnalysisTab).cacheKey() != analysisIcon.cacheKey())
        setTabIcon(AnalysisTab, analysisIcon);
    setTabToolTip(
        AnalysisTab,
        worst.isEmpty()
            ? QString()
            : tr("Current revision's analysis: %1").arg(DetailText::analysisPhaseName(worst)));

    const QString eventsTitle = m_events->tabTitle(detail.events.size());
    if (tabText(EventsTab) != eventsTitle)
        setTabText(EventsTab, eventsTitle);
}

void RolloutDetailTabs::setGateReport(const GateReport &report)
{
    m_gateSubject = gateSubject(report.environment, report.namespaceName, report.rollout);
    m_gates->setReport(report);
    // Only a judged canary has a verdict; without one the tab is plain "Gates".
    updateGatesTitle(report.canaryHash.isEmpty() || report.gates.isEmpty() ? nullptr : &report);
}

void RolloutDetailTabs::clearGateReport(const QString &why)
{
    m_gateSubject.clear();
    m_gates->clearReport(why);
    updateGatesTitle(nullptr);
}

void RolloutDetailTabs::setGateIntervalMs(qint64 intervalMs)
{
    m_gates->setIntervalMs(intervalMs);
}

void RolloutDetailTabs::updateGatesTitle(const GateReport *report)
{
    const GateOutcome verdict = report ? report->verdict() : GateOutcome::Inconclusive;
    QString title = tr("Gates");
    QColor colour; // the style's
    if (report) {
        const int count = report->count(verdict);
        switch (verdict) {
        case GateOutcome::Pass:
            title = tr("Gates \u2713");
            colour = DetailStyle::okColour();
            break;
        case GateOutcome::Inconclusive:
            title = tr("Gates ? %1").arg(count);
            colour = DetailStyle::warningColour();
            break;
        case GateOutcome::Error:
            title = tr("Gates ! %1").arg(count);
            colour = DetailStyle::failedColour();
            break;
        case GateOutcome::Fail:
            title = tr("Gates \u2715 %1").arg(count);
            colour = DetailStyle::failedColour();
            break;
        }
    }
    if (tabText(GatesTab) != title)
        setTabText(GatesTab, title);
    tabBar()->setTabTextColor(GatesTab, colour);
    setTabToolTip(GatesTab,
                  report ? tr("Quality gates: %1").arg(GateOutcomes::label(verdict))
                         : tr("Quality gates of the canary"));
}

void RolloutDetailTabs::setSafetyNets(const SafetyNets &nets)
{
    m_safetyNetsSubject = gateSubject(nets.environment, nets.namespace_, nets.rollout);
    m_safetyNets->setSafetyNets(nets);
    updateSafetyNetsTitle(&nets);
}

void RolloutDetailTabs::clearSafetyNets(const QString &why)
{
    m_safetyNetsSubject.clear();
    m_safetyNets->clearSafetyNets(why);
    updateSafetyNetsTitle(nullptr);
}

void RolloutDetailTabs::updateSafetyNetsTitle(const SafetyNets *nets)
{
    using Tone = DetailRoles::Tone;
    const Tone worst = nets ? SafetyNetsVerdict::worst(*nets) : Tone::Muted;
    const QString symbol = SafetyNetsVerdict::symbol(worst);
    // Green only where it was earned; a finding's colour like the gates tab's verdict.
    const QColor colour = worst == Tone::Failed || worst == Tone::Warning
        ? DetailStyle::toneColour(worst, palette())
        : QColor();
    const QIcon icon = symbol.isEmpty() ? QIcon() : PhaseStyle::icon(symbol, 14);
    if (tabText(SafetyNetsTab) != tr("Safety nets"))
        setTabText(SafetyNetsTab, tr("Safety nets"));
    setTabIcon(SafetyNetsTab, icon);
    tabBar()->setTabTextColor(SafetyNetsTab, colour);
    setTabToolTip(SafetyNetsTab,
                  nets ? SafetyNetsVerdict::toolTip(*nets)
                       : tr("Image scans, policy, runtime alerts, CI, the earlier "
                            "environment's evidence and flags of the canary"));
}
