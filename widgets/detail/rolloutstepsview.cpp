// SPDX-License-Identifier: GPL-3.0-or-later
#include "rolloutstepsview.h"

#include "detailstyle.h"
#include "durationparser.h"
#include "rolloutstatus.h"
#include "stepdescription.h"
#include "treesync.h"

#include <QCoreApplication>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QStyledItemDelegate>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace {

const QString done = QStringLiteral("done");
const QString current = QStringLiteral("current");
const QString pending = QStringLiteral("pending");
const QString dash = QStringLiteral(" \u2014 ");

// The markers are painted (as PhaseStyle's symbols are) so they look the same everywhere.
QIcon markerIcon(const QString &state, const QColor &colour)
{
    // Cleared with the application: pixmaps must not outlive it.
    static QHash<QString, QIcon> cache;
    static const bool cleanup = [] {
        qAddPostRoutine([] { cache.clear(); });
        return true;
    }();
    Q_UNUSED(cleanup)
    const QString key = state + colour.name();
    auto it = cache.constFind(key);
    if (it != cache.constEnd())
        return *it;
    const int size = 14;
    QPixmap pixmap(QSize(size, size) * 2);
    pixmap.setDevicePixelRatio(2);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    if (state == current) {
        QPainterPath arrow;
        arrow.moveTo(3, 2);
        arrow.lineTo(12, 7);
        arrow.lineTo(3, 12);
        arrow.closeSubpath();
        painter.fillPath(arrow, colour);
    } else {
        painter.setPen(QPen(colour, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        const QPointF tick[] = {{3, 7.5}, {6, 10.5}, {11.5, 4}};
        painter.drawPolyline(tick, 3);
    }
    painter.end();
    const QIcon icon(pixmap);
    cache.insert(key, icon);
    return icon;
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
    return dash + DetailStyle::analysisPhaseName(status->status);
}

// QTreeView measures rows without the column width (so never wraps); this delegate gives
// the text column its real width, and every row at least the height of one with a symbol.
class WrappingDelegate : public QStyledItemDelegate
{
public:
    explicit WrappingDelegate(QTreeWidget *tree) : QStyledItemDelegate(tree), m_tree(tree) { }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        // The style wraps only within a valid rect; its height does not matter.
        if (index.column() == RolloutStepsView::Text)
            opt.rect = QRect(0, 0, m_tree->columnWidth(RolloutStepsView::Text), 1);
        QSize size = QStyledItemDelegate::sizeHint(opt, index);
        const int icon = m_tree->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_tree);
        size.setHeight(std::max(size.height() + 4, icon + 6));
        return size;
    }

private:
    QTreeWidget *m_tree;
};

} // namespace

struct RolloutStepsView::Row
{
    QString key;
    QString number;
    QString text;
    QString toolTip;
    QString state; // done, current, pending; empty for the rows that are not steps
    QIcon icon;
    QColor colour;
    bool bold = false;
};

