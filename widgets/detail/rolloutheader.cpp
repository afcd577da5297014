// SPDX-License-Identifier: GPL-3.0-or-later
#include "rolloutheader.h"

#include "detailheaderparts.h"
#include "detailstyle.h"
#include "phasestyle.h"
#include "rolloutstatus.h"
#include "safetynetstext.h"
#include "safetynetsverdict.h"
#include "stepdescription.h"
#include "themecolours.h"

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

} // namespace

using DetailLabels::setText;

RolloutHeader::RolloutHeader(QWidget *parent) :
    QWidget(parent),
    m_badge(new EnvironmentBadge(this)),
    m_icon(new QLabel(this)),
    m_title(DetailLabels::selectable(this, QStringLiteral("headerTitle"))),
    m_context(DetailLabels::selectable(this, QStringLiteral("headerContext"))),
    m_status(DetailLabels::selectable(this, QStringLiteral("headerStatus"))),
    m_facts(DetailLabels::selectable(this, QStringLiteral("headerFacts"))),
    m_images(DetailLabels::selectable(this, QStringLiteral("headerImages"))),
    m_safetyNets(DetailLabels::selectable(this, QStringLiteral("headerSafetyNets"))),
    m_errorBox(DetailLabels::selectable(this, QStringLiteral("errorConditions"))),
    m_staleBox(new StaleBox(this))
{
    setObjectName(QStringLiteral("rolloutHeader"));
    DetailLabels::makeTitle(m_title);
    DetailLabels::makeQuiet(m_context);
    m_status->setTextFormat(Qt::RichText);
    m_status->setWordWrap(true);
    m_facts->setWordWrap(true);
    m_images->setWordWrap(true);
    m_images->setTextFormat(Qt::RichText);
    m_errorBox->setWordWrap(true);
    m_errorBox->setTextFormat(Qt::PlainText);
    m_errorBox->setContentsMargins(8, 4, 8, 4);
    m_errorBox->setStyleSheet(
        QStringLiteral("QLabel#errorConditions { color: %1; background: %2;"
                       " border: 1px solid %1; border-radius: 3px; }")
            .arg(DetailStyle::failedColour().name(), DetailStyle::failedTint().name()));
    m_errorBox->hide();
    m_safetyNets->setTextFormat(Qt::RichText);
    m_safetyNets->setWordWrap(true);
    m_safetyNets->hide();

    // The name and status share their rows with the corner widget; the longer lines below
    // get the whole width.
    m_layout = new QGridLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setHorizontalSpacing(16);
    m_layout->setVerticalSpacing(3);
    m_layout->addLayout(DetailLabels::titleRow(m_badge, m_icon, m_title, m_context), 0, 0);
    m_layout->addWidget(m_staleBox, 1, 0, 1, 2);
    m_layout->addWidget(m_status, 2, 0, Qt::AlignTop);
    m_layout->addWidget(m_facts, 3, 0, 1, 2);
    m_layout->addWidget(m_images, 4, 0, 1, 2);
    m_layout->addWidget(m_safetyNets, 5, 0, 1, 2);
    m_layout->addWidget(m_errorBox, 6, 0, 1, 2);
    m_layout->setColumnStretch(0, 1);
}

void RolloutHeader::setActionBar(QWidget *widget)
{
    // A row of its own under the facts: the buttons keep their texts at any window width
    // where the facts fit.
    m_layout->addWidget(widget, 7, 0, 1, 2);
}

QString RolloutHeader::originText(const WorkloadOrigin &origin)
{
    switch (origin.tool) {
    case WorkloadOrigin::Tool::Helm:
        if (origin.chart.isEmpty())
            return tr("Helm release %1").arg(origin.release);
        if (origin.release.isEmpty())
            return tr("Helm chart %1 %2").arg(origin.chart, origin.chartVersion).trimmed();
        return tr("Helm chart %1 %2 (release %3)")
            .arg(origin.chart, origin.chartVersion, origin.release);
    case WorkloadOrigin::Tool::Kustomize:
        return tr("Kustomize");
    case WorkloadOrigin::Tool::None:
        break;
    }
    return QString();
}

