// SPDX-License-Identifier: GPL-3.0-or-later
#include "detailheaderparts.h"

#include "detailstyle.h"

#include <QHBoxLayout>

QLabel *DetailLabels::selectable(QWidget *parent, const QString &objectName, bool wrap)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(wrap);
    return label;
}

void DetailLabels::setText(QLabel *label, const QString &text)
{
    if (label->text() != text)
        label->setText(text);
}

void DetailLabels::makeTitle(QLabel *label)
{
    QFont titleFont = label->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    label->setFont(titleFont);
}

void DetailLabels::makeQuiet(QLabel *label)
{
    QPalette quiet = label->palette();
    quiet.setColor(QPalette::WindowText, quiet.color(QPalette::PlaceholderText));
    label->setPalette(quiet);
}

QHBoxLayout *DetailLabels::titleRow(QWidget *badge, QLabel *icon, QLabel *title, QLabel *context)
{
    auto *row = new QHBoxLayout;
    row->setSpacing(8);
    row->addWidget(badge, 0, Qt::AlignVCenter);
    row->addWidget(icon, 0, Qt::AlignVCenter);
    row->addWidget(title, 0, Qt::AlignBaseline);
    row->addWidget(context, 1, Qt::AlignBaseline);
    return row;
}

EnvironmentBadge::EnvironmentBadge(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("environmentBadge"));
    QFont badgeFont = font();
    badgeFont.setBold(true);
    badgeFont.setPointSizeF(badgeFont.pointSizeF() * 1.15);
    setFont(badgeFont);
}

void EnvironmentBadge::setEnvironment(const QString &environment, const QString &colour)
{
    DetailLabels::setText(this, environment);
    const QColor background = DetailStyle::environmentColour(environment, QColor(colour));
    const QString style = QStringLiteral("QLabel#environmentBadge { background: %1; color: %2;"
                                         " border-radius: 4px; padding: 2px 8px; }")
                              .arg(background.name(), DetailStyle::textColourOn(background).name());
    if (styleSheet() != style)
        setStyleSheet(style);
    setToolTip(tr("Environment %1: every action acts here").arg(environment));
}

StaleBox::StaleBox(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("staleBox"));
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setContentsMargins(8, 4, 8, 4);
    // A warning, not a disabled control: what is shown may no longer be true.
    setStyleSheet(DetailStyle::boxStyleSheet(QStringLiteral("QLabel#staleBox"),
                                             DetailStyle::warningTint(), QColor(0x6b, 0x44, 0x08),
                                             QColor(0xe5, 0xc0, 0x7b)));
    hide();
}

void StaleBox::setStaleText(const QString &text)
{
    DetailLabels::setText(this, text);
    setVisible(!text.isEmpty());
}
