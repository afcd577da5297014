// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysisrunsview.h"

#include "detailstyle.h"
#include "stepdescription.h"
#include "treesync.h"

#include <QHeaderView>

const QString AnalysisRunsView::messageKey = QStringLiteral("#message");

namespace {

using V = AnalysisRunsView;

void setPhase(QTreeWidgetItem *item, const QString &phase)
{
    TreeSync::setText(item, V::Phase, DetailStyle::analysisPhaseName(phase));
    TreeSync::setIcon(item, V::Phase, TreeSync::phaseIcon(DetailStyle::analysisSymbolPhase(phase)));
    const QColor colour = DetailStyle::analysisPhaseColour(phase);
    for (int column : {int(V::Name), int(V::Phase)})
        TreeSync::setForeground(item, column, colour);
}

void fillMessage(QTreeWidgetItem *item, const QString &message, const QString &phase)
{
    // One line: a multi-line controller message would break the row height.
    QString line = message;
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    TreeSync::setText(item, V::Name, line);
    TreeSync::setToolTip(item, V::Name, message);
    TreeSync::setForeground(item, V::Name, DetailStyle::analysisPhaseColour(phase));
    if (!item->isFirstColumnSpanned())
        item->setFirstColumnSpanned(true);
}

QString runType(const AnalysisRun &run)
{
    // The controller labels each run with what started it.
    const QString type = run.metadata.labels.value(u"rollout-type");
    if (type == QLatin1String("Step"))
        return AnalysisRunsView::tr("Step analysis");
    if (type == QLatin1String("Background"))
        return AnalysisRunsView::tr("Background analysis");
    if (type == QLatin1String("PrePromotion"))
        return AnalysisRunsView::tr("Pre-promotion analysis");
    if (type == QLatin1String("PostPromotion"))
        return AnalysisRunsView::tr("Post-promotion analysis");
    return type;
}

QDateTime measuredAt(const Measurement &m)
{
    return m.finishedAt.isValid() ? m.finishedAt : m.startedAt;
}

QString agoText(const QDateTime &time, const QDateTime &now)
{
    return time.isValid() ? AnalysisRunsView::tr("%1 ago").arg(DetailStyle::age(time, now))
                          : QString();
}

void fillMeasurement(QTreeWidgetItem *item, const Measurement &m, int number, const QDateTime &now)
{
    TreeSync::setText(item, V::Name, AnalysisRunsView::tr("Measurement %1").arg(number));
    setPhase(item, m.phase);
    // An Error measurement has no value; its message says what went wrong.
    const QString value = m.value.isEmpty() && !m.message.isEmpty()
        ? m.message
        : StepDescription::measurementValue(m);
    TreeSync::setText(item, V::Values, value);
    TreeSync::setToolTip(item, V::Values, m.message.isEmpty() ? m.value : m.message);
    TreeSync::setForeground(item, V::Values, DetailStyle::analysisPhaseColour(m.phase));
    const QDateTime at = measuredAt(m);
    TreeSync::setText(item, V::When, agoText(at, now));
    TreeSync::setToolTip(item, V::When, DetailStyle::timestamp(at));
}

void fillMetric(QTreeWidget *tree, QTreeWidgetItem *item, const MetricResult &metric,
                const AnalysisRun &run, const QDateTime &now, bool created)
{
    TreeSync::setText(item, V::Name,
                      metric.dryRun ? AnalysisRunsView::tr("%1 (dry run)").arg(metric.name)
                                    : metric.name);
    setPhase(item, metric.phase);
    TreeSync::setText(item, V::Summary, StepDescription::metricCounts(metric));
    TreeSync::setToolTip(
        item, V::Summary,
        AnalysisRunsView::tr("Successful: %1\nFailed: %2\nInconclusive: %3\nError: %4\n"
                             "Consecutive errors: %5")
            .arg(metric.successful)
            .arg(metric.failed)
            .arg(metric.inconclusive)
            .arg(metric.error)
            .arg(metric.consecutiveError));
    TreeSync::setText(item, V::Values, StepDescription::latestValues(metric));
    const QDateTime last
        = metric.measurements.isEmpty() ? QDateTime() : measuredAt(metric.measurements.constLast());
    TreeSync::setText(item, V::When, agoText(last, now));
    TreeSync::setToolTip(item, V::When, DetailStyle::timestamp(last));

    // The explanation (unless the run's row already says the same), then the latest few
    // measurements, newest first, keyed by start time (stable while the controller appends
    // and measurementRetention drops the oldest).
    const QString failure = StepDescription::metricFailureMessage(metric, run);
    const bool hasMessage = !failure.isEmpty() && failure != run.message;
    QStringList keys;
    if (hasMessage)
        keys.append(V::messageKey);
    QList<int> indexes;
    for (qsizetype i = metric.measurements.size() - 1;
         i >= 0 && indexes.size() < V::shownMeasurements; --i) {
        const Measurement &m = metric.measurements.at(i);
        keys.append(m.startedAt.isValid() ? m.startedAt.toString(Qt::ISODateWithMs)
                                          : QString::number(i));
        indexes.append(int(i));
    }
    TreeSync::syncChildren(tree, item, keys, [&](QTreeWidgetItem *child, int row, bool) {
        if (hasMessage && row == 0) {
            fillMessage(child, failure, metric.phase);
            return;
        }
        const int index = indexes.at(hasMessage ? row - 1 : row);
        // Numbered as the controller counts them: retention may have dropped earlier ones.
        const int total = metric.count + metric.error;
        const int number = total - int(metric.measurements.size()) + index + 1;
        fillMeasurement(child, metric.measurements.at(index), number > 0 ? number : index + 1, now);
    });
    if (created)
        item->setExpanded(StepDescription::isFailedPhase(metric.phase)
                          || metric.phase == QLatin1String("Inconclusive"));
}

} // namespace

