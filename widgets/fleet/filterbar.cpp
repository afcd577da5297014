// SPDX-License-Identifier: GPL-3.0-or-later
#include "filterbar.h"

#include "phasestyle.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QLocale>
#include <QToolButton>

namespace {

QToolButton *makeToggle(QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setCheckable(true);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setAutoRaise(false);
    button->setFocusPolicy(Qt::TabFocus);
    return button;
}

} // namespace

FilterBar::FilterBar(QWidget *parent) :
    QWidget(parent),
    m_edit(new QLineEdit(this)),
    m_attention(makeToggle(this)),
    m_clear(new QToolButton(this))
{
    m_edit->setObjectName(QStringLiteral("filterEdit"));
    m_edit->setPlaceholderText(tr("Filter by environment, namespace, name or image (Ctrl+F)"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setMinimumWidth(160);
    m_edit->installEventFilter(this);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_edit, 1);
    layout->addSpacing(6);
    for (const QString &phase : phases()) {
        QToolButton *button = makeToggle(this);
        button->setObjectName(QStringLiteral("phase") + phase);
        button->setIcon(PhaseStyle::icon(phase));
        button->setToolTip(
            tr("Show only %1 rollouts (combine several)").arg(PhaseStyle::displayName(phase)));
        connect(button, &QToolButton::toggled, this, [this] {
            updateClearButton();
            emit phasesChanged(checkedPhases());
        });
        m_phaseButtons.append(button);
        layout->addWidget(button);
    }
    layout->addSpacing(6);
    m_attention->setObjectName(QStringLiteral("attentionFilter"));
    m_attention->setText(tr("Needs attention"));
    m_attention->setIcon(PhaseStyle::icon(QStringLiteral("Degraded")));
    m_attention->setToolTip(tr("Show only rollouts that need a person: degraded, or paused for "
                               "another reason than a canary step"));
    connect(m_attention, &QToolButton::toggled, this, [this](bool on) {
        updateClearButton();
        emit attentionOnlyChanged(on);
    });
    layout->addWidget(m_attention);
    m_clear->setObjectName(QStringLiteral("clearFilters"));
    m_clear->setText(tr("Clear"));
    m_clear->setToolTip(tr("Clear every filter"));
    m_clear->setAutoRaise(true);
    connect(m_clear, &QToolButton::clicked, this, &FilterBar::clearFilters);
    layout->addWidget(m_clear);

    connect(m_edit, &QLineEdit::textChanged, this, [this](const QString &text) {
        updateClearButton();
        emit textChanged(text);
    });
    updateLabels();
    updateClearButton();
}

QStringList FilterBar::phases()
{
    return {QStringLiteral("Healthy"), QStringLiteral("Progressing"), QStringLiteral("Paused"),
            QStringLiteral("Degraded")};
}

QString FilterBar::text() const
{
    return m_edit->text();
}

void FilterBar::setText(const QString &text)
{
    m_edit->setText(text);
}

QStringList FilterBar::checkedPhases() const
{
    QStringList result;
    const QStringList all = phases();
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (m_phaseButtons.at(i)->isChecked())
            result.append(all.at(i));
    }
    return result;
}

void FilterBar::setCheckedPhases(const QStringList &checked)
{
    const QStringList all = phases();
    for (qsizetype i = 0; i < all.size(); ++i)
        m_phaseButtons.at(i)->setChecked(checked.contains(all.at(i)));
}

bool FilterBar::isAttentionOnly() const
{
    return m_attention->isChecked();
}

void FilterBar::setAttentionOnly(bool attentionOnly)
{
    m_attention->setChecked(attentionOnly);
}

void FilterBar::clearFilters()
{
    m_edit->clear();
    for (QToolButton *button : std::as_const(m_phaseButtons))
        button->setChecked(false);
    m_attention->setChecked(false);
}

bool FilterBar::hasFilters() const
{
    return !m_edit->text().isEmpty() || !checkedPhases().isEmpty() || m_attention->isChecked();
}

void FilterBar::setCounts(const QHash<QString, int> &phaseCounts, int attentionCount)
{
    if (phaseCounts == m_counts && attentionCount == m_attentionCount)
        return;
    m_counts = phaseCounts;
    m_attentionCount = attentionCount;
    updateLabels();
}

QAbstractButton *FilterBar::phaseButton(const QString &phase) const
{
    const qsizetype i = phases().indexOf(phase);
    return i < 0 ? nullptr : m_phaseButtons.at(i);
}

QAbstractButton *FilterBar::attentionButton() const
{
    return m_attention;
}

void FilterBar::focusFilter()
{
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

bool FilterBar::eventFilter(QObject *watched, QEvent *event)
{
    // Escape in the text field clears it first, then hands focus back to the table.
    if (watched == m_edit && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        if (!m_edit->text().isEmpty())
            m_edit->clear();
        else
            m_edit->clearFocus();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void FilterBar::updateClearButton()
{
    m_clear->setEnabled(hasFilters());
}

void FilterBar::updateLabels()
{
    const QLocale locale;
    const QStringList all = phases();
    for (qsizetype i = 0; i < all.size(); ++i) {
        m_phaseButtons.at(i)->setText(tr("%1 %2").arg(PhaseStyle::displayName(all.at(i)),
                                                      locale.toString(m_counts.value(all.at(i)))));
    }
    m_attention->setText(tr("Needs attention %1").arg(locale.toString(m_attentionCount)));
}
