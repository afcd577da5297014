// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notice.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

// Desktop notifications over D-Bus (org.freedesktop.Notifications, the Desktop
// Notifications Specification), for a desktop without a system tray: Notify with an "open"
// action (and "default", a click on the notification itself), ActionInvoked followed back
// to the notice. Every call is asynchronous: a notification server that is slow, or absent,
// never stops the window, and a failed call is reported so the window can say it instead.
class FreedesktopNotifier : public QObject
{
    Q_OBJECT
public:
    static const QString service; // org.freedesktop.Notifications (also its interface)
    static const QString path; // /org/freedesktop/Notifications

    explicit FreedesktopNotifier(QObject *parent = nullptr);

    // A session bus to send to (whether a server answers is known only when it does).
    bool hasSessionBus() const { return m_connected; }
    // title: the summary; notice.text the body. Critical urgency for failures.
    void notify(const Notice &notice, const QString &title);

signals:
    // The person chose "open" on (or clicked) the notification of this notice.
    void activated(const Notice &notice);
    // The server did not take it (none running, an error): message from D-Bus.
    void failed(const Notice &notice, const QString &message);

private slots:
    // Slots by name: QDBusConnection::connect() matches them by their signature.
    void onActionInvoked(uint id, const QString &action);
    void onNotificationClosed(uint id, uint reason);

private:
    bool m_connected = false;
    // The notices shown and not closed yet, by the server's id (oldest first, at most
    // maxRemembered: a server that never says "closed" does not make it grow).
    QHash<uint, Notice> m_shown;
    QList<uint> m_order;
    static constexpr int maxRemembered = 100;
};
