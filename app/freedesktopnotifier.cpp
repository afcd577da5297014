// SPDX-License-Identifier: GPL-3.0-or-later
#include "freedesktopnotifier.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QVariantMap>

const QString FreedesktopNotifier::service = QStringLiteral("org.freedesktop.Notifications");
const QString FreedesktopNotifier::path = QStringLiteral("/org/freedesktop/Notifications");

namespace {

bool isFailure(Notice::Kind kind)
{
    return kind == Notice::Kind::AnalysisFailed || kind == Notice::Kind::Aborted
        || kind == Notice::Kind::GateFailed;
}

} // namespace

FreedesktopNotifier::FreedesktopNotifier(QObject *parent) : QObject(parent)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    m_connected = bus.isConnected();
    if (!m_connected)
        return;
    bus.connect(service, path, service, QStringLiteral("ActionInvoked"), this,
                SLOT(onActionInvoked(uint, QString)));
    bus.connect(service, path, service, QStringLiteral("NotificationClosed"), this,
                SLOT(onNotificationClosed(uint, uint)));
}

void FreedesktopNotifier::notify(const Notice &notice, const QString &title)
{
    if (!m_connected) {
        emit failed(notice, tr("There is no D-Bus session bus."));
        return;
    }
    QDBusMessage call
        = QDBusMessage::createMethodCall(service, path, service, QStringLiteral("Notify"));
    QVariantMap hints;
    // Urgency is a byte: 1 normal, 2 critical (stays until the person dismisses it).
    hints.insert(QStringLiteral("urgency"),
                 QVariant::fromValue(uchar(isFailure(notice.kind) ? 2 : 1)));
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("release-dashboard"));
    hints.insert(QStringLiteral("category"), QStringLiteral("x-release-dashboard.rollout"));
    const QStringList actions {QStringLiteral("default"), tr("Open"), QStringLiteral("open"),
                               tr("Open")};
    call << tr("Release Dashboard") << uint(0) << QStringLiteral("release-dashboard") << title
         << notice.text << actions << hints << qint32(-1);
    auto *watcher
        = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, notice](QDBusPendingCallWatcher *finished) {
                finished->deleteLater();
                const QDBusPendingReply<uint> reply = *finished;
                if (reply.isError()) {
                    emit failed(notice, reply.error().message());
                    return;
                }
                const uint id = reply.value();
                m_shown.insert(id, notice);
                m_order.append(id);
                while (m_order.size() > maxRemembered)
                    m_shown.remove(m_order.takeFirst());
            });
}

void FreedesktopNotifier::onActionInvoked(uint id, const QString &action)
{
    const auto it = m_shown.constFind(id);
    if (it == m_shown.cend())
        return; // another application's notification
    if (action == QLatin1String("open") || action == QLatin1String("default"))
        emit activated(*it);
}

void FreedesktopNotifier::onNotificationClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    if (m_shown.remove(id))
        m_order.removeOne(id);
}
