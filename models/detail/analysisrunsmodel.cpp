// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysisrunsmodel.h"

#include "analysismetricrows.h"
#include "detailtext.h"
#include "experimentrows.h"
#include "stepdescription.h"

const QString AnalysisRunsModel::messageKey = QStringLiteral("#message");

namespace {

using M = AnalysisRunsModel;
using Node = AnalysisRunsModel::Node;

void setPhase(DetailRow &row, const QString &phase)
{
    row.cell(M::Phase).text = DetailText::analysisPhaseName(phase);
    row.cell(M::Phase).symbol = DetailText::analysisSymbolPhase(phase);
    const DetailRoles::Tone tone = DetailText::analysisPhaseTone(phase);
    row.cell(M::Name).tone = tone;
    row.cell(M::Phase).tone = tone;
}

DetailRow messageRow(const QString &message, const QString &phase)
{
    DetailRow row(M::ColumnCount);
    // One line: a multi-line controller message would break the row height.
    QString line = message;
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    row.cell(M::Name) = {line, message, DetailText::analysisPhaseTone(phase)};
    row.firstColumnSpanned = true;
    return row;
}

QString runType(const AnalysisRun &run)
{
    // The controller labels each run with what started it.
    const QString type = run.rolloutType();
    if (type == QLatin1String("Step"))
        return AnalysisRunsModel::tr("Step analysis");
    if (type == QLatin1String("Background"))
        return AnalysisRunsModel::tr("Background analysis");
    if (type == QLatin1String("PrePromotion"))
        return AnalysisRunsModel::tr("Pre-promotion analysis");
    if (type == QLatin1String("PostPromotion"))
        return AnalysisRunsModel::tr("Post-promotion analysis");
    return type;
}

QDateTime measuredAt(const Measurement &m)
{
    return m.finishedAt.isValid() ? m.finishedAt : m.startedAt;
}

DetailRow measurementRow(const Measurement &m, const AnalysisMetric *definition, int number,
                         const QDateTime &now)
{
    DetailRow row(M::ColumnCount);
    row.cell(M::Name).text = AnalysisRunsModel::tr("Measurement %1").arg(number);
    setPhase(row, m.phase);
    row.cell(M::Summary) = AnalysisMetricRows::judgedCell(m, definition);
    row.cell(M::Values)
        = {StepDescription::measurementValue(m), m.value, DetailText::analysisPhaseTone(m.phase)};
    const QDateTime at = measuredAt(m);
    row.cell(M::When) = {DetailText::ago(at, now), DetailText::timestamp(at)};
    return row;
}

DetailRow metricRow(const MetricResult &metric, const QDateTime &now)
{
    DetailRow row(M::ColumnCount);
    row.cell(M::Name).text
        = metric.dryRun ? AnalysisRunsModel::tr("%1 (dry run)").arg(metric.name) : metric.name;
    setPhase(row, metric.phase);
    row.cell(M::Summary)
        = {StepDescription::metricCounts(metric),
           AnalysisRunsModel::tr("Successful: %1\nFailed: %2\nInconclusive: %3\nError: %4\n"
                                 "Consecutive errors: %5")
               .arg(metric.successful)
               .arg(metric.failed)
               .arg(metric.inconclusive)
               .arg(metric.error)
               .arg(metric.consecutiveError)};
    row.cell(M::Values).text = StepDescription::latestValues(metric);
    const QDateTime last
        = metric.measurements.isEmpty() ? QDateTime() : measuredAt(metric.measurements.constLast());
    row.cell(M::When) = {DetailText::ago(last, now), DetailText::timestamp(last)};
    row.expandedByDefault = StepDescription::isFailedPhase(metric.phase)
        || metric.phase == QLatin1String("Inconclusive");
    return row;
}

const AnalysisMetric *definitionOf(const AnalysisRun &run, const QString &name)
{
    for (const AnalysisMetric &metric : run.metrics) {
        if (metric.name == name)
            return &metric;
    }
    return nullptr;
}

void appendMetric(Node *parent, const MetricResult &metric, const AnalysisRun &run,
                  const QDateTime &now)
{
    Node *node = parent->append(metric.name, metricRow(metric, now));
    // The explanation (unless the run's row already says the same), the definition, then the
    // latest few measurements, newest first, keyed by start time (stable while the controller
    // appends and measurementRetention drops the oldest).
    const QString failure = StepDescription::metricFailureMessage(metric, run);
    if (!failure.isEmpty() && failure != run.message)
        node->append(M::messageKey, messageRow(failure, metric.phase));
    const AnalysisMetric *written = definitionOf(run, metric.name);
    const AnalysisMetric resolved
        = written ? AnalysisMetricRows::resolved(*written, run.args) : AnalysisMetric();
    const AnalysisMetric *definition = written ? &resolved : nullptr;
    if (definition)
        AnalysisMetricRows::appendDefinition(node, resolved, *written);
    // Numbered as the controller counts them: retention may have dropped earlier ones.
    const int total = metric.count + metric.error;
    int shown = 0;
    for (qsizetype i = metric.measurements.size() - 1; i >= 0 && shown < M::shownMeasurements;
         --i, ++shown) {
        const Measurement &m = metric.measurements.at(i);
        const int number = total - int(metric.measurements.size()) + int(i) + 1;
        node->append(m.startedAt.isValid() ? m.startedAt.toString(Qt::ISODateWithMs)
                                           : QString::number(i),
                     measurementRow(m, definition, number > 0 ? number : int(i) + 1, now));
    }
}

DetailRow runRow(const AnalysisRun &run, const QDateTime &now)
{
    DetailRow row(M::ColumnCount);
    QStringList tip {run.metadata.name};
    const QString type = runType(run);
    if (!type.isEmpty())
        tip.append(type);
    if (!run.revision().isEmpty())
        tip.append(AnalysisRunsModel::tr("Revision %1").arg(run.revision()));
    row.cell(M::Name) = {run.metadata.name, tip.join(QLatin1Char('\n'))};
    setPhase(row, run.phase);
    row.cell(M::Name).bold = true;
    row.cell(M::Summary).text = StepDescription::runSummary(run);
    const QDateTime started
        = run.startedAt.isValid() ? run.startedAt : run.metadata.creationTimestamp;
    row.cell(M::When) = {DetailText::ago(started, now),
                         AnalysisRunsModel::tr("Started: %1").arg(DetailText::timestamp(started))};
    row.expandedByDefault = run.phase != QLatin1String("Successful");
    return row;
}

} // namespace

