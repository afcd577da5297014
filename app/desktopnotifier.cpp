// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktopnotifier.h"

#include "freedesktopnotifier.h"
#include "phasestyle.h"

#include <QSystemTrayIcon>

DesktopNotifier::DesktopNotifier(QSystemTrayIcon *tray, QObject *parent) :
    QObject(parent), m_tray(tray), m_freedesktop(new FreedesktopNotifier(this))
{
    m_freedesktop->setObjectName(QStringLiteral("freedesktopNotifier"));
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
        if (!m_lastTrayNotice.environment.isEmpty())
            emit activated(m_lastTrayNotice);
    });
    connect(m_freedesktop, &FreedesktopNotifier::activated, this, &DesktopNotifier::activated);
    // No server took it: the window says it rather than nobody.
    connect(m_freedesktop, &FreedesktopNotifier::failed, this,
            [this](const Notice &notice) { emit windowNotice(notice); });
}

DesktopNotifier::Channel DesktopNotifier::channel() const
{
    if (m_tray->isVisible() && QSystemTrayIcon::supportsMessages())
        return Channel::Tray;
    if (m_freedesktop->hasSessionBus())
        return Channel::DesktopNotification;
    return Channel::Window;
}

void DesktopNotifier::show(const Notice &notice)
{
    const QString title = NoticeText::title(notice);
    switch (channel()) {
    case Channel::Tray:
        m_lastTrayNotice = notice;
        m_tray->showMessage(title, notice.text, PhaseStyle::icon(phaseOf(notice.kind), 32), 15000);
        return;
    case Channel::DesktopNotification:
        m_freedesktop->notify(notice, title);
        return;
    case Channel::Window:
        emit windowNotice(notice);
        return;
    }
}

QString DesktopNotifier::phaseOf(Notice::Kind kind)
{
    switch (kind) {
    case Notice::Kind::AnalysisFailed:
    case Notice::Kind::Aborted:
    case Notice::Kind::GateFailed:
        return QStringLiteral("Degraded");
    case Notice::Kind::Paused:
        return QStringLiteral("Paused");
    case Notice::Kind::Promoted:
        return QStringLiteral("Progressing");
    case Notice::Kind::Finished:
        return QStringLiteral("Healthy");
    }
    return QString();
}
