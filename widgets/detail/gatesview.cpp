// SPDX-License-Identifier: GPL-3.0-or-later
#include "gatesview.h"

#include "detailstyle.h"
#include "detailtext.h"
#include "durationparser.h"
#include "gatespec.h"
#include "gatestreeview.h"
#include "phasestyle.h"
#include "rolloutsituation.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace {

QString symbolOf(GateOutcome outcome)
{
    switch (outcome) {
    case GateOutcome::Pass:
        return QStringLiteral("Healthy");
    case GateOutcome::Inconclusive:
        return QStringLiteral("Paused");
    case GateOutcome::Error:
    case GateOutcome::Fail:
        break;
    }
    return QStringLiteral("Degraded");
}

QColor colourOf(GateOutcome outcome)
{
    switch (outcome) {
    case GateOutcome::Pass:
        return DetailStyle::okColour();
    case GateOutcome::Inconclusive:
        return DetailStyle::warningColour();
    case GateOutcome::Error:
    case GateOutcome::Fail:
        break;
    }
    return DetailStyle::failedColour();
}

// "Gates: FAIL — 1 of 4 failed, 1 inconclusive": the verdict, how many gates decided it, and
// the other gates that did not pass.
QString verdictText(const GateReport &report)
{
    const GateOutcome verdict = report.verdict();
    const QString word = GateOutcomes::label(verdict).toUpper();
    const int total = int(report.gates.size());
    if (verdict == GateOutcome::Pass)
        return total == 1 ? GatesView::tr("Gates: %1 — the one gate passed").arg(word)
                          : GatesView::tr("Gates: %1 — all %2 passed").arg(word).arg(total);
    QStringList parts;
    const auto count = [&](GateOutcome outcome) { return report.count(outcome); };
    if (verdict == GateOutcome::Fail)
        parts.append(GatesView::tr("%1 of %2 failed").arg(count(verdict)).arg(total));
    else if (verdict == GateOutcome::Error)
        parts.append(GatesView::tr("%1 of %2 could not be judged").arg(count(verdict)).arg(total));
    else
        parts.append(GatesView::tr("%1 of %2 inconclusive").arg(count(verdict)).arg(total));
    if (verdict == GateOutcome::Fail && count(GateOutcome::Error) > 0)
        parts.append(GatesView::tr("%1 not judged").arg(count(GateOutcome::Error)));
    if (verdict != GateOutcome::Inconclusive && count(GateOutcome::Inconclusive) > 0)
        parts.append(GatesView::tr("%1 inconclusive").arg(count(GateOutcome::Inconclusive)));
    return GatesView::tr("Gates: %1 — %2").arg(word, parts.join(GatesView::tr(", ")));
}

QString noGatesHint()
{
    //: The YAML keys (gates, name, query, max) must stay as they are.
    const QString example = GatesView::tr(
        "gates:\n"
        "  - name: error ratio\n"
        "    query: >-\n"
        "      sum(rate(http_requests_total{code=~\"5..\",pod=~\"{{pod_regex}}\"}[1m]))\n"
        "      / sum(rate(http_requests_total{pod=~\"{{pod_regex}}\"}[1m]))\n"
        "    max: 0.02");
    return GatesView::tr("A gate is a PromQL query with a bound, judged on the canary's pods "
                         "(and, for a relative bound, on the stable's), for example:")
        + QStringLiteral("<pre>%1</pre>").arg(example.toHtmlEscaped())
        + GatesView::tr("The config file is described in docs/cli.md, “Environments config”; an "
                        "AnalysisTemplate's metrics are listed here as they are measured.");
}

} // namespace

GatesView::GatesView(QWidget *parent) :
    QWidget(parent),
    m_intervalMs(GateSettings::defaultIntervalMs),
    m_header(new QWidget),
    m_icon(new QLabel),
    m_verdict(new QLabel),
    m_evaluated(new QLabel),
    m_stack(new QStackedWidget),
    m_state(new QLabel),
    m_hint(new QLabel),
    m_tree(new GatesTreeView),
    m_ageTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("gatesView"));
    m_header->setObjectName(QStringLiteral("gatesHeader"));
    m_verdict->setObjectName(QStringLiteral("gatesVerdict"));
    m_evaluated->setObjectName(QStringLiteral("gatesEvaluated"));
    m_state->setObjectName(QStringLiteral("gatesState"));
    m_hint->setObjectName(QStringLiteral("gatesHint"));
    m_ageTimer->setObjectName(QStringLiteral("gatesAgeTimer"));
    m_ageTimer->setInterval(1000);
    connect(m_ageTimer, &QTimer::timeout, this, [this] { updateAge(); });

    QFont big = m_verdict->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_verdict->setFont(big);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_evaluated->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto *headerLayout = new QHBoxLayout(m_header);
    headerLayout->setContentsMargins(8, 6, 8, 6);
    headerLayout->setSpacing(8);
    headerLayout->addWidget(m_icon);
    headerLayout->addWidget(m_verdict);
    headerLayout->addStretch(1);
    headerLayout->addWidget(m_evaluated);

    // The states read as a sentence at the top, where the table would start, not lost in
    // the middle of an empty page.
    auto *statePage = new QWidget;
    auto *stateLayout = new QVBoxLayout(statePage);
    stateLayout->setContentsMargins(12, 14, 12, 12);
    stateLayout->setSpacing(10);
    for (QLabel *label : {m_state, m_hint}) {
        // Top-aligned: a label keeps the height of a longer text it showed before, and
        // centred in it the sentence would drift away from the one above.
        label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        stateLayout->addWidget(label);
    }
    stateLayout->addStretch(1);
    QFont stateFont = m_state->font();
    stateFont.setPointSizeF(stateFont.pointSizeF() * 1.15);
    m_state->setFont(stateFont);
    QPalette quiet = m_hint->palette();
    quiet.setColor(QPalette::WindowText, quiet.color(QPalette::PlaceholderText));
    m_hint->setPalette(quiet);
    m_stack->addWidget(statePage);
    m_stack->addWidget(m_tree);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_header);
    layout->addWidget(m_stack, 1);
    clearReport(QString());
}