AnalysisRunsView::AnalysisRunsView(QWidget *parent) : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("analysisTree"));
    setColumnCount(Count);
    setHeaderLabels(
        {tr("Run / metric"), tr("Phase"), tr("Counts"), tr("Latest values"), tr("When")});
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setTextElideMode(Qt::ElideRight);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(Summary, QHeaderView::Stretch);
    const int digit = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    setColumnWidth(Name, 28 * digit);
    setColumnWidth(Phase, 13 * digit);
    setColumnWidth(Values, 20 * digit);
    setColumnWidth(When, 11 * digit);
}

void AnalysisRunsView::setRuns(const QList<AnalysisRun> &runs, const QDateTime &now)
{
    QStringList keys;
    for (const AnalysisRun &run : runs)
        keys.append(run.metadata.uid.isEmpty() ? run.metadata.name : run.metadata.uid);
    TreeSync::syncChildren(this, nullptr, keys, [&](QTreeWidgetItem *item, int row, bool created) {
        const AnalysisRun &run = runs.at(row);
        TreeSync::setText(item, Name, run.metadata.name);
        QStringList tip {run.metadata.name};
        const QString type = runType(run);
        if (!type.isEmpty())
            tip.append(type);
        const QString revision = run.metadata.annotations.value(u"rollout.argoproj.io/revision");
        if (!revision.isEmpty())
            tip.append(tr("Revision %1").arg(revision));
        TreeSync::setToolTip(item, Name, tip.join(QLatin1Char('\n')));
        setPhase(item, run.phase);
        TreeSync::setBold(item, Name, true);
        TreeSync::setText(item, Summary, StepDescription::runSummary(run));
        const QDateTime started
            = run.startedAt.isValid() ? run.startedAt : run.metadata.creationTimestamp;
        TreeSync::setText(item, When, agoText(started, now));
        TreeSync::setToolTip(item, When, tr("Started: %1").arg(DetailStyle::timestamp(started)));

        QStringList childKeys;
        if (!run.message.isEmpty())
            childKeys.append(messageKey);
        for (const MetricResult &metric : run.metricResults)
            childKeys.append(metric.name);
        const int offset = run.message.isEmpty() ? 0 : 1;
        TreeSync::syncChildren(this, item, childKeys,
                               [&](QTreeWidgetItem *child, int childRow, bool childCreated) {
                                   if (childRow < offset) {
                                       fillMessage(child, run.message, run.phase);
                                       return;
                                   }
                                   fillMetric(this, child, run.metricResults.at(childRow - offset),
                                              run, now, childCreated);
                               });
        if (created)
            item->setExpanded(run.phase != QLatin1String("Successful"));
    });
}

QTreeWidgetItem *AnalysisRunsView::itemForRun(const QString &name) const
{
    for (int i = 0; i < topLevelItemCount(); ++i) {
        if (topLevelItem(i)->text(Name) == name)
            return topLevelItem(i);
    }
    return nullptr;
}

QTreeWidgetItem *AnalysisRunsView::itemForMetric(QTreeWidgetItem *run, const QString &metric)
{
    for (int i = 0; run && i < run->childCount(); ++i) {
        if (TreeSync::key(run->child(i)) == metric)
            return run->child(i);
    }
    return nullptr;
}

QTreeWidgetItem *AnalysisRunsView::messageItem(QTreeWidgetItem *parent)
{
    return itemForMetric(parent, messageKey);
}
