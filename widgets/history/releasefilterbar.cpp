// SPDX-License-Identifier: GPL-3.0-or-later
#include "releasefilterbar.h"

#include "releaselistmodel.h"
#include "releaseoutcomestyle.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

// Seconds back from now per preset; 0 for All and Custom.
qint64 presetSeconds(ReleaseFilterBar::Range range)
{
    constexpr qint64 day = 24 * 60 * 60;
    switch (range) {
    case ReleaseFilterBar::Range::Last24Hours:
        return day;
    case ReleaseFilterBar::Range::Last7Days:
        return 7 * day;
    case ReleaseFilterBar::Range::Last30Days:
        return 30 * day;
    case ReleaseFilterBar::Range::Last90Days:
        return 90 * day;
    case ReleaseFilterBar::Range::All:
    case ReleaseFilterBar::Range::Custom:
        break;
    }
    return 0;
}

QDateTimeEdit *makeDateEdit(const QString &objectName, QWidget *parent)
{
    auto *edit = new QDateTimeEdit(parent);
    edit->setObjectName(objectName);
    edit->setCalendarPopup(true);
    // The locale's short format (translated month names and order; the edit sizes itself to
    // the text, so nothing is cut off) without seconds, which nobody filters by.
    QString format = QLocale().dateTimeFormat(QLocale::ShortFormat);
    format.remove(QRegularExpression(QStringLiteral("[:.]ss")));
    edit->setDisplayFormat(format);
    return edit;
}

} // namespace

ReleaseFilterBar::ReleaseFilterBar(QWidget *parent) :
    QWidget(parent),
    m_environment(new QComboBox(this)),
    m_namespace(new QComboBox(this)),
    m_workload(new QLineEdit(this)),
    m_range(new QComboBox(this)),
    m_since(makeDateEdit(QStringLiteral("sinceEdit"), this)),
    m_until(makeDateEdit(QStringLiteral("untilEdit"), this))
{
    m_environment->setObjectName(QStringLiteral("environmentFilter"));
    m_environment->addItem(tr("All environments"));
    m_environment->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_namespace->setObjectName(QStringLiteral("namespaceFilter"));
    m_namespace->addItem(tr("All namespaces"));
    m_namespace->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_workload->setObjectName(QStringLiteral("workloadFilter"));
    m_workload->setPlaceholderText(tr("Workload name contains…"));
    m_workload->setClearButtonEnabled(true);
    m_workload->setMinimumWidth(180);

    auto *filters = new QHBoxLayout;
    filters->setSpacing(6);
    filters->addWidget(m_environment);
    filters->addWidget(m_namespace);
    filters->addWidget(m_workload, 1);
    filters->addSpacing(6);
    addOutcomeToggles(filters);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(filters);
    layout->addWidget(makeRangeRow());

    connect(m_environment, &QComboBox::currentIndexChanged, this, &ReleaseFilterBar::emitChanged);
    connect(m_namespace, &QComboBox::currentIndexChanged, this, &ReleaseFilterBar::emitChanged);
    connect(m_workload, &QLineEdit::textChanged, this, &ReleaseFilterBar::emitChanged);
    connect(m_range, &QComboBox::currentIndexChanged, this, &ReleaseFilterBar::applyPreset);
    connect(m_since, &QDateTimeEdit::dateTimeChanged, this, &ReleaseFilterBar::datesEdited);
    connect(m_until, &QDateTimeEdit::dateTimeChanged, this, &ReleaseFilterBar::datesEdited);
    m_range->setCurrentIndex(int(Range::Last30Days));
}

void ReleaseFilterBar::addOutcomeToggles(QHBoxLayout *layout)
{
    for (const ReleaseOutcome outcome : outcomes()) {
        auto *toggle = new QToolButton(this);
        toggle->setObjectName(QStringLiteral("outcome-") + releaseOutcomeName(outcome));
        toggle->setCheckable(true);
        toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        toggle->setText(ReleaseListModel::outcomeText(outcome));
        toggle->setIcon(ReleaseOutcomeStyle::icon(outcome));
        toggle->setToolTip(tr("Show only %1 releases (combine several; none shows all)")
                               .arg(ReleaseListModel::outcomeText(outcome).toLower()));
        toggle->setFocusPolicy(Qt::TabFocus);
        connect(toggle, &QToolButton::toggled, this, &ReleaseFilterBar::emitChanged);
        m_outcomeToggles.append(toggle);
        layout->addWidget(toggle);
    }
}

