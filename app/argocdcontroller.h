// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "argoappbatch.h"
#include "environmentspec.h"
#include "kubeconfig.h"

#include <QMap>
#include <QObject>
#include <QPointer>

class ApplicationActions;
class ApplicationsModel;
class ApplicationsView;
class ArgoCdLookups;
class FleetFetcher;
class QWidget;

// The window's Argo CD side (issue 14): the fleet's applications (ApplicationsModel, fed by
// the fetcher's streams), the servers' connection states, the commits behind revisions and
// a selected application's history (ArgoCdLookups), and the Applications window
// (View > Applications), created when first asked for. GUI thread.
class ArgoCdController : public QObject
{
    Q_OBJECT
public:
    explicit ArgoCdController(QObject *parent = nullptr);
    ~ArgoCdController() override;

    void setFleet(const Kubeconfig &kubeconfig, const QList<EnvironmentSpec> &environments);
    // Follows this fetcher's application batches and server states (a new one per start).
    void follow(FleetFetcher *fetcher);
    ApplicationsModel *model() const { return m_model; }
    // Sync, rollback and terminate in the Applications window.
    ApplicationActions *actions() const { return m_actions; }
    // The Applications window, raised (created on first use, parented to `parent`'s window).
    QWidget *showWindow(QWidget *parent);
    // The Applications window with that application (ArgoApplication::key()) selected.
    void showApplication(QWidget *parent, const QString &key);
    // "2 of 3 Argo CD servers live; prod/argocd: …": for the window and tests.
    QString serverSummary(bool *problem = nullptr) const;
    bool hasServers() const { return m_serverCount > 0; }

signals:
    // Each batch after the model took it (the fleet table's GitOps column follows it).
    void applicationsChanged(const ArgoAppBatch &batch);
    // A server's connection failed (problem: translated) or is live again (empty).
    void serverProblemChanged(const QString &environment, const QString &instance,
                              const QString &problem);

private:
    void applyBatch(const ArgoAppBatch &batch);
    void setStatus(const ArgoCdStatus &status);
    void showCurrentDetail();
    void updateSummary();

    ApplicationsModel *m_model;
    ArgoCdLookups *m_lookups;
    ApplicationActions *m_actions;
    QPointer<QWidget> m_window;
    QPointer<ApplicationsView> m_view;
    QMap<QString, ArgoCdStatus> m_statuses; // "environment/instance"
    int m_serverCount = 0;
    QString m_historyProblem; // the selected application's GET failed
    QString m_wholeKey; // the application whose history was fetched
};