void RolloutHeader::setDetail(const RolloutDetail &detail, const QDateTime &now)
{
    const Rollout &rollout = detail.rollout;
    m_detail = detail;
    m_badge->setEnvironment(detail.environment, detail.environmentColour);
    setText(m_title,
            rollout.metadata.namespaceName + QStringLiteral(" / ") + rollout.metadata.name);
    QStringList context;
    const QString strategy = strategyName(rollout);
    if (strategy == QLatin1String("Canary"))
        context.append(tr("Canary"));
    else if (strategy == QLatin1String("BlueGreen"))
        context.append(tr("Blue-green"));
    const qint64 revision = rolloutRevision(rollout, detail.replicaSets);
    if (revision > 0)
        context.append(tr("revision %1").arg(revision));
    const QString origin = originText(WorkloadOrigin::of(rollout.metadata));
    if (!origin.isEmpty())
        context.append(origin);
    setText(m_context, context.join(separator));

    QStringList facts;
    // Numbered as the steps list numbers them (the plugin's "1/5" counts completed steps).
    qint32 stepIndex = 0;
    if (currentCanaryStep(rollout, &stepIndex) && !rollout.status.abort)
        facts.append(tr("Step %1 of %2").arg(stepIndex + 1).arg(rollout.spec.canary->steps.size()));
    else if (rollout.isCanary() && !rollout.spec.canary->steps.isEmpty() && !rollout.status.abort)
        facts.append(tr("All %n steps done", nullptr, int(rollout.spec.canary->steps.size())));
    if (rollout.isCanary()) {
        facts.append(tr("Weight %1 % desired \u00b7 %2 % actual")
                         .arg(currentSetWeight(rollout))
                         .arg(actualWeight(rollout, detail.replicaSets)));
    }
    const RolloutCounts counts = rolloutCounts(rollout);
    facts.append(tr("Pods: %1 desired, %2 current, %3 updated, %4 ready, %5 available")
                     .arg(counts.desired)
                     .arg(counts.current)
                     .arg(counts.updated)
                     .arg(counts.ready)
                     .arg(counts.available));
    setText(m_facts, facts.join(separator));

    QStringList images;
    for (const ImageInfo &image : runningImages(rollout, detail.replicaSets)) {
        QStringList tags;
        for (const QString &tag : image.tags)
            tags.append(DetailStyle::roleName(tag));
        QString text = image.image.toHtmlEscaped();
        if (!tags.isEmpty())
            text += QStringLiteral(" <span style=\"color:%1\">(%2)</span>")
                        .arg(DetailStyle::roleColour(image.tags.first()).name(),
                             tags.join(QStringLiteral(", ")).toHtmlEscaped());
        images.append(text);
    }
    setText(m_images, images.isEmpty() ? QString() : tr("Images: %1").arg(images.join(separator)));
    m_images->setVisible(!images.isEmpty());

    m_errors = rolloutErrorConditions(rollout);
    if (rollout.status.abort && rollout.status.abortedAt.isValid())
        m_errors.prepend(tr("Aborted %1 ago (%2).")
                             .arg(DetailStyle::age(rollout.status.abortedAt, now),
                                  DetailStyle::timestamp(rollout.status.abortedAt)));
    setText(m_errorBox, m_errors.join(QLatin1Char('\n')));
    m_errorBox->setVisible(!m_errors.isEmpty());

    QString stale;
    if (detail.isStale()) {
        stale = tr("Stale since %1: %2 is not connected, so this is the last known state. "
                   "Countdowns are stopped and actions are disabled; \"Copy kubectl Command\" "
                   "gives the command to run from a terminal.")
                    .arg(DetailStyle::clockTime(detail.staleSince), detail.environment);
        if (!detail.staleReason.isEmpty())
            stale += QLatin1Char('\n') + detail.staleReason;
    }
    m_staleBox->setStaleText(stale);
    updateStatus(now);
}

