// SPDX-License-Identifier: GPL-3.0-or-later
#include "gatesmodel.h"

#include "durationparser.h"
#include "gatejudge.h"

#include <QSet>
#include <QVariantMap>

#include <cmath>

using Tone = DetailRoles::Tone;

namespace {

using M = GatesModel;

const QString outcomeKey = QStringLiteral("outcome");
const QString queryKey = QStringLiteral("query");
const QString stableQueryKey = QStringLiteral("stableQuery");
const QString copyKey = QStringLiteral("copy");

bool isRelative(const GateResult &gate)
{
    return !gate.stableQuery.isEmpty() || gate.stableValue.has_value();
}

QString rowKey(const GateResult &gate)
{
    // A config gate and an analysis metric may share a name; "/" is not in a config prefix.
    return (gate.source == GateResult::Source::Analysis ? QStringLiteral("analysis:")
                                                        : QStringLiteral("config:"))
        + gate.name;
}

QString queriesText(const GateResult &gate)
{
    if (gate.query.isEmpty())
        return QString();
    if (gate.stableQuery.isEmpty())
        return GatesModel::tr("Query as sent:\n%1").arg(gate.query);
    return GatesModel::tr("Canary query as sent:\n%1\n\nStable query as sent:\n%2")
        .arg(gate.query, gate.stableQuery);
}

QString joinParagraphs(const QStringList &parts)
{
    QStringList kept = parts;
    kept.removeAll(QString());
    return kept.join(QStringLiteral("\n\n"));
}

QString pointsWithValue(int count)
{
    return GatesModel::tr("%n points with a value", nullptr, count);
}

// "−5.4 %": how far the canary's mean is from the stable's, as the relative bounds measure it.
QString changeText(double canary, double stable)
{
    const double change = (canary - stable) / std::fabs(stable) * 100;
    const QString magnitude = QString::number(std::fabs(change), 'f', 1);
    if (magnitude == QLatin1String("0.0"))
        return GatesModel::tr("canary ±0 %");
    return GatesModel::tr("canary %1%2 %")
        .arg(change < 0 ? QChar(0x2212) : QLatin1Char('+'))
        .arg(magnitude);
}

void fillGate(DetailRow &row, QStringList &copies, const GateResult &gate)
{
    const bool analysis = gate.source == GateResult::Source::Analysis;
    // An analysis gate is "<run>/<metric>": the metric is what tells the rows apart, the run
    // (named after the rollout and its hash) goes to the second line.
    const qsizetype slash = analysis ? gate.name.lastIndexOf(QLatin1Char('/')) : -1;
    if (slash > 0)
        row.cell(M::Gate).text = gate.name.mid(slash + 1) + QLatin1Char('\n')
            + GatesModel::tr("analysis %1").arg(gate.name.left(slash));
    else
        row.cell(M::Gate).text = gate.name + QLatin1Char('\n')
            + (analysis ? GatesModel::tr("analysis") : GatesModel::tr("config"));
    row.cell(M::Gate).toolTip = joinParagraphs(
        {gate.name,
         analysis
             ? GatesModel::tr("A metric of an AnalysisRun of the canary's revision, judged by the "
                              "run's own conditions and limits")
             : GatesModel::tr("A gate of the config file, judged on Prometheus range queries"),
         queriesText(gate)});
    copies[M::Gate] = gate.name;
}

void fillValues(DetailRow &row, QStringList &copies, const GateResult &gate)
{
    const bool analysis = gate.source == GateResult::Source::Analysis;
    const QString value = M::valueText(gate.value);
    const bool worstDiffers = gate.value && gate.worstValue && *gate.worstValue != *gate.value;
    const QString worst = M::valueText(gate.worstValue);
    DetailCell &canary = row.cell(M::Canary);
    canary.text
        = worstDiffers ? value + QLatin1Char('\n') + GatesModel::tr("worst %1").arg(worst) : value;
    const QString measured = analysis
        ? GatesModel::tr("The latest measurement: %1").arg(value)
        : GatesModel::tr("The canary's mean over the window: %1").arg(value)
            + (gate.worstValue
                   ? QLatin1Char('\n') + GatesModel::tr("Its worst point: %1").arg(worst)
                   : QString());
    canary.toolTip = joinParagraphs({measured, queriesText(gate)});
    copies[M::Canary] = worstDiffers ? GatesModel::tr("%1 (worst %2)").arg(value, worst) : value;
    if (gate.outcome == GateOutcome::Fail && gate.value)
        canary.tone = Tone::Failed; // the number that broke the bound

    if (!isRelative(gate))
        return; // an absolute gate has no stable side
    const QString stable = M::valueText(gate.stableValue);
    const bool comparable = gate.value && gate.stableValue && *gate.stableValue != 0;
    const QString change = comparable ? changeText(*gate.value, *gate.stableValue) : QString();
    row.cell(M::Stable).text = change.isEmpty() ? stable : stable + QLatin1Char('\n') + change;
    row.cell(M::Stable).toolTip
        = joinParagraphs({GatesModel::tr("The stable's mean over the window: %1 (%2)")
                              .arg(stable, pointsWithValue(gate.stableSamples)),
                          gate.stableQuery.isEmpty()
                              ? QString()
                              : GatesModel::tr("Stable query as sent:\n%1").arg(gate.stableQuery)});
    copies[M::Stable] = change.isEmpty() ? stable : QStringLiteral("%1 (%2)").arg(stable, change);
}

void fillJudgement(DetailRow &row, QStringList &copies, const GateResult &gate)
{
    // A wrapped bound keeps "2 %" together.
    row.cell(M::Bound) = {
        QString(gate.bound).replace(QStringLiteral(" %"), QStringLiteral("\u00a0%")), gate.bound};
    copies[M::Bound] = gate.bound;
    const QString samples = M::samplesText(gate);
    row.cell(M::Window).text = samples;
    QStringList windowTip;
    if (gate.stepMs > 0)
        windowTip.append(GatesModel::tr("One point every %1").arg(compactDuration(gate.stepMs)));
    if (isRelative(gate))
        windowTip.append(GatesModel::tr("Stable: %1").arg(pointsWithValue(gate.stableSamples)));
    row.cell(M::Window).toolTip = windowTip.join(QLatin1Char('\n'));
    copies[M::Window] = QString(samples).replace(QLatin1Char('\n'), QLatin1Char(' '));
    // Its own line breaks go: the view wraps it to the column. Whole in the tooltip and copies.
    row.cell(M::Why)
        = {QString(gate.message).replace(QLatin1Char('\n'), QLatin1Char(' ')), gate.message};
    copies[M::Why] = gate.message;
}

void applyTones(DetailRow &row, GateOutcome outcome)
{
    DetailCell &cell = row.cell(M::Outcome);
    switch (outcome) {
    case GateOutcome::Pass:
        cell.symbol = QStringLiteral("Healthy");
        cell.tone = Tone::Ok;
        return;
    case GateOutcome::Inconclusive:
        cell.symbol = QStringLiteral("Paused");
        cell.tone = Tone::Warning;
        return;
    case GateOutcome::Error:
    case GateOutcome::Fail:
        break;
    }
    // What holds the rollout back is tinted across the row: red for a broken bound, amber for
    // a gate that could not be judged. The text keeps the palette's colour on the tint.
    for (DetailCell &each : row.cells) {
        each.tint = outcome == GateOutcome::Fail ? Tone::Failed : Tone::Warning;
        if (each.tone == Tone::Default)
            each.tone = Tone::Text;
    }
    cell.symbol = QStringLiteral("Degraded");
    cell.tone = Tone::Failed;
    cell.bold = outcome == GateOutcome::Fail;
}

DetailRow gateRow(const GateResult &gate)
{
    DetailRow row(M::ColumnCount);
    QStringList copies(M::ColumnCount);
    fillGate(row, copies, gate);
    row.cell(M::Outcome).text = GateOutcomes::label(gate.outcome);
    copies[M::Outcome] = row.cell(M::Outcome).text;
    fillValues(row, copies, gate);
    fillJudgement(row, copies, gate);
    applyTones(row, gate.outcome);
    row.extra = QVariantMap {{outcomeKey, int(gate.outcome)},
                             {queryKey, gate.query},
                             {stableQueryKey, gate.stableQuery},
                             {copyKey, copies}};
    return row;
}

bool sameRollout(const GateReport &a, const GateReport &b)
{
    return a.environment == b.environment && a.namespaceName == b.namespaceName
        && a.rollout == b.rollout;
}

} // namespace

