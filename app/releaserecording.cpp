// SPDX-License-Identifier: GPL-3.0-or-later
#include "releaserecording.h"

#include "auditlog.h"
#include "fleetfetcher.h"
#include "historyrecorder.h"
#include "releaseswindow.h"

ReleaseRecording::ReleaseRecording(QObject *parent) :
    QObject(parent), m_path(HistoryRecorder::defaultPath(false))
{ }

ReleaseRecording::~ReleaseRecording()
{
    delete m_window.data();
}

void ReleaseRecording::setDatabasePath(const QString &path)
{
    if (path == m_path)
        return;
    m_path = path;
    m_recorder.reset(); // writes what is pending into the previous file
    m_problem.clear();
    if (m_window)
        m_window->setDatabasePath(path);
}

void ReleaseRecording::ensureRecorder()
{
    if (m_recorder)
        return;
    HistoryRecorderOptions options;
    options.databasePath = m_path;
    options.auditPath = AuditLog::defaultPath();
    options.retentionDays = m_settings.retentionDays;
    options.maxBytes = m_settings.maxBytes();
    m_recorder = std::make_unique<HistoryRecorder>(options);
    connect(m_recorder.get(), &HistoryRecorder::opened, this,
            [this](const QString &error, const QString &notice) {
                if (!error.isEmpty()) {
                    m_problem = tr("No release history this session: %1").arg(error);
                    emit problem(m_problem, true);
                } else if (!notice.isEmpty()) {
                    emit problem(notice, false);
                }
                if (m_window)
                    m_window->setProblem(m_problem);
            });
    connect(m_recorder.get(), &HistoryRecorder::written, this, [this] {
        if (m_window)
            m_window->refresh();
    });
    connect(m_recorder.get(), &HistoryRecorder::writeFailed, this, [this](const QString &error) {
        emit problem(tr("The release history could not be written: %1").arg(error), true);
    });
    m_recorder->start();
}

void ReleaseRecording::follow(FleetFetcher *fetcher)
{
    // A new fleet is a new recording: trackers keyed by environment name must not take
    // another kubeconfig's "prod" for the old one (its rollouts would look deleted).
    m_recorder.reset();
    ensureRecorder();
    connect(fetcher, &FleetFetcher::workloadsChanged, m_recorder.get(), &HistoryRecorder::record);
}

void ReleaseRecording::setFleet(const Kubeconfig &kubeconfig,
                                const QList<EnvironmentSpec> &environments)
{
    m_kubeconfig = kubeconfig;
    m_environments = environments;
    m_hasFleet = true;
    if (m_window)
        m_window->setFleet(kubeconfig, environments);
}

void ReleaseRecording::setCharts(const QList<ChartSpec> &charts)
{
    m_charts = charts;
    if (m_window)
        m_window->setCharts(charts);
}

void ReleaseRecording::showWindow(QWidget *parent)
{
    if (!m_window) {
        m_window = new ReleasesWindow(m_path, parent);
        m_window->setAttribute(Qt::WA_DeleteOnClose);
        m_window->setProblem(m_problem);
        m_window->setCharts(m_charts);
        if (m_hasFleet)
            m_window->setFleet(m_kubeconfig, m_environments);
    }
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

void ReleaseRecording::recordGateReport(const GateReport &report)
{
    if (m_recorder)
        m_recorder->recordGateReport(report);
}

void ReleaseRecording::recordSafetyNets(const SafetyNets &nets, qint64 readAtMs)
{
    if (m_recorder)
        m_recorder->recordSafetyNets(nets, readAtMs);
}