void RolloutHeader::setSafetyNets(const SafetyNets *nets)
{
    if (!nets) {
        setText(m_safetyNets, QString());
        m_safetyNets->hide();
        return;
    }
    // The findings in the colour of the worst; "no findings" green only when every section was
    // read (SafetyNetsVerdict::worst), else in the quiet colour.
    const DetailRoles::Tone worst = SafetyNetsVerdict::worst(*nets);
    const QColor colour = worst == DetailRoles::Tone::Default
        ? palette().color(QPalette::WindowText)
        : DetailStyle::toneColour(worst, palette());
    setText(m_safetyNets,
            tr("Safety nets: %1")
                .arg(QStringLiteral("<span style=\"color:%1\"><b>%2</b></span>")
                         .arg(colour.name(), SafetyNetsText::summary(*nets).toHtmlEscaped())));
    m_safetyNets->setToolTip(SafetyNetsVerdict::toolTip(*nets));
    m_safetyNets->show();
}

void RolloutHeader::updateCountdown(const QDateTime &now)
{
    updateStatus(now);
}

void RolloutHeader::updateStatus(const QDateTime &now)
{
    const RolloutPhaseInfo phase = rolloutPhase(m_detail.rollout);
    const bool stale = m_detail.isStale();
    const int size = fontMetrics().height() + 4;
    const QString iconKey = phase.phase + (stale ? QStringLiteral("/stale") : QString());
    if (m_icon->property("phase").toString() != iconKey) {
        const QIcon icon = phase.phase.isEmpty() ? QIcon() : PhaseStyle::icon(phase.phase, size);
        m_icon->setPixmap(icon.pixmap(size, size, stale ? QIcon::Disabled : QIcon::Normal));
        m_icon->setProperty("phase", iconKey);
    }
    // The situation's first words in the phase colour, the rest plain: "Paused by a person
    // since 23:41" — "Resume continues at step 4 of 6".
    const RolloutSituation situation = m_detail.situation(now);
    const auto [head, rest] = RolloutSituationText::split(situation.text);
    // Stale: a grey that still reads (the disabled text colour is too faint for a status).
    const QColor colour = stale ? ThemeColours::foreground(QColor(0x6e, 0x6e, 0x6e))
                                : PhaseStyle::colour(phase.phase);
    QString html = QStringLiteral("<span style=\"color:%1\"><b>%2</b></span>")
                       .arg(colour.name(), head.toHtmlEscaped());
    if (!rest.isEmpty())
        html += QStringLiteral(" \u2014 ") + rest.toHtmlEscaped();
    setText(m_status, html);
    m_status->setToolTip(tr("Phase: %1")
                             .arg(phase.message.isEmpty() ? phase.phase
                                                          : phase.phase + QStringLiteral(" (")
                                          + phase.message + QLatin1Char(')')));
}

QString RolloutHeader::environmentText() const
{
    return m_badge->text();
}

QString RolloutHeader::staleText() const
{
    return m_staleBox->isVisibleTo(this) ? m_staleBox->text() : QString();
}

QString RolloutHeader::titleText() const
{
    return m_title->text();
}

QString RolloutHeader::contextText() const
{
    return m_context->text();
}

QString RolloutHeader::statusText() const
{
    return plain(m_status->text());
}

QString RolloutHeader::factsText() const
{
    return m_facts->text();
}

QString RolloutHeader::imagesText() const
{
    return plain(m_images->text());
}

QString RolloutHeader::safetyNetsText() const
{
    return m_safetyNets->isVisibleTo(this) ? plain(m_safetyNets->text()) : QString();
}

QStringList RolloutHeader::errorConditions() const
{
    return m_errors;
}