RolloutStepsView::RolloutStepsView(QWidget *parent) :
    QWidget(parent), m_title(new QLabel(this)), m_tree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("stepsView"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setObjectName(QStringLiteral("stepsTitle"));
    m_tree->setObjectName(QStringLiteral("stepsTree"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderHidden(true);
    m_tree->setRootIsDecorated(false);
    // Long lines (background analysis, services) wrap in the narrow panel instead of
    // losing their end.
    m_tree->setWordWrap(true);
    m_tree->setItemDelegate(new WrappingDelegate(m_tree));
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->header()->setStretchLastSection(true);
    const int digit = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    m_tree->setColumnWidth(Marker, 4 * digit + 22);
    // Wrapped rows get their height from the column width: lay them out again when it
    // changes (the splitter moved), or their ends are cut off.
    connect(m_tree->header(), &QHeaderView::sectionResized, m_tree, [this](int section) {
        if (section == Text)
            m_tree->doItemsLayout();
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_title);
    layout->addWidget(m_tree, 1);
}

QString RolloutStepsView::title() const
{
    return m_title->text();
}

QTreeWidgetItem *RolloutStepsView::currentStepItem() const
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_tree->topLevelItem(i);
        if (item->data(Marker, StateRole).toString() == current)
            return item;
    }
    return nullptr;
}

void RolloutStepsView::setRollout(const Rollout &rollout, const QDateTime &now,
                                  const RolloutObservations &observations, bool live)
{
    m_rollout = rollout;
    m_observations = observations;
    m_live = live;
    QString title;
    if (rollout.isBlueGreen()) {
        title = tr("Blue-green promotion");
    } else {
        // Numbered as the rows are (the plugin's "1/5" counts completed steps).
        qint32 index = 0;
        title = currentCanaryStep(rollout, &index) && !rollout.status.abort
            ? tr("Steps \u00b7 %1 of %2").arg(index + 1).arg(rollout.spec.canary->steps.size())
            : tr("Steps");
    }
    if (m_title->text() != title)
        m_title->setText(title);
    // Blue-green rows have no numbers: the marker alone needs little room.
    const int digit = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    const int markerWidth = rollout.isBlueGreen() ? 30 : 4 * digit + 22;
    if (m_tree->columnWidth(Marker) != markerWidth)
        m_tree->setColumnWidth(Marker, markerWidth);
    updateCountdown(now);
}

void RolloutStepsView::updateCountdown(const QDateTime &now)
{
    if (m_rollout.isBlueGreen())
        syncRows(blueGreenRows(now));
    else if (m_rollout.isCanary())
        syncRows(canaryRows(now));
    else
        syncRows({});
}

QString RolloutStepsView::currentStepSuffix(const RolloutStep &step, const QDateTime &now) const
{
    const RolloutStatus &status = m_rollout.status;
    if (status.abort)
        return dash + tr("aborted here");
    if (m_rollout.spec.paused)
        return dash + tr("paused by a person: Resume continues here");
    if (findPause(m_rollout, u"InconclusiveAnalysisRun"))
        return dash + tr("analysis inconclusive: promote or abort");
    if (findPause(m_rollout, u"InconclusiveExperiment"))
        return dash + tr("experiment inconclusive: promote or abort");
    if (step.hasPause) {
        const QString suffix = pauseSuffix(now, tr("resuming\u2026"));
        if (!suffix.isEmpty())
            return suffix;
        if (findPause(m_rollout, u"CanaryPauseStep"))
            return dash + tr("waiting for promotion");
        return QString();
    }
    if (step.analysis)
        return analysisStatusSuffix(status.currentStepAnalysisRunStatus);
    if (step.experiment && !status.currentExperiment.isEmpty())
        return dash + status.currentExperiment;
    return QString();
}

QString RolloutStepsView::pauseSuffix(const QDateTime &now, const QString &doneText) const
{
    const std::optional<qint64> left = remainingPauseMSecs(m_rollout, now);
    if (!left)
        return QString();
    if (!m_live)
        return dash
            + tr("due to end %1 (no countdown: not connected)")
                  .arg(RolloutSituationText::clockTime(pauseEndTime(m_rollout), now));
    if (*left <= 0)
        return dash + doneText;
    return dash + tr("%1 left").arg(StepDescription::countdown(*left));
}

QList<RolloutStepsView::Row> RolloutStepsView::canaryRows(const QDateTime &now) const
{
    const CanaryStrategy &canary = *m_rollout.spec.canary;
    const RolloutStatus &status = m_rollout.status;
    QList<Row> rows;
    qint32 index = 0;
    const RolloutStep *currentStep = currentCanaryStep(m_rollout, &index);
    if (status.abort) {
        // The controller resets the index on abort: the step it happened at is what the
        // watch saw before, or not known at all.
        const std::optional<qint32> at = m_observations.abortedAtStep;
        currentStep = at && *at >= 0 && *at < canary.steps.size() ? &canary.steps.at(*at) : nullptr;
        index = at.value_or(-1);
    }
    const QColor muted = palette().color(QPalette::Disabled, QPalette::Text);
    const QColor markerColour = status.abort                         ? DetailStyle::failedColour()
        : status.pauseConditions.isEmpty() && !m_rollout.spec.paused ? DetailStyle::activeColour()
                                                                     : DetailStyle::warningColour();
    for (int i = 0; i < canary.steps.size(); ++i) {
        const RolloutStep &step = canary.steps.at(i);
        Row row;
        row.key = QStringLiteral("step:") + QString::number(i);
        row.number = QString::number(i + 1);
        row.text = StepDescription::step(step);
        row.toolTip = canaryStepString(step);
        if (currentStep && i == index) {
            row.state = current;
            row.text += currentStepSuffix(step, now);
            row.icon = markerIcon(current, markerColour);
            row.bold = true;
            if (status.abort)
                row.colour = DetailStyle::failedColour();
        } else if (status.abort && !currentStep) {
            row.state = pending; // aborted at a step this window did not see
        } else if (!currentStep || i < index) {
            row.state = done;
            row.icon = markerIcon(done, muted);
            row.colour = muted;
        } else {
            row.state = pending;
        }
        rows.append(row);
    }
    if (status.abort && !currentStep && !canary.steps.isEmpty()) {
        Row row;
        row.key = QStringLiteral("abortedUnknown");
        row.text = tr("Aborted before this window was watching: the step is not known");
        row.colour = DetailStyle::failedColour();
        row.icon = markerIcon(current, DetailStyle::failedColour());
        rows.prepend(row);
    }
    if (canary.steps.isEmpty()) {
        Row row;
        row.key = QStringLiteral("nosteps");
        row.text = tr("No steps: pods are replaced as in a rolling update");
        row.colour = muted;
        rows.append(row);
    }
    if (canary.hasBackgroundAnalysis) {
        Row row;
        row.key = QStringLiteral("background");
        row.text = StepDescription::backgroundAnalysis(canary)
            + analysisStatusSuffix(status.currentBackgroundAnalysisRunStatus);
        if (status.currentBackgroundAnalysisRunStatus) {
            const QString &phase = status.currentBackgroundAnalysisRunStatus->status;
            row.icon = TreeSync::phaseIcon(DetailStyle::analysisSymbolPhase(phase));
            row.colour = DetailStyle::analysisPhaseColour(phase);
            row.toolTip = status.currentBackgroundAnalysisRunStatus->name;
        }
        rows.append(row);
    }
    if (canary.hasTrafficRouting) {
        Row row;
        row.key = QStringLiteral("routing");
        const QString routers = canary.trafficRouters.join(QStringLiteral(", "));
        row.text = canary.effectiveMaxTrafficWeight() != 100
            ? tr("Traffic routing: %1, at most %2 %")
                  .arg(routers)
                  .arg(canary.effectiveMaxTrafficWeight())
            : tr("Traffic routing: %1").arg(routers);
        row.colour = muted;
        rows.append(row);
    }
    return rows;
}

QList<RolloutStepsView::Row> RolloutStepsView::blueGreenRows(const QDateTime &now) const
{
    const BlueGreenStrategy &blueGreen = *m_rollout.spec.blueGreen;
    const RolloutStatus &status = m_rollout.status;
    const QColor muted = palette().color(QPalette::Disabled, QPalette::Text);
    QList<Row> rows;
    Row autoPromotion;
    autoPromotion.key = QStringLiteral("autoPromotion");
    autoPromotion.text = StepDescription::autoPromotion(blueGreen);
    if (findPause(m_rollout, u"BlueGreenPause")) {
        autoPromotion.state = current;
        autoPromotion.bold = true;
        autoPromotion.icon = markerIcon(current, DetailStyle::warningColour());
        if (m_rollout.spec.paused)
            autoPromotion.text += dash + tr("paused by a person: Resume continues here");
        else if (remainingPauseMSecs(m_rollout, now))
            autoPromotion.text += pauseSuffix(now, tr("promoting\u2026"));
        else
            autoPromotion.text += dash + tr("waiting for promotion");
    }
    rows.append(autoPromotion);
    const auto analysisRow = [&](const QString &key, const QString &text,
                                 const std::optional<AnalysisRunStatusRef> &run) {
        Row row;
        row.key = key;
        row.text = text + analysisStatusSuffix(run);
        if (run && !run->name.isEmpty()) {
            row.icon = TreeSync::phaseIcon(DetailStyle::analysisSymbolPhase(run->status));
            row.colour = DetailStyle::analysisPhaseColour(run->status);
            row.toolTip
                = run->message.isEmpty() ? run->name : run->name + QLatin1Char('\n') + run->message;
        }
        rows.append(row);
    };
    if (blueGreen.prePromotionAnalysis)
        analysisRow(QStringLiteral("pre"),
                    StepDescription::prePromotionAnalysis(*blueGreen.prePromotionAnalysis),
                    status.prePromotionAnalysisRunStatus);
    if (blueGreen.postPromotionAnalysis)
        analysisRow(QStringLiteral("post"),
                    StepDescription::postPromotionAnalysis(*blueGreen.postPromotionAnalysis),
                    status.postPromotionAnalysisRunStatus);
    if (blueGreen.previewReplicaCount) {
        Row row;
        row.key = QStringLiteral("previewReplicas");
        row.text = tr("Preview replicas: %1").arg(*blueGreen.previewReplicaCount);
        row.colour = muted;
        rows.append(row);
    }
    if (blueGreen.scaleDownDelaySeconds) {
        Row row;
        row.key = QStringLiteral("scaleDownDelay");
        row.text = tr("Scale-down delay: %1")
                       .arg(StepDescription::duration(*blueGreen.scaleDownDelaySeconds));
        row.colour = muted;
        rows.append(row);
    }
    Row services;
    services.key = QStringLiteral("services");
    services.text = blueGreen.previewService.isEmpty()
        ? tr("Active service: %1").arg(blueGreen.activeService)
        : tr("Services: %1 (active), %2 (preview)")
              .arg(blueGreen.activeService, blueGreen.previewService);
    services.colour = muted;
    rows.append(services);
    return rows;
}

void RolloutStepsView::syncRows(const QList<Row> &rows)
{
    QStringList keys;
    for (const Row &row : rows)
        keys.append(row.key);
    TreeSync::syncChildren(m_tree, nullptr, keys, [&](QTreeWidgetItem *item, int index, bool) {
        const Row &row = rows.at(index);
        TreeSync::setText(item, Marker, row.number);
        TreeSync::setIcon(item, Marker, row.icon.isNull() ? TreeSync::blankIcon() : row.icon);
        TreeSync::setData(item, Marker, StateRole, row.state);
        TreeSync::setData(item, Marker, Qt::AccessibleTextRole,
                          row.state == current    ? tr("current step")
                              : row.state == done ? tr("completed")
                                                  : QString());
        TreeSync::setText(item, Text, row.text);
        TreeSync::setToolTip(item, Text,
                             row.toolTip.isEmpty() ? row.text
                                                   : row.text + QLatin1Char('\n') + row.toolTip);
        for (int column : {int(Marker), int(Text)}) {
            TreeSync::setForeground(item, column, row.colour);
            TreeSync::setBold(item, column, row.bold);
        }
    });
}
