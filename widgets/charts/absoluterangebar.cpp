// SPDX-License-Identifier: GPL-3.0-or-later
#include "absoluterangebar.h"

#include <QDateTime>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace {

// A minute's grace: the pickers have no seconds, so "now" rounded up is still now.
constexpr qint64 futureGraceMs = 60 * 1000;

QDateTimeEdit *makePicker(const QString &objectName, QWidget *parent)
{
    auto *edit = new QDateTimeEdit(parent);
    edit->setObjectName(objectName);
    edit->setCalendarPopup(true);
    // ISO order whatever the locale: the charts' axes and the release report write times so.
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    return edit;
}

} // namespace

AbsoluteRangeBar::AbsoluteRangeBar(QWidget *parent) :
    QWidget(parent),
    m_from(makePicker(QStringLiteral("rangeFrom"), this)),
    m_to(makePicker(QStringLiteral("rangeTo"), this)),
    m_show(new QPushButton(tr("Show"), this)),
    m_problem(new QLabel(this)),
    m_zone(new QLabel(this))
{
    setObjectName(QStringLiteral("absoluteRangeBar"));
    m_from->setToolTip(tr("The first moment the charts show"));
    m_to->setToolTip(tr("The last moment the charts show (at the latest now)"));
    m_show->setObjectName(QStringLiteral("rangeShow"));
    m_show->setToolTip(tr("Show this window on every chart"));
    m_problem->setObjectName(QStringLiteral("rangeProblem"));
    QPalette warning = m_problem->palette();
    warning.setColor(QPalette::WindowText, QColor(0xb0, 0x3a, 0x2e));
    m_problem->setPalette(warning);

    auto *fromLabel = new QLabel(tr("From:"), this);
    fromLabel->setBuddy(m_from);
    auto *toLabel = new QLabel(tr("To:"), this);
    toLabel->setBuddy(m_to);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(fromLabel);
    layout->addWidget(m_from);
    layout->addWidget(toLabel);
    layout->addWidget(m_to);
    layout->addWidget(m_zone);
    layout->addWidget(m_show);
    layout->addWidget(m_problem, 1);
    setUtc(false);

    for (QDateTimeEdit *edit : {m_from, m_to}) {
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, &AbsoluteRangeBar::validate);
        connect(edit->findChild<QLineEdit *>(), &QLineEdit::returnPressed, this,
                &AbsoluteRangeBar::choose);
    }
    connect(m_show, &QPushButton::clicked, this, &AbsoluteRangeBar::choose);
}

void AbsoluteRangeBar::setRange(qint64 startMs, qint64 endMs)
{
    const QSignalBlocker fromBlocker(m_from);
    const QSignalBlocker toBlocker(m_to);
    const Qt::TimeSpec spec = m_from->timeSpec();
    m_from->setDateTime(QDateTime::fromMSecsSinceEpoch(startMs, spec));
    m_to->setDateTime(QDateTime::fromMSecsSinceEpoch(endMs, spec));
    m_givenEndMs = endMs;
    validate();
}

qint64 AbsoluteRangeBar::startMs() const
{
    return m_from->dateTime().toMSecsSinceEpoch();
}

qint64 AbsoluteRangeBar::endMs() const
{
    return m_to->dateTime().toMSecsSinceEpoch();
}

void AbsoluteRangeBar::setUtc(bool utc)
{
    const qint64 start = startMs();
    const qint64 end = endMs();
    for (QDateTimeEdit *edit : {m_from, m_to})
        edit->setTimeSpec(utc ? Qt::UTC : Qt::LocalTime);
    m_zone->setText(utc ? tr("UTC") : QString());
    m_zone->setVisible(utc);
    setRange(start, end);
}

qint64 AbsoluteRangeBar::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

QString AbsoluteRangeBar::problem() const
{
    if (startMs() >= endMs())
        return tr("The start must be before the end.");
    // A window given as it is (a release that just ended, with its margin) may reach past
    // now; one the user picks may not.
    if (endMs() > now() + futureGraceMs && endMs() != m_givenEndMs)
        return tr("The end is in the future: pick a time up to now.");
    return QString();
}

void AbsoluteRangeBar::validate()
{
    const QString text = problem();
    m_problem->setText(text);
    m_show->setEnabled(text.isEmpty());
}

void AbsoluteRangeBar::choose()
{
    validate();
    if (m_show->isEnabled())
        emit rangeChosen(startMs(), endMs());
}
