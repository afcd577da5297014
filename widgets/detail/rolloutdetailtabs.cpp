// SPDX-License-Identifier: GPL-3.0-or-later
#include "rolloutdetailtabs.h"

#include "analysisrunsview.h"
#include "detailstyleproxy.h"
#include "detailtext.h"
#include "replicasetsview.h"
#include "replicasettree.h"
#include "rollouteventsview.h"

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

} // namespace

RolloutDetailTabs::RolloutDetailTabs(QWidget *parent) :
    QTabWidget(parent),
    m_replicaSets(new ReplicaSetsView),
    m_analysis(new AnalysisRunsView),
    m_events(new RolloutEventsView)
{
    setObjectName(QStringLiteral("detailTabs"));
    setDocumentMode(true);
    addTab(m_replicaSets, QString());
    addTab(m_analysis, QString());
    addTab(m_events, QString());
}

void RolloutDetailTabs::setDetail(const RolloutDetail &detail, const QDateTime &now, Parts parts,
                                  DetailUpdate how)
{
    if (parts.replicaSets)
        m_replicaSets->setDetail(detail, now, how);
    if (parts.runs)
        m_analysis->runsModel()->setRuns(detail.analysisRuns, now, how);
    if (parts.events)
        m_events->eventsModel()->setEvents(detail.events, detail.rollout.metadata.name, now, how);
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
    if (tabText(0) != rsTitle)
        setTabText(0, rsTitle);

    const QString worst = currentRevisionsWorstPhase(detail);
    const QString analysisTitle = tr("Analysis (%1)").arg(detail.analysisRuns.size());
    if (tabText(1) != analysisTitle)
        setTabText(1, analysisTitle);
    const QIcon analysisIcon = worst.isEmpty() || worst == QLatin1String("Successful")
        ? QIcon()
        : DetailStyleProxy::symbolIcon(DetailText::analysisSymbolPhase(worst), QColor());
    if (tabIcon(1).cacheKey() != analysisIcon.cacheKey())
        setTabIcon(1, analysisIcon);
    setTabToolTip(
        1,
        worst.isEmpty()
            ? QString()
            : tr("Current revision's analysis: %1").arg(DetailText::analysisPhaseName(worst)));

    const int warnings = m_events->eventsModel()->warningCount();
    QString eventsTitle;
    if (warnings == 1)
        eventsTitle = tr("Events (%1, 1 warning)").arg(detail.events.size());
    else if (warnings > 1)
        eventsTitle = tr("Events (%1, %2 warnings)").arg(detail.events.size()).arg(warnings);
    else
        eventsTitle = tr("Events (%1)").arg(detail.events.size());
    if (tabText(2) != eventsTitle)
        setTabText(2, eventsTitle);
}
