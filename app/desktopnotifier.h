// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notice.h"

#include <QObject>

class FreedesktopNotifier;
class QSystemTrayIcon;

// Shows a notice the way the desktop allows: the tray icon's message when a system tray
// is there, else a desktop notification over D-Bus, else (no session bus, or no server
// answered) the window itself says it (windowNotice()). A click on the message or
// notification, or its "Open" action, comes back as activated().
class DesktopNotifier : public QObject
{
    Q_OBJECT
public:
    enum class Channel { Tray, DesktopNotification, Window };

    // tray: shown (or not) by its owner; only its messages are used here.
    DesktopNotifier(QSystemTrayIcon *tray, QObject *parent = nullptr);

    // Where the next notice goes.
    Channel channel() const;
    void show(const Notice &notice);
    // The phase whose colour and symbol stand for the notice's kind (PhaseStyle).
    static QString phaseOf(Notice::Kind kind);

signals:
    void activated(const Notice &notice);
    // Neither a tray nor a notification server: the window shows it (status bar).
    void windowNotice(const Notice &notice);

private:
    QSystemTrayIcon *m_tray;
    FreedesktopNotifier *m_freedesktop;
    Notice m_lastTrayNotice; // QSystemTrayIcon::messageClicked() does not say which
};
