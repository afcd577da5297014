// SPDX-License-Identifier: GPL-3.0-or-later
#include "rolloutstepsmodel.h"

#include "detailtext.h"
#include "rolloutstatus.h"
#include "stepdescription.h"

using Tone = DetailRoles::Tone;

namespace {

using M = RolloutStepsModel;
using Node = RolloutStepsModel::Node;

const QString done = QStringLiteral("done");
const QString current = QStringLiteral("current");
const QString pending = QStringLiteral("pending");
const QString dash = QStringLiteral(" \u2014 ");

// One row as the builders below describe it.
struct Step
{
    QString key;
    QString number;
    QString text;
    QString toolTip;
    QString state; // done, current, pending; empty for the rows that are not steps
    QString symbol;
    Tone symbolTone = Tone::Default;
    Tone tone = Tone::Default;
    bool bold = false;
};

// A muted line of facts below the steps.
Step factStep(const QString &key, const QString &text)
{
    Step step;
    step.key = key;
    step.text = text;
    step.tone = Tone::Muted;
    return step;
}

const PauseCondition *findPause(const Rollout &rollout, QStringView reason)
{
    for (const PauseCondition &condition : rollout.status.pauseConditions) {
        if (condition.reason == reason)
            return &condition;
    }
    return nullptr;
}

QString analysisStatusSuffix(const std::optional<AnalysisRunStatusRef> &status)
{
    if (!status || status->name.isEmpty())
        return QString();
    return dash + DetailText::analysisPhaseName(status->status);
}

// The rows of one rollout at one time.
class StepBuilder
{
public:
    StepBuilder(const Rollout &rollout, const RolloutObservations &observations, bool live,
                const QDateTime &now) :
        m_rollout(rollout), m_observations(observations), m_live(live), m_now(now)
    { }

    QList<Step> canary() const;
    QList<Step> blueGreen() const;

private:
    QString currentStepSuffix(const RolloutStep &step) const;
    QString manualPauseText() const;
    // The timed-pause text of a step or auto-promotion: "3m 12s left", "resuming…", or
    // "due to end 23:51" while not live.
    QString pauseSuffix(const QString &doneText) const;
    void appendCanaryExtras(QList<Step> *rows, bool abortedUnseen) const;
    Step analysisStep(const QString &key, const QString &text,
                      const std::optional<AnalysisRunStatusRef> &run) const;