void GatesView::setReport(const GateReport &report)
{
    m_report = report;
    m_shown = Shown::Report;
    showReportState();
    updateTimer();
}

void GatesView::clearReport(const QString &why)
{
    m_report = GateReport();
    m_tree->gatesModel()->clear();
    m_shown = why.isEmpty() ? Shown::Default : Shown::Reason;
    if (why.isEmpty())
        showState(tr("Not evaluated yet: gates are judged every %1 while a canary runs")
                      .arg(compactDuration(m_intervalMs)),
                  Qt::PlainText, QString());
    else
        showState(why, Qt::PlainText, QString());
    updateTimer();
}

void GatesView::setIntervalMs(qint64 intervalMs)
{
    if (intervalMs <= 0 || intervalMs == m_intervalMs)
        return;
    m_intervalMs = intervalMs;
    if (m_shown == Shown::Default)
        clearReport(QString());
    else if (m_shown == Shown::Report)
        showReportState();
}

void GatesView::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
    updateAge();
}

void GatesView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    updateAge(); // it was not counted while hidden
    updateTimer();
}

void GatesView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    updateTimer();
}

void GatesView::showState(const QString &text, Qt::TextFormat format, const QString &hint)
{
    m_header->hide();
    m_state->setTextFormat(format);
    m_state->setText(text);
    m_hint->setTextFormat(Qt::RichText);
    m_hint->setText(hint);
    m_hint->setVisible(!hint.isEmpty());
    m_stack->setCurrentIndex(0);
}

void GatesView::showReportState()
{
    if (m_report.canaryHash.isEmpty()) {
        // Without a canary the config gates are only Inconclusive ("no canary to judge"):
        // name them instead of a table of dashes.
        QStringList names;
        for (const GateResult &gate : m_report.gates)
            names.append(gate.name);
        m_tree->gatesModel()->clear();
        showState(
            tr("No canary: gates are judged while a new revision is rolled out"), Qt::PlainText,
            names.isEmpty()
                ? QString()
                : tr("Gates that will be judged: %1").arg(names.join(tr(", ")).toHtmlEscaped()));
        return;
    }
    if (m_report.gates.isEmpty()) {
        m_tree->gatesModel()->clear();
        showState(tr("No gates apply to this rollout: add <code>gates:</code> to the config file "
                     "or use an AnalysisTemplate"),
                  Qt::RichText, noGatesHint());
        return;
    }
    m_tree->gatesModel()->setReport(m_report);
    m_stack->setCurrentIndex(1);
    updateHeader();
    m_header->show();
}

void GatesView::updateHeader()
{
    const GateOutcome verdict = m_report.verdict();
    m_icon->setPixmap(PhaseStyle::icon(symbolOf(verdict), 20).pixmap(20, 20));
    m_verdict->setText(verdictText(m_report));
    QPalette palette = m_verdict->palette();
    palette.setColor(QPalette::WindowText, colourOf(verdict));
    m_verdict->setPalette(palette);
    m_verdict->setToolTip(
        tr("Canary %1 against stable %2")
            .arg(m_report.canaryHash,
                 m_report.stableHash.isEmpty() ? tr("(none)") : m_report.stableHash));
    updateAge();
}

void GatesView::updateAge()
{
    if (!showsTable() || m_report.evaluatedAtMs <= 0)
        return;
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(m_report.evaluatedAtMs, Qt::UTC);
    const QDateTime time = now();
    // A clock a little behind the judge's says "0s ago", not a negative age.
    const QDateTime reference = time < at ? at : time;
    const QString text = tr("evaluated %1 at %2 · judged every %3")
                             .arg(DetailText::ago(at, reference),
                                  RolloutSituationText::clockTime(at, reference, true),
                                  compactDuration(m_intervalMs));
    if (m_evaluated->text() != text)
        m_evaluated->setText(text);
    // Judgements come at the interval: three missed ones mean the verdict is old news.
    const bool old = at.msecsTo(reference) > 3 * m_intervalMs;
    QPalette palette = m_evaluated->palette();
    palette.setColor(QPalette::WindowText,
                     old ? DetailStyle::warningColour()
                         : this->palette().color(QPalette::PlaceholderText));
    m_evaluated->setPalette(palette);
    m_evaluated->setToolTip(
        old ? tr("No newer judgement since %1: the gates may not be judged any more (metrics "
                 "unreachable, or the canary gone)")
                  .arg(DetailText::timestamp(at))
            : DetailText::timestamp(at));
}

void GatesView::updateTimer()
{
    const bool wanted = showsTable() && isVisible();
    if (wanted && !m_ageTimer->isActive())
        m_ageTimer->start();
    else if (!wanted)
        m_ageTimer->stop();
}

bool GatesView::showsTable() const
{
    return m_shown == Shown::Report && m_stack->currentIndex() == 1;
}

QDateTime GatesView::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}
