// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartspec.h"
#include "environmentspec.h"
#include "kubeconfig.h"

#include "historyconfig.h"
#include <QList>

#include <QObject>
#include <QPointer>

#include <memory>

class FleetFetcher;
class HistoryRecorder;
struct GateReport;
struct SafetyNets;
class ReleasesWindow;
class QWidget;

// The window's release record: a HistoryRecorder on the database of this fleet (the demo
// has its own) fed by the fleet's fetcher, and the Releases window over it. When the
// database cannot be opened the dashboard goes on without history; problem() says why
// once, for the window's banner.
class ReleaseRecording : public QObject
{
    Q_OBJECT

public:
    explicit ReleaseRecording(QObject *parent = nullptr);
    ~ReleaseRecording() override;

    // The database to record into from the next follow() on; a different file ends the
    // recording into the previous one (what was pending is written first).
    void setDatabasePath(const QString &path);
    QString databasePath() const { return m_path; }
    // Retention and size (the config file's history:); from the next follow() on.
    void setSettings(const HistorySettings &settings) { m_settings = settings; }
    // Records what this fetcher delivers (every environment it watches), from now on with
    // a recorder of its own: what the previous one held back is written first.
    void follow(FleetFetcher *fetcher);
    // The fleet and the config's charts, for the Releases window's metric charts (kept for a
    // window opened later).
    void setFleet(const Kubeconfig &kubeconfig, const QList<EnvironmentSpec> &environments);
    void setCharts(const QList<ChartSpec> &charts);
    // A live gate judgement (GateController), stored with its release; dropped while nothing
    // records.
    void recordGateReport(const GateReport &report);
    // A canary's safety nets as read at readAtMs (SafetyNetsMonitor), kept with its release
    // (the latest, at most once a minute); dropped while nothing records.
    void recordSafetyNets(const SafetyNets &nets, qint64 readAtMs);
    // Opens (or raises) the Releases window.
    void showWindow(QWidget *parent);

signals:
    // The history could not be opened (error), or was repaired (information).
    void problem(const QString &message, bool isError);

private:
    void ensureRecorder();

    QString m_path;
    HistorySettings m_settings;
    std::unique_ptr<HistoryRecorder> m_recorder;
    QString m_problem;
    Kubeconfig m_kubeconfig;
    QList<EnvironmentSpec> m_environments;
    bool m_hasFleet = false;
    QList<ChartSpec> m_charts;
    QPointer<ReleasesWindow> m_window;
};
