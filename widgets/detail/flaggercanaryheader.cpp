// SPDX-License-Identifier: GPL-3.0-or-later
#include "flaggercanaryheader.h"

#include "detailheaderparts.h"
#include "detailstyle.h"
#include "flaggerstatus.h"
#include "flaggerstrategy.h"
#include "fleetmodel.h"
#include "phasestyle.h"
#include "rolloutheader.h"
#include "themecolours.h"
#include "workloadorigin.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QTextDocumentFragment>

namespace {

const QString separator = QStringLiteral(" \u00b7 ");

QString plain(const QString &html)
{
    return QTextDocumentFragment::fromHtml(html).toPlainText();
}

QString coloured(const QColor &colour, const QString &text)
{
    return QStringLiteral("<span style=\"color:%1\"><b>%2</b></span>")
        .arg(colour.name(), text.toHtmlEscaped());
}

// The weight schedule with the weight Flagger set last in bold: where the analysis stands. A
// long schedule (stepWeight 1 makes a hundred) keeps its ends and the steps around the
// current one, the rest as "…".
QString scheduleHtml(const QList<qint32> &weights, qint32 current)
{
    constexpr qsizetype shownWhole = 8;
    const qsizetype at = current > 0 ? weights.indexOf(current) : -1;
    QStringList steps;
    qsizetype previous = -1;
    for (qsizetype i = 0; i < weights.size(); ++i) {
        const bool near = at >= 0 ? (i >= at - 1 && i <= at + 1) : i <= 1;
        if (weights.size() > shownWhole && i != 0 && i != weights.size() - 1 && !near)
            continue;
        if (previous >= 0 && i != previous + 1)
            steps.append(QStringLiteral("\u2026"));
        previous = i;
        const QString step = FlaggerCanaryHeader::tr("%1%").arg(weights.at(i)).toHtmlEscaped();
        steps.append(i == at ? QStringLiteral("<b>%1</b>").arg(step) : step);
    }
    return steps.join(QStringLiteral(" \u2192 "));
}

} // namespace

using DetailLabels::selectable;
using DetailLabels::setText;

FlaggerCanaryHeader::FlaggerCanaryHeader(QWidget *parent) :
    QWidget(parent),
    m_badge(new EnvironmentBadge(this)),
    m_icon(new QLabel(this)),
    m_title(selectable(this, QStringLiteral("canaryTitle"))),
    m_context(selectable(this, QStringLiteral("canaryContext"), true)),
    m_staleBox(new StaleBox(this)),
    m_status(selectable(this, QStringLiteral("canaryStatus"), true)),
    m_progress(selectable(this, QStringLiteral("canaryProgress"))),
    m_failedChecks(selectable(this, QStringLiteral("canaryFailedChecks"))),
    m_transition(selectable(this, QStringLiteral("canaryTransition"), true)),
    m_flags(selectable(this, QStringLiteral("canaryFlags"), true)),
    m_conditions(selectable(this, QStringLiteral("canaryConditions"), true)),
    m_notices(selectable(this, QStringLiteral("canaryNotices"), true))
{
    setObjectName(QStringLiteral("canaryHeader"));
    DetailLabels::makeTitle(m_title);
    DetailLabels::makeQuiet(m_context);
    DetailLabels::makeQuiet(m_transition);
    DetailLabels::makeQuiet(m_notices);
    for (QLabel *rich : {m_status, m_progress, m_flags})
        rich->setTextFormat(Qt::RichText);
    for (QLabel *plainLabel : {m_failedChecks, m_transition, m_conditions, m_notices})
        plainLabel->setTextFormat(Qt::PlainText);
    m_flags->hide();
    m_conditions->hide();
    m_notices->hide();

    // Where the analysis stands on one line (the schedule is kept short), which leaves the
    // pane's height to the Deployments.
    auto *checksRow = new QHBoxLayout;
    checksRow->setSpacing(16);
    checksRow->addWidget(m_progress, 0, Qt::AlignTop);
    checksRow->addWidget(m_failedChecks, 0, Qt::AlignTop);
    checksRow->addWidget(m_transition, 1, Qt::AlignTop);

    m_layout = new QGridLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setVerticalSpacing(3);
    m_layout->addLayout(DetailLabels::titleRow(m_badge, m_icon, m_title, m_context), 0, 0);
    m_layout->addWidget(m_staleBox, 1, 0);
    m_layout->addWidget(m_status, 2, 0);
    m_layout->addLayout(checksRow, 3, 0);
    m_layout->addWidget(m_flags, 5, 0);
    m_layout->addWidget(m_conditions, 6, 0);
    m_layout->addWidget(m_notices, 7, 0);
    m_layout->setColumnStretch(0, 1);
}

