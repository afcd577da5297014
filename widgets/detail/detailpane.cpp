// SPDX-License-Identifier: GPL-3.0-or-later
#include "detailpane.h"

#include "phasestyle.h"
#include "rolloutdetailview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStackedLayout>
#include <QVBoxLayout>

DetailPane::DetailPane(QWidget *parent) :
    QWidget(parent),
    m_stack(new QStackedLayout(this)),
    m_summaryPage(new QWidget(this)),
    m_title(new QLabel(m_summaryPage)),
    m_statusIcon(new QLabel(m_summaryPage)),
    m_status(new QLabel(m_summaryPage)),
    m_placeholder(new QLabel(m_summaryPage)),
    m_rolloutView(new RolloutDetailView(this))
{
    setObjectName(QStringLiteral("detailPane"));
    QFont titleFont = font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    QPalette quiet = m_placeholder->palette();
    quiet.setColor(QPalette::WindowText, quiet.color(QPalette::PlaceholderText));
    m_placeholder->setPalette(quiet);

    auto *layout = new QVBoxLayout(m_summaryPage);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->addWidget(m_title);
    auto *statusRow = new QHBoxLayout;
    statusRow->setSpacing(6);
    statusRow->addWidget(m_statusIcon, 0, Qt::AlignTop);
    statusRow->addWidget(m_status, 1);
    layout->addLayout(statusRow);
    layout->addWidget(m_placeholder, 1);

    m_stack->addWidget(m_summaryPage);
    m_stack->addWidget(m_rolloutView);
    clearSelection();
}

void DetailPane::clearSelection()
{
    m_title->hide();
    m_statusIcon->hide();
    m_status->hide();
    m_placeholder->setText(tr("Select a rollout to see its steps, ReplicaSets and analysis"));
    m_stack->setCurrentWidget(m_summaryPage);
}

void DetailPane::showSelectionGone(const QString &text)
{
    m_title->hide();
    m_statusIcon->hide();
    m_status->hide();
    m_placeholder->setText(text);
    m_stack->setCurrentWidget(m_summaryPage);
}

void DetailPane::showRolloutView()
{
    m_stack->setCurrentWidget(m_rolloutView);
}

void DetailPane::showWorkload(const QString &environment, const QString &namespaceName,
                              const QString &name, const QString &phase, const QString &message)
{
    m_title->setText(QStringLiteral("%1 / %2 / %3").arg(environment, namespaceName, name));
    m_title->show();
    QString status = QStringLiteral("<span style=\"color:%1\"><b>%2</b></span>")
                         .arg(PhaseStyle::colour(phase).name(),
                              PhaseStyle::displayName(phase).toHtmlEscaped());
    if (!message.isEmpty())
        status += QStringLiteral(" &nbsp;") + message.toHtmlEscaped();
    m_status->setText(status);
    m_status->show();
    const int size = fontMetrics().height() - 2;
    m_statusIcon->setPixmap(PhaseStyle::icon(phase, size).pixmap(size, size));
    m_statusIcon->show();
    m_placeholder->setText(tr("A Deployment rolls out without steps or analysis: its status "
                              "and replicas are in the table above."));
    m_stack->setCurrentWidget(m_summaryPage);
}

bool DetailPane::isShowingRollout() const
{
    return m_stack->currentWidget() == m_rolloutView;
}

QString DetailPane::title() const
{
    return m_title->isHidden() ? QString() : m_title->text();
}

QString DetailPane::placeholderText() const
{
    return m_placeholder->text();
}