    const Rollout &m_rollout;
    const RolloutObservations &m_observations;
    bool m_live;
    QDateTime m_now;
};

QString StepBuilder::manualPauseText() const
{
    // The window's own pause names itself (onGateFail: pause); any other is a person's.
    if (!m_observations.manualPauseBy.isEmpty())
        return RolloutStepsModel::tr("paused by %1: Resume continues here")
            .arg(m_observations.manualPauseBy);
    return RolloutStepsModel::tr("paused by a person: Resume continues here");
}

QString StepBuilder::currentStepSuffix(const RolloutStep &step) const
{
    const RolloutStatus &status = m_rollout.status;
    if (status.abort)
        return dash + RolloutStepsModel::tr("aborted here");
    if (m_rollout.spec.paused)
        return dash + manualPauseText();
    if (findPause(m_rollout, u"InconclusiveAnalysisRun"))
        return dash + RolloutStepsModel::tr("analysis inconclusive: promote or abort");
    if (findPause(m_rollout, u"InconclusiveExperiment"))
        return dash + RolloutStepsModel::tr("experiment inconclusive: promote or abort");
    if (step.hasPause) {
        const QString suffix = pauseSuffix(RolloutStepsModel::tr("resuming\u2026"));
        if (!suffix.isEmpty())
            return suffix;
        if (findPause(m_rollout, u"CanaryPauseStep"))
            return dash + RolloutStepsModel::tr("waiting for promotion");
        return QString();
    }
    if (step.analysis)
        return analysisStatusSuffix(status.currentStepAnalysisRunStatus);
    if (step.experiment && !status.currentExperiment.isEmpty())
        return dash + status.currentExperiment;
    return QString();
}

QString StepBuilder::pauseSuffix(const QString &doneText) const
{
    const std::optional<qint64> left = remainingPauseMSecs(m_rollout, m_now);
    if (!left)
        return QString();
    if (!m_live)
        return dash
            + RolloutStepsModel::tr("due to end %1 (no countdown: not connected)")
                  .arg(RolloutSituationText::clockTime(pauseEndTime(m_rollout), m_now));
    if (*left <= 0)
        return dash + doneText;
    return dash + RolloutStepsModel::tr("%1 left").arg(StepDescription::countdown(*left));
}

QList<Step> StepBuilder::canary() const
{
    const CanaryStrategy &canary = *m_rollout.spec.canary;
    const RolloutStatus &status = m_rollout.status;
    QList<Step> rows;
    qint32 index = 0;
    const RolloutStep *currentStep = currentCanaryStep(m_rollout, &index);
    if (status.abort) {
        // The controller resets the index on abort: the step it happened at is what the
        // watch saw before, or not known at all.
        const std::optional<qint32> at = m_observations.abortedAtStep;
        currentStep = at && *at >= 0 && *at < canary.steps.size() ? &canary.steps.at(*at) : nullptr;
        index = at.value_or(-1);
    }
    const Tone markerTone = status.abort                             ? Tone::Failed
        : status.pauseConditions.isEmpty() && !m_rollout.spec.paused ? Tone::Active
                                                                     : Tone::Warning;
    for (int i = 0; i < canary.steps.size(); ++i) {
        const RolloutStep &step = canary.steps.at(i);
        Step row;
        row.key = QStringLiteral("step:") + QString::number(i);
        row.number = QString::number(i + 1);
        row.text = StepDescription::step(step);
        row.toolTip = canaryStepString(step);
        if (currentStep && i == index) {
            row.state = current;
            row.text += currentStepSuffix(step);
            row.symbol = QLatin1String(DetailRoles::markerCurrent);
            row.symbolTone = markerTone;
            row.bold = true;
            if (status.abort)
                row.tone = Tone::Failed;
        } else if (status.abort && !currentStep) {
            row.state = pending; // aborted at a step this window did not see
        } else if (!currentStep || i < index) {
            row.state = done;
            row.symbol = QLatin1String(DetailRoles::markerDone);
            row.symbolTone = Tone::Muted;
            row.tone = Tone::Muted;
        } else {
            row.state = pending;
        }
        rows.append(row);
    }
    appendCanaryExtras(&rows, status.abort && !currentStep);
    return rows;
}

void StepBuilder::appendCanaryExtras(QList<Step> *rows, bool abortedUnseen) const
{
    const CanaryStrategy &canary = *m_rollout.spec.canary;
    const RolloutStatus &status = m_rollout.status;
    if (abortedUnseen && !canary.steps.isEmpty()) {
        Step row;
        row.key = QStringLiteral("abortedUnknown");
        row.text = RolloutStepsModel::tr(
            "Aborted before this window was watching: the step is not known");
        row.tone = Tone::Failed;
        row.symbol = QLatin1String(DetailRoles::markerCurrent);
        row.symbolTone = Tone::Failed;
        rows->prepend(row);
    }
    if (canary.steps.isEmpty())
        rows->append(
            factStep(QStringLiteral("nosteps"),
                     RolloutStepsModel::tr("No steps: pods are replaced as in a rolling update")));
    if (canary.hasBackgroundAnalysis)
        rows->append(analysisStep(QStringLiteral("background"),
                                  StepDescription::backgroundAnalysis(canary),
                                  status.currentBackgroundAnalysisRunStatus));
    if (canary.hasTrafficRouting) {
        const QString routers = canary.trafficRouters.join(QStringLiteral(", "));
        const QString text = canary.effectiveMaxTrafficWeight() != 100
            ? RolloutStepsModel::tr("Traffic routing: %1, at most %2 %")
                  .arg(routers)
                  .arg(canary.effectiveMaxTrafficWeight())
            : RolloutStepsModel::tr("Traffic routing: %1").arg(routers);
        rows->append(factStep(QStringLiteral("routing"), text));
    }
}

Step StepBuilder::analysisStep(const QString &key, const QString &text,
                               const std::optional<AnalysisRunStatusRef> &run) const
{
    Step row;
    row.key = key;
    row.text = text + analysisStatusSuffix(run);
    if (run && !run->name.isEmpty()) {
        row.symbol = DetailText::analysisSymbolPhase(run->status);
        row.tone = DetailText::analysisPhaseTone(run->status);
        row.toolTip
            = run->message.isEmpty() ? run->name : run->name + QLatin1Char('\n') + run->message;
    }
    return row;
}

QList<Step> StepBuilder::blueGreen() const
{
    const BlueGreenStrategy &blueGreen = *m_rollout.spec.blueGreen;
    const RolloutStatus &status = m_rollout.status;
    QList<Step> rows;
    Step autoPromotion;
    autoPromotion.key = QStringLiteral("autoPromotion");
    autoPromotion.text = StepDescription::autoPromotion(blueGreen);
    if (findPause(m_rollout, u"BlueGreenPause")) {
        autoPromotion.state = current;
        autoPromotion.bold = true;
        autoPromotion.symbol = QLatin1String(DetailRoles::markerCurrent);
        autoPromotion.symbolTone = Tone::Warning;
        if (m_rollout.spec.paused)
            autoPromotion.text += dash + manualPauseText();
        else if (remainingPauseMSecs(m_rollout, m_now))
            autoPromotion.text += pauseSuffix(RolloutStepsModel::tr("promoting\u2026"));
        else
            autoPromotion.text += dash + RolloutStepsModel::tr("waiting for promotion");
    }
    rows.append(autoPromotion);
    if (blueGreen.prePromotionAnalysis)
        rows.append(
            analysisStep(QStringLiteral("pre"),
                         StepDescription::prePromotionAnalysis(*blueGreen.prePromotionAnalysis),
                         status.prePromotionAnalysisRunStatus));
    if (blueGreen.postPromotionAnalysis)
        rows.append(
            analysisStep(QStringLiteral("post"),
                         StepDescription::postPromotionAnalysis(*blueGreen.postPromotionAnalysis),
                         status.postPromotionAnalysisRunStatus));
    const auto fact
        = [&](const QString &key, const QString &text) { rows.append(factStep(key, text)); };
    if (blueGreen.previewReplicaCount)
        fact(QStringLiteral("previewReplicas"),
             RolloutStepsModel::tr("Preview replicas: %1").arg(*blueGreen.previewReplicaCount));
    if (blueGreen.scaleDownDelaySeconds)
        fact(QStringLiteral("scaleDownDelay"),
             RolloutStepsModel::tr("Scale-down delay: %1")
                 .arg(StepDescription::duration(*blueGreen.scaleDownDelaySeconds)));
    fact(QStringLiteral("services"),
         blueGreen.previewService.isEmpty()
             ? RolloutStepsModel::tr("Active service: %1").arg(blueGreen.activeService)
             : RolloutStepsModel::tr("Services: %1 (active), %2 (preview)")
                   .arg(blueGreen.activeService, blueGreen.previewService));
    return rows;
}

DetailRow stepRow(const Step &step)
{
    DetailRow row(M::ColumnCount);
    DetailCell &marker = row.cell(M::Marker);
    marker.text = step.number;
    // Rows without a symbol keep the height of rows with one.
    marker.symbol = step.symbol.isEmpty() ? QLatin1String(DetailRoles::blankSymbol) : step.symbol;
    marker.symbolTone = step.symbolTone;
    DetailCell &text = row.cell(M::Text);
    text.text = step.text;
    text.toolTip
        = step.toolTip.isEmpty() ? step.text : step.text + QLatin1Char('\n') + step.toolTip;
    for (DetailCell *cell : {&marker, &text}) {
        cell->tone = step.tone;
        cell->bold = step.bold;
    }
    row.extra = step.state;
    return row;
}

} // namespace