void FlaggerCanaryHeader::setActionBar(QWidget *widget)
{
    m_layout->addWidget(widget, 8, 0);
}

void FlaggerCanaryHeader::setDetail(const FlaggerCanaryDetail &detail, const QDateTime &now)
{
    m_detail = detail;
    const FlaggerCanary &canary = detail.canary;
    m_badge->setEnvironment(detail.environment, detail.environmentColour);
    setText(m_title, canary.metadata.namespaceName + QStringLiteral(" / ") + canary.metadata.name);
    QStringList context {FleetModel::strategyText(detail.strategy)};
    if (!canary.spec.provider.isEmpty())
        context.append(tr("provider %1").arg(canary.spec.provider));
    if (!canary.spec.targetRef.name.isEmpty())
        context.append(tr("target %1 %2")
                           .arg(canary.spec.targetRef.kind.isEmpty() ? QStringLiteral("Deployment")
                                                                     : canary.spec.targetRef.kind,
                                canary.spec.targetRef.name));
    const QString origin = RolloutHeader::originText(WorkloadOrigin::of(canary.metadata));
    if (!origin.isEmpty())
        context.append(origin);
    setText(m_context, context.join(separator));

    QString stale;
    if (detail.isStale()) {
        stale = tr("Stale since %1: %2 is not connected, so this is the last known state.")
                    .arg(DetailStyle::clockTime(detail.staleSince), detail.environment);
        if (!detail.staleReason.isEmpty())
            stale += QLatin1Char('\n') + detail.staleReason;
    }
    m_staleBox->setStaleText(stale);
    setText(m_notices, detail.notices.join(QLatin1Char('\n')));
    m_notices->setVisible(!detail.notices.isEmpty());
    updateStatus();
    updateProgress();
    updateFlags(now);
}

void FlaggerCanaryHeader::updateStatus()
{
    const bool stale = m_detail.isStale();
    const int size = fontMetrics().height() + 4;
    const QString iconKey = m_detail.phase + (stale ? QStringLiteral("/stale") : QString());
    if (m_icon->property("phase").toString() != iconKey) {
        const QIcon icon
            = m_detail.phase.isEmpty() ? QIcon() : PhaseStyle::icon(m_detail.phase, size);
        m_icon->setPixmap(icon.pixmap(size, size, stale ? QIcon::Disabled : QIcon::Normal));
        m_icon->setProperty("phase", iconKey);
    }
    // A disconnected environment's status is the last known one: grey, as the rollout's.
    const QColor colour = stale ? ThemeColours::foreground(QColor(0x6e, 0x6e, 0x6e))
                                : PhaseStyle::colour(m_detail.phase);
    QString html = coloured(colour, PhaseStyle::displayName(m_detail.phase));
    if (!m_detail.message.isEmpty())
        html += QStringLiteral(" \u2014 ") + m_detail.message.toHtmlEscaped();
    setText(m_status, html);
    const QString flaggerPhase = m_detail.canary.status.phase;
    m_status->setToolTip(flaggerPhase.isEmpty() ? tr("Flagger has not set a phase yet")
                                                : tr("Flagger phase: %1").arg(flaggerPhase));
}

void FlaggerCanaryHeader::updateProgress()
{
    const FlaggerCanary &canary = m_detail.canary;
    const FlaggerCanaryStatus &status = canary.status;
    QStringList parts;
    if (flaggerStrategy(canary) == FlaggerStrategy::Canary) {
        const qint32 maxWeight
            = canary.spec.analysis ? flaggerMaxWeight(*canary.spec.analysis) : flaggerTotalWeight;
        // Flagger writes weight 0 when it enters WaitingPromotion (pkg/canary/status.go) but
        // leaves the router at the max weight: saying 0 % would misstate the canary's traffic.
        const bool atGate = status.phase == QLatin1String("WaitingPromotion");
        const qint32 weight = FlaggerStatus::routedWeight(canary);
        parts.append(
            (atGate ? tr("Canary at the max weight %1% while it waits for promotion "
                         "(Flagger's status says 0 in this phase)")
                          .arg(maxWeight)
                    : tr("Canary weight %1% of %2% max").arg(status.canaryWeight).arg(maxWeight))
                .toHtmlEscaped());
        const QString schedule = scheduleHtml(flaggerWeightSchedule(canary), weight);
        if (!schedule.isEmpty())
            parts.append(tr("weights %1").arg(schedule));
    } else {
        parts.append(tr("Iteration %1 of %2")
                         .arg(FlaggerStatus::iterationsDone(canary))
                         .arg(flaggerIterations(canary))
                         .toHtmlEscaped());
    }
    setText(m_progress, parts.join(separator));

    const qint32 threshold = flaggerThreshold(canary);
    // Flagger's rollback resets the count: "0 of 3" would read as if nothing had failed.
    const bool rolledBack = status.phase == QLatin1String("Failed") && status.failedChecks == 0;
    setText(m_failedChecks,
            rolledBack ? tr("Failed checks: reset by the rollback (threshold %1)").arg(threshold)
                       : tr("Failed checks: %1 of %2").arg(status.failedChecks).arg(threshold));
    // Red from the first failed check: the canary is that many checks from a rollback.
    const bool failing = status.failedChecks > 0 || rolledBack;
    QPalette palette = this->palette();
    if (failing)
        palette.setColor(QPalette::WindowText,
                         ThemeColours::foreground(DetailStyle::failedColour()));
    m_failedChecks->setPalette(palette);
    QFont font = m_failedChecks->font();
    font.setBold(failing);
    m_failedChecks->setFont(font);
}