AnalysisRunsModel::AnalysisRunsModel(QObject *parent) : KeyedTreeModel(parent) { }

void AnalysisRunsModel::setRuns(const QList<AnalysisRun> &runs, const QDateTime &now,
                                DetailUpdate how, const QHash<QString, QList<Job>> &jobsByRunUid,
                                const QHash<QString, QList<Pod>> &podsByJobUid)
{
    const ExperimentRows::RunColumns jobColumns {Name, Phase, Summary, Values, When, ColumnCount};
    Node wanted;
    for (const AnalysisRun &run : runs) {
        Node *node = wanted.append(
            run.metadata.uid.isEmpty() ? run.metadata.name : run.metadata.uid, runRow(run, now));
        if (!run.message.isEmpty())
            node->append(messageKey, messageRow(run.message, run.phase));
        for (const MetricResult &metric : run.metricResults)
            appendMetric(node, metric, run, now);
        // The spec's metrics the controller has not started yet: what they will measure.
        for (const AnalysisMetric &metric : run.metrics) {
            if (run.metricResult(metric.name))
                continue;
            MetricResult pending;
            pending.name = metric.name;
            pending.phase = QStringLiteral("Pending");
            pending.dryRun = run.dryRunMetrics.contains(metric.name);
            appendMetric(node, pending, run, now);
        }
        ExperimentRows::appendJobs(node, jobsByRunUid.value(run.metadata.uid), podsByJobUid, now,
                                   jobColumns);
    }
    apply(std::move(wanted), how);
}

QModelIndex AnalysisRunsModel::indexOfRun(const QString &name) const
{
    for (int i = 0; i < rowCount(); ++i) {
        if (index(i, Name).data().toString() == name)
            return index(i, Name);
    }
    return QModelIndex();
}

QModelIndex AnalysisRunsModel::indexOfMetric(const QModelIndex &run, const QString &metric) const
{
    return run.isValid() ? indexOfKey(metric, run) : QModelIndex();
}

QModelIndex AnalysisRunsModel::indexOfMessage(const QModelIndex &parent) const
{
    return parent.isValid() ? indexOfKey(messageKey, parent) : QModelIndex();
}

QModelIndex AnalysisRunsModel::indexOfDefinition(const QModelIndex &metric, Definition part) const
{
    return metric.isValid() ? indexOfKey(AnalysisMetricRows::definitionKey(part), metric)
                            : QModelIndex();
}

QVariant AnalysisRunsModel::rowData(const Node &node, int column, int role) const
{
    // A definition row keeps its label, value and copied text in extra.
    const QStringList definition = node.row.extra.toStringList();
    switch (role) {
    case LabelRole:
    case ValueRole:
        if (column != Name || definition.size() != 3)
            return QVariant();
        return definition.at(role == LabelRole ? 0 : 1);
    case CopyRole:
        if (definition.size() == 3)
            return column == Name ? definition.at(2) : QString();
        if (node.row.firstColumnSpanned && column == Name) {
            // A message row shows one line; its tooltip is the message as sent.
            const QString whole = node.row.data(column, Qt::ToolTipRole).toString();
            return whole.isEmpty() ? node.row.data(column, Qt::DisplayRole) : QVariant(whole);
        }
        return node.row.data(column, Qt::DisplayRole);
    default:
        return node.row.data(column, role);
    }
}

QVariant AnalysisRunsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case Name:
        return tr("Run / metric");
    case Phase:
        return tr("Phase");
    case Summary:
        return tr("Counts / judged by");
    case Values:
        return tr("Latest values");
    case When:
        return tr("When");
    default:
        return QVariant();
    }
}
