// SPDX-License-Identifier: GPL-3.0-or-later
#include "safetynetsview.h"

#include "detailstyle.h"
#include "detailtext.h"
#include "safetynetstreeview.h"

#include <QLabel>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// "checkout-7d9f (checkout:2.0.4)": the ReplicaSet, and the short images that tell versions
// apart.
QString sideText(const SafetyNetSide &side)
{
    QStringList images;
    for (const QString &image : side.images)
        images.append(DetailText::shortImage(image));
    return images.isEmpty()
        ? side.replicaSet
        : SafetyNetsView::tr("%1 (%2)").arg(side.replicaSet, images.join(QStringLiteral(", ")));
}

// The newest read of any source: what "read at" says (a source read before and not since
// says so in its own section).
qint64 readMs(const SafetyNets &nets)
{
    qint64 newest = 0;
    for (const SafetyNetSourceState &state : nets.sources)
        newest = std::max(newest, state.fetchedMs);
    return newest;
}

} // namespace

SafetyNetsView::SafetyNetsView(QWidget *parent) :
    QWidget(parent),
    m_context(new QLabel),
    m_stack(new QStackedWidget),
    m_state(new QLabel),
    m_tree(new SafetyNetsTreeView),
    m_ageTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("safetyNetsView"));
    m_context->setObjectName(QStringLiteral("safetyNetsContext"));
    m_state->setObjectName(QStringLiteral("safetyNetsState"));
    m_ageTimer->setObjectName(QStringLiteral("safetyNetsAgeTimer"));
    m_ageTimer->setInterval(5000);
    connect(m_ageTimer, &QTimer::timeout, this, &SafetyNetsView::updateContext);
    m_context->setWordWrap(true);
    m_context->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_context->setContentsMargins(8, 6, 8, 6);

    // The sentence reads at the top, where the sections would start.
    auto *statePage = new QWidget;
    auto *stateLayout = new QVBoxLayout(statePage);
    stateLayout->setContentsMargins(12, 14, 12, 12);
    m_state->setWordWrap(true);
    m_state->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    stateLayout->addWidget(m_state);
    stateLayout->addStretch(1);
    m_stack->addWidget(statePage);
    m_stack->addWidget(m_tree);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_context);
    layout->addWidget(m_stack, 1);
    clearSafetyNets(QString());
}

void SafetyNetsView::setSafetyNets(const SafetyNets &nets)
{
    const bool sameRollout = nets.environment == m_nets.environment
        && nets.namespace_ == m_nets.namespace_ && nets.rollout == m_nets.rollout;
    m_nets = nets;
    m_tree->safetyNetsModel()->setSafetyNets(nets);
    if (!sameRollout || m_stack->currentIndex() != 1)
        m_tree->scrollToTop();
    m_stack->setCurrentIndex(1);
    m_context->show();
    updateContext();
    updateTimer();
}

void SafetyNetsView::clearSafetyNets(const QString &why)
{
    m_nets = SafetyNets();
    m_tree->safetyNetsModel()->clear();
    m_state->setText(why.isEmpty() ? tr("Reading the safety nets: image scans, policy reports, "
                                        "runtime alerts, CI pipelines, the earlier "
                                        "environment's tests and the feature flags…")
                                   : why);
    m_stack->setCurrentIndex(0);
    m_context->hide();
    updateTimer();
}

void SafetyNetsView::setRefreshIntervalMs(qint64 intervalMs)
{
    if (intervalMs > 0)
        m_intervalMs = intervalMs;
    updateContext();
}

void SafetyNetsView::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
    updateContext();
}

bool SafetyNetsView::showsSafetyNets() const
{
    return m_stack->currentIndex() == 1;
}

QString SafetyNetsView::contextText() const
{
    return m_context->isVisibleTo(this) ? m_context->text() : QString();
}

void SafetyNetsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    updateContext(); // not counted while hidden
    updateTimer();
}

void SafetyNetsView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    updateTimer();
}

void SafetyNetsView::updateContext()
{
    if (!showsSafetyNets())
        return;
    const QString compared = m_nets.canary.replicaSet.isEmpty()
        ? tr("No canary: the stable version %1 alone").arg(sideText(m_nets.stable))
        : m_nets.stable.replicaSet.isEmpty()
        ? tr("Canary %1; no stable version to compare with").arg(sideText(m_nets.canary))
        : tr("Canary %1 against stable %2").arg(sideText(m_nets.canary), sideText(m_nets.stable));
    QString text = compared;
    bool old = false;
    if (const qint64 read = readMs(m_nets); read > 0) {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(read, Qt::UTC);
        const QDateTime time = std::max(now(), at);
        old = at.msecsTo(time) > 3 * m_intervalMs;
        text += QStringLiteral(" \u00b7 ")
            + (old ? tr("read %1, %2 ago: not refreshed since") : tr("read %1, %2 ago"))
                  .arg(DetailStyle::clockTime(at), DetailText::age(at, time));
        m_context->setToolTip(DetailText::timestamp(at));
    }
    if (m_context->text() != text)
        m_context->setText(text);
    QPalette palette = m_context->palette();
    palette.setColor(QPalette::WindowText,
                     old ? DetailStyle::warningColour()
                         : this->palette().color(QPalette::WindowText));
    m_context->setPalette(palette);
}

void SafetyNetsView::updateTimer()
{
    const bool wanted = showsSafetyNets() && isVisible();
    if (wanted && !m_ageTimer->isActive())
        m_ageTimer->start();
    else if (!wanted)
        m_ageTimer->stop();
}

QDateTime SafetyNetsView::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}