void FlaggerCanaryHeader::updateFlags(const QDateTime &now)
{
    const FlaggerCanary &canary = m_detail.canary;
    const QString &phase = canary.status.phase;
    const QDateTime &since = canary.status.lastTransitionTime;
    QString transition
        = phase.isEmpty() ? tr("No Flagger phase yet") : tr("Flagger phase %1").arg(phase);
    if (since.isValid())
        transition
            = tr("%1 since %2 (%3 ago)")
                  .arg(transition, DetailStyle::clockTime(since), DetailStyle::age(since, now));
    setText(m_transition, transition);
    m_transition->setToolTip(since.isValid() ? DetailStyle::timestamp(since) : QString());

    QStringList flags;
    const QColor amber = ThemeColours::foreground(DetailStyle::warningColour());
    if (canary.spec.suspend)
        flags.append(coloured(amber,
                              tr("Suspended: Flagger does not reconcile this canary "
                                 "(spec.suspend)")));
    if (canary.spec.skipAnalysis)
        flags.append(coloured(amber,
                              tr("Analysis skipped: a new revision is promoted without "
                                 "checks (spec.skipAnalysis)")));
    setText(m_flags, flags.join(QStringLiteral("<br>")));
    m_flags->setVisible(!flags.isEmpty());

    QStringList conditions;
    for (const Condition &condition : canary.status.conditions) {
        QString line = tr("%1: %2").arg(condition.type, condition.status);
        if (!condition.reason.isEmpty())
            line += separator + condition.reason;
        if (!condition.message.isEmpty())
            line += QStringLiteral(" \u2014 ") + condition.message;
        const QDateTime &updated = condition.lastUpdateTime.isValid()
            ? condition.lastUpdateTime
            : condition.lastTransitionTime;
        if (updated.isValid())
            line += QLatin1Char(' ') + tr("(%1 ago)").arg(DetailStyle::age(updated, now));
        conditions.append(line);
    }
    setText(m_conditions, conditions.join(QLatin1Char('\n')));
    m_conditions->setVisible(!conditions.isEmpty());
}

QString FlaggerCanaryHeader::environmentText() const
{
    return m_badge->text();
}

QString FlaggerCanaryHeader::titleText() const
{
    return m_title->text();
}

QString FlaggerCanaryHeader::contextText() const
{
    return m_context->text();
}

QString FlaggerCanaryHeader::statusText() const
{
    return plain(m_status->text());
}

QString FlaggerCanaryHeader::progressText() const
{
    return plain(m_progress->text());
}

QString FlaggerCanaryHeader::failedChecksText() const
{
    return m_failedChecks->text();
}

QString FlaggerCanaryHeader::transitionText() const
{
    return m_transition->text();
}

QString FlaggerCanaryHeader::flagsText() const
{
    return m_flags->isVisibleTo(this) ? plain(m_flags->text()) : QString();
}

QString FlaggerCanaryHeader::conditionsText() const
{
    return m_conditions->isVisibleTo(this) ? m_conditions->text() : QString();
}

QString FlaggerCanaryHeader::staleText() const
{
    return m_staleBox->isVisibleTo(this) ? m_staleBox->text() : QString();
}

QString FlaggerCanaryHeader::noticesText() const
{
    return m_notices->isVisibleTo(this) ? m_notices->text() : QString();
}

QColor FlaggerCanaryHeader::failedChecksColour() const
{
    return m_failedChecks->palette().color(QPalette::WindowText);
}
