// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow's notifications: what the fleet does while the person looks elsewhere
// (NotificationCenter), told through the tray, a desktop notification or the status bar
// (DesktopNotifier), the fleet's worst state in the tray (FleetTrayIcon), and a click on a
// notification opening its rollout here.
#include "mainwindow.h"

#include "desktopnotifier.h"
#include "environmentlistview.h"
#include "filterbar.h"
#include "fleetfilterproxy.h"
#include "fleetmodel.h"
#include "fleettrayicon.h"
#include "notificationcenter.h"
#include "notificationsettingsdialog.h"
#include "retrycountdown.h"

#include <QCoreApplication>
#include <QStatusBar>

void MainWindow::createNotifications()
{
    m_notifications = new NotificationCenter(m_fleetModel, this);
    m_notifications->setObjectName(QStringLiteral("notificationCenter"));
    connect(m_countdown, &RetryCountdown::stateChanged, m_notifications,
            &NotificationCenter::setConnectionState);

    m_tray = new FleetTrayIcon(m_fleetModel, this);
    // Where no tray exists (no tray host; the offscreen tests) the icon stays hidden and
    // notices go to desktop notifications or the status bar.
    if (QSystemTrayIcon::isSystemTrayAvailable())
        m_tray->show();
    connect(m_tray, &FleetTrayIcon::showWindowRequested, this, &MainWindow::showFromTray);
    connect(m_tray, &FleetTrayIcon::settingsRequested, this, &MainWindow::showNotificationSettings);
    connect(m_tray, &FleetTrayIcon::quitRequested, this, [this] {
        // Closing saves the layout; quitting also ends windows of their own (Releases).
        if (close())
            QCoreApplication::quit();
    });

    m_notifier = new DesktopNotifier(m_tray, this);
    m_notifier->setObjectName(QStringLiteral("desktopNotifier"));
    connect(m_notifications, &NotificationCenter::noticeReady, m_notifier, &DesktopNotifier::show);
    connect(m_notifier, &DesktopNotifier::activated, this, &MainWindow::openNotice);
    connect(m_notifier, &DesktopNotifier::windowNotice, this, [this](const Notice &notice) {
        const QString first = notice.text.section(QLatin1Char('\n'), 0, 0);
        statusBar()->showMessage(
            tr("%1 — %2", "notice title — text").arg(NoticeText::title(notice), first), 15000);
    });
}

void MainWindow::showFromTray()
{
    if (isMinimized())
        showNormal();
    else
        show();
    raise();
    activateWindow();
}

void MainWindow::openNotice(const Notice &notice)
{
    showFromTray();
    // The rollout the person clicked is shown even when a filter hides it now.
    const QModelIndex source = m_fleetModel->indexOf(notice.environment, FleetRow::Kind::Rollout,
                                                     notice.namespaceName, notice.rolloutName);
    if (source.isValid() && !m_proxy->mapFromSource(source).isValid()) {
        m_filterBar->clearFilters();
        m_environmentList->selectEnvironment(QString());
    }
    selectWorkload(notice.environment, notice.namespaceName, notice.rolloutName);
}

void MainWindow::showNotificationSettings()
{
    if (auto *open = findChild<NotificationSettingsDialog *>()) {
        open->raise();
        open->activateWindow();
        return;
    }
    QStringList environments;
    for (const EnvironmentSpec &spec : m_fleetModel->environments())
        environments.append(spec.name);
    auto *dialog = new NotificationSettingsDialog(environments, m_notifications->settings(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { m_notifications->setSettings(dialog->settings()); });
    dialog->open();
}