RolloutStepsModel::RolloutStepsModel(QObject *parent) : KeyedTreeModel(parent) { }

void RolloutStepsModel::setRollout(const Rollout &rollout, const QDateTime &now,
                                   const RolloutObservations &observations, bool live,
                                   DetailUpdate how)
{
    m_rollout = rollout;
    m_observations = observations;
    m_live = live;
    rebuild(now, how);
}

void RolloutStepsModel::rebuild(const QDateTime &now, DetailUpdate how)
{
    const StepBuilder builder(m_rollout, m_observations, m_live, now);
    const QList<Step> steps = m_rollout.isBlueGreen() ? builder.blueGreen()
        : m_rollout.isCanary()                        ? builder.canary()
                                                      : QList<Step>();
    Node wanted;
    for (const Step &step : steps)
        wanted.append(step.key, stepRow(step));
    apply(std::move(wanted), how);
}

void RolloutStepsModel::updateCountdown(const QDateTime &now)
{
    rebuild(now, DetailUpdate::InPlace);
}

QModelIndex RolloutStepsModel::currentStepIndex() const
{
    for (int i = 0; i < rowCount(); ++i) {
        if (index(i, Marker).data(StateRole).toString() == current)
            return index(i, Marker);
    }
    return QModelIndex();
}

QVariant RolloutStepsModel::rowData(const Node &node, int column, int role) const
{
    if (column == Marker && role == StateRole)
        return node.row.extra;
    if (column == Marker && role == Qt::AccessibleTextRole) {
        const QString state = node.row.extra.toString();
        return state == current ? tr("current step") : state == done ? tr("completed") : QString();
    }
    return node.row.data(column, role);
}
