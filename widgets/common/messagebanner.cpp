// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagebanner.h"

#include "themecolours.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

MessageBanner::MessageBanner(QWidget *parent) :
    QFrame(parent),
    m_icon(new QLabel(this)),
    m_label(new QLabel(this)),
    m_close(new QToolButton(this)),
    m_action(new QToolButton(this))
{
    m_action->setObjectName(QStringLiteral("messageBannerAction"));
    m_action->hide();
    connect(m_action, &QToolButton::clicked, this, &MessageBanner::actionTriggered);
    setObjectName(QStringLiteral("messageBanner"));
    setFrameShape(QFrame::StyledPanel);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setObjectName(QStringLiteral("messageBannerText"));
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Dismiss"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_action, 0, Qt::AlignVCenter);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_close, &QToolButton::clicked, this, [this] {
        clearMessage();
        emit dismissed();
    });
    hide();
}

void MessageBanner::showMessage(const QString &text, Type type, const QString &actionText)
{
    m_type = type;
    m_label->setText(text);
    m_action->setText(actionText);
    m_action->setVisible(!actionText.isEmpty());
    QString background;
    QString border;
    QStyle::StandardPixmap pixmap = QStyle::SP_MessageBoxCritical;
    switch (type) {
    case Type::Error:
        background = QStringLiteral("#fdecea");
        border = QStringLiteral("#e0a19b");
        break;
    case Type::Warning:
        background = QStringLiteral("#fff4e0");
        border = QStringLiteral("#e5c07b");
        pixmap = QStyle::SP_MessageBoxWarning;
        break;
    case Type::Information:
        background = QStringLiteral("#e8f1fb");
        border = QStringLiteral("#9fc1e6");
        pixmap = QStyle::SP_MessageBoxInformation;
        break;
    }
    setStyleSheet(QStringLiteral("#messageBanner { background: %1; border: 1px solid %2; "
                                 "border-radius: 4px; } #messageBannerText { color: %3; }")
                      .arg(ThemeColours::tint(QColor(background)).name(),
                           ThemeColours::isDark() ? QColor(border).darker(220).name() : border,
                           palette().color(QPalette::WindowText).name()));
    m_icon->setPixmap(style()->standardIcon(pixmap).pixmap(20, 20));
    show();
}

void MessageBanner::clearMessage()
{
    m_label->clear();
    hide();
}

QString MessageBanner::text() const
{
    return m_label->text();
}