GatesModel::GatesModel(QObject *parent) : KeyedTreeModel(parent) { }

QString GatesModel::valueText(const std::optional<double> &value)
{
    return value ? GateJudge::number(*value) : QStringLiteral("\u2013");
}

QString GatesModel::samplesText(const GateResult &gate)
{
    if (gate.source == GateResult::Source::Analysis || gate.windowMs <= 0) {
        return tr("%n measurements", nullptr, gate.samples);
    }
    // A range query over [end - window, end] returns both ends (GateSpec::pointsInWindow).
    const int expected = gate.stepMs > 0 ? int(gate.windowMs / gate.stepMs) + 1 : 1;
    return tr("%1 of %n points", nullptr, expected).arg(gate.samples) + QLatin1Char('\n')
        + tr("over %1").arg(compactDuration(gate.windowMs));
}

void GatesModel::setReport(const GateReport &report)
{
    // Another rollout's gates start afresh; the same rollout's are updated in place, so the
    // selection and the scroll position survive every judgement.
    const DetailUpdate how
        = sameRollout(report, m_report) ? DetailUpdate::InPlace : DetailUpdate::Reset;
    m_report = report;
    Node wanted;
    QSet<QString> keys;
    for (const GateResult &gate : report.gates) {
        // Keys must be unique for the update in place: a repeated name keeps its first row.
        if (!keys.contains(rowKey(gate))) {
            keys.insert(rowKey(gate));
            wanted.append(rowKey(gate), gateRow(gate));
        }
    }
    apply(std::move(wanted), how);
}