QWidget *ReleaseFilterBar::makeRangeRow()
{
    m_range->setObjectName(QStringLiteral("rangePreset"));
    // In Range's order.
    m_range->addItems({tr("Last 24 hours"), tr("Last 7 days"), tr("Last 30 days"),
                       tr("Last 90 days"), tr("All"), tr("Custom")});
    m_range->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_range->setToolTip(tr("When the releases started"));

    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    auto *started = new QLabel(tr("Started:"), row);
    started->setBuddy(m_range);
    layout->addWidget(started);
    layout->addWidget(m_range);
    layout->addSpacing(6);
    auto *from = new QLabel(tr("from", "started from <date>"), row);
    from->setBuddy(m_since);
    layout->addWidget(from);
    layout->addWidget(m_since);
    auto *to = new QLabel(tr("to", "started ... to <date>"), row);
    to->setBuddy(m_until);
    layout->addWidget(to);
    layout->addWidget(m_until);
    layout->addStretch(1);
    return row;
}

QList<ReleaseOutcome> ReleaseFilterBar::outcomes()
{
    return {ReleaseOutcome::Promoted, ReleaseOutcome::Aborted, ReleaseOutcome::InProgress,
            ReleaseOutcome::Superseded, ReleaseOutcome::Deleted};
}

ReleaseFilterBar::Range ReleaseFilterBar::range() const
{
    return Range(m_range->currentIndex());
}

void ReleaseFilterBar::setRange(Range range)
{
    m_range->setCurrentIndex(int(range));
}

void ReleaseFilterBar::setCustomRange(const QDateTime &since, const QDateTime &until)
{
    m_updating = true;
    m_range->setCurrentIndex(int(Range::Custom));
    m_since->setEnabled(true);
    m_until->setEnabled(true);
    m_since->setDateTime(since.toLocalTime());
    m_until->setDateTime(until.toLocalTime());
    m_updating = false;
    emitChanged();
}

ReleaseFilter ReleaseFilterBar::filter() const
{
    ReleaseFilter filter;
    if (m_environment->currentIndex() > 0)
        filter.environment = m_environment->currentText();
    if (m_namespace->currentIndex() > 0)
        filter.namespaceName = m_namespace->currentText();
    filter.workload = m_workload->text().trimmed();
    const QList<ReleaseOutcome> all = outcomes();
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (m_outcomeToggles.at(i)->isChecked())
            filter.outcomes.append(all.at(i));
    }
    switch (range()) {
    case Range::All:
        break;
    case Range::Custom:
        filter.since = m_since->dateTime();
        filter.until = m_until->dateTime();
        break;
    default:
        filter.since = m_presetSince;
        break;
    }
    return filter;
}

QDateTime ReleaseFilterBar::periodEnd() const
{
    switch (range()) {
    case Range::All:
        return QDateTime();
    case Range::Custom:
        return m_until->dateTime();
    default:
        break;
    }
    return QDateTime::currentDateTime();
}

void ReleaseFilterBar::setEnvironments(const QStringList &environments)
{
    setChoices(m_environment, environments);
}

void ReleaseFilterBar::setNamespaces(const QStringList &namespaces)
{
    setChoices(m_namespace, namespaces);
}

void ReleaseFilterBar::setChoices(QComboBox *combo, const QStringList &choices)
{
    const QString current = combo->currentIndex() > 0 ? combo->currentText() : QString();
    const QSignalBlocker blocker(combo);
    while (combo->count() > 1)
        combo->removeItem(1);
    combo->addItems(choices);
    const int index = current.isEmpty() ? 0 : combo->findText(current);
    combo->setCurrentIndex(std::max(index, 0));
    // A choice that went away widens the filter: say so.
    if (!current.isEmpty() && index < 0)
        emitChanged();
}

void ReleaseFilterBar::applyPreset()
{
    const Range chosen = range();
    if (chosen == Range::Custom) {
        m_since->setEnabled(true);
        m_until->setEnabled(true);
        if (!m_updating)
            emitChanged();
        return;
    }
    const QDateTime now = QDateTime::currentDateTime();
    m_presetSince = chosen == Range::All ? QDateTime() : now.addSecs(-presetSeconds(chosen));
    m_updating = true;
    // The dates show what the preset means; All has no start to show.
    m_since->setEnabled(chosen != Range::All);
    m_until->setEnabled(chosen != Range::All);
    if (chosen != Range::All)
        m_since->setDateTime(m_presetSince);
    m_until->setDateTime(now);
    m_updating = false;
    emitChanged();
}

void ReleaseFilterBar::datesEdited()
{
    if (m_updating)
        return;
    // Picking a date makes the range the two dates as shown.
    m_updating = true;
    m_range->setCurrentIndex(int(Range::Custom));
    m_updating = false;
    emitChanged();
}

void ReleaseFilterBar::emitChanged()
{
    if (m_updating)
        return;
    emit filterChanged(filter());
}
