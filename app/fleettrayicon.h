// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QSystemTrayIcon>

#include <memory>

class FleetModel;
class QMenu;
class QTimer;

// The fleet in the system tray: the application's icon with the worst state of any
// environment as a badge (PhaseStyle's phases: Degraded when a rollout failed, Paused when
// one waits for a person, the grey "?" when an environment is stale, Progressing while one
// rolls out, Healthy), a tooltip with a line per environment, and a menu: Show Window,
// Notifications…, Quit. It follows the model, coalesced to one update per 250 ms; it is
// shown only where a tray exists (QSystemTrayIcon::isSystemTrayAvailable()).
class FleetTrayIcon : public QSystemTrayIcon
{
    Q_OBJECT
public:
    explicit FleetTrayIcon(FleetModel *model, QObject *parent = nullptr);
    ~FleetTrayIcon() override;

    // The badge's phase: "Degraded", "Paused", "Unknown", "Progressing", "Healthy", or empty
    // while no environment has data.
    QString worstPhase() const { return m_worstPhase; }
    // Re-reads the model now (a timer does it after changes).
    void refresh();

signals:
    void showWindowRequested();
    void settingsRequested();
    void quitRequested();

private:
    void scheduleRefresh();
    // One tooltip line ("prod: 1 failed, 2 waiting") and the environment's worst phase.
    QString environmentLine(const QString &environment, QString *phase) const;

    FleetModel *m_model;
    std::unique_ptr<QMenu> m_menu; // a tray icon is no widget: it cannot parent its menu
    QTimer *m_refreshTimer;
    QString m_worstPhase;
};