void GatesModel::clear()
{
    m_report = GateReport();
    apply(Node(), DetailUpdate::Reset);
}

QModelIndex GatesModel::indexOfGate(const QString &name) const
{
    const QModelIndex config = indexOfKey(QStringLiteral("config:") + name);
    return config.isValid() ? config : indexOfKey(QStringLiteral("analysis:") + name);
}

QVariant GatesModel::rowData(const Node &node, int column, int role) const
{
    switch (role) {
    case OutcomeRole:
        return node.row.extra.toMap().value(outcomeKey);
    case QueryRole:
        return node.row.extra.toMap().value(queryKey);
    case StableQueryRole:
        return node.row.extra.toMap().value(stableQueryKey);
    case CopyRole:
        return node.row.extra.toMap().value(copyKey).toStringList().value(column);
    default:
        return node.row.data(column, role);
    }
}

QVariant GatesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QVariant();
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Gate:
            return tr("Gate");
        case Outcome:
            return tr("Outcome");
        case Canary:
            return tr("Canary");
        case Stable:
            return tr("Stable");
        case Bound:
            return tr("Bound");
        case Window:
            return tr("Window");
        case Why:
            return tr("Why");
        default:
            return QVariant();
        }
    }
    if (role != Qt::ToolTipRole)
        return QVariant();
    switch (section) {
    case Canary:
        return tr("The canary's mean over the gate's window (analysis: the latest "
                  "measurement), and its worst point");
    case Stable:
        return tr("Relative gates: the stable's mean over the same window, and how far the "
                  "canary is from it");
    case Window:
        return tr("The points that had a value in the window (analysis: the measurements)");
    default:
        return QVariant();
    }
}
