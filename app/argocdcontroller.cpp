// SPDX-License-Identifier: GPL-3.0-or-later
#include "argocdcontroller.h"

#include "applicationactions.h"
#include "applicationdetail.h"
#include "applicationsmodel.h"
#include "applicationsview.h"
#include "argocdlookups.h"
#include "auditlog.h"
#include "fleetfetcher.h"

#include <QIcon>

#include <algorithm>
#include <QTableView>
#include <QVBoxLayout>

ArgoCdController::ArgoCdController(QObject *parent) :
    QObject(parent),
    m_model(new ApplicationsModel(this)),
    m_lookups(new ArgoCdLookups(this)),
    m_actions(new ApplicationActions(m_model, this))
{
    connect(m_model, &ApplicationsModel::revisionMetadataWanted, m_lookups,
            &ArgoCdLookups::fetchRevision);
    connect(m_lookups, &ArgoCdLookups::revisionFetched, this,
            [this](const QString &environment, const QString &instance, const QString &revision,
                   const ArgoRevisionMetadata &metadata) {
                m_model->setRevisionMetadata(environment, instance, revision, metadata);
                showCurrentDetail();
            });
    connect(m_lookups, &ArgoCdLookups::applicationFetched, this,
            [this](const ArgoApplication &app, const QString &error) {
                m_historyProblem = error;
                m_wholeKey = app.key();
                if (error.isEmpty()) {
                    ArgoAppBatch batch;
                    batch.environment = app.environment;
                    batch.instance = app.instance;
                    batch.upserts.append(app);
                    m_model->applyBatch(batch); // keeps the history from now on
                }
                showCurrentDetail();
            });
}

ArgoCdController::~ArgoCdController() = default;

void ArgoCdController::setFleet(const Kubeconfig &kubeconfig,
                                const QList<EnvironmentSpec> &environments)
{
    m_model->clear();
    m_statuses.clear();
    m_serverCount = 0;
    for (const EnvironmentSpec &spec : environments)
        m_serverCount += int(spec.argocd.size());
    m_lookups->setFleet(kubeconfig, environments);
    m_actions->setFleet(kubeconfig, environments, AuditLog::defaultPath());
    updateSummary();
}

void ArgoCdController::follow(FleetFetcher *fetcher)
{
    connect(fetcher, &FleetFetcher::applicationsChanged, this, &ArgoCdController::applyBatch);
    connect(fetcher, &FleetFetcher::argoCdStatusChanged, this, &ArgoCdController::setStatus);
}

void ArgoCdController::applyBatch(const ArgoAppBatch &batch)
{
    m_model->applyBatch(batch);
    emit applicationsChanged(batch);
    if (!m_view)
        return;
    // The detail follows its application only: one copy of it, not one per upsert.
    const ArgoApplication shown = m_view->currentApplication();
    if (shown.name.isEmpty())
        return;
    const QString key = shown.key();
    if (std::any_of(batch.upserts.cbegin(), batch.upserts.cend(),
                    [&key](const ArgoApplication &app) { return app.key() == key; }))
        showCurrentDetail();
}

void ArgoCdController::setStatus(const ArgoCdStatus &status)
{
    m_statuses.insert(status.environment + QLatin1Char('/') + status.instance, status);
    updateSummary();
    // Connecting keeps what was said: a reconnect after a dropped stream is not news.
    if (status.state != ArgoCdStatus::State::Connecting)
        emit serverProblemChanged(status.environment, status.instance,
                                  status.state == ArgoCdStatus::State::Error ? status.message
                                                                             : QString());
}

QString ArgoCdController::serverSummary(bool *problem) const
{
    if (problem)
        *problem = false;
    if (m_serverCount == 0)
        return tr("No Argo CD server is configured: add an argocd: list to an environment "
                  "in the config file (docs/cli.md).");
    int live = 0;
    QStringList errors;
    for (const ArgoCdStatus &status : m_statuses) {
        if (status.state == ArgoCdStatus::State::Live)
            ++live;
        else if (status.state == ArgoCdStatus::State::Error)
            errors.append(tr("%1: %2").arg(status.environment, status.message));
    }
    if (problem)
        *problem = !errors.isEmpty();
    QString text = tr("%1 of %n Argo CD servers live", nullptr, m_serverCount).arg(live);
    if (!errors.isEmpty())
        text += QStringLiteral(" · ") + errors.join(QStringLiteral(" · "));
    return text;
}

void ArgoCdController::updateSummary()
{
    if (!m_view)
        return;
    bool problem = false;
    const QString text = serverSummary(&problem);
    m_view->setServerSummary(text, problem);
}

QWidget *ArgoCdController::showWindow(QWidget *parent)
{
    if (!m_window) {
        m_window = new QWidget(parent ? parent->window() : nullptr, Qt::Window);
        m_window->setObjectName(QStringLiteral("applicationsWindow"));
        m_window->setAttribute(Qt::WA_DeleteOnClose);
        m_window->setWindowTitle(tr("Applications — Release Dashboard"));
        m_window->resize(1180, 720);
        m_view = new ApplicationsView(m_model, m_window);
        auto *layout = new QVBoxLayout(m_window);
        layout->setContentsMargins(8, 8, 8, 8);
        layout->addWidget(m_view);
        m_actions->attach(m_view);
        connect(m_view, &ApplicationsView::currentApplicationChanged, this,
                [this](const ArgoApplication &app) {
                    m_historyProblem.clear();
                    if (!app.name.isEmpty() && !app.hasHistory)
                        m_lookups->fetchApplication(app);
                    showCurrentDetail();
                });
        updateSummary();
        showCurrentDetail();
    }
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
    return m_window;
}

void ArgoCdController::showCurrentDetail()
{
    if (!m_view)
        return;
    const ArgoApplication app = m_view->currentApplication();
    if (app.name.isEmpty()) {
        m_view->setDetailHtml(
            tr("<p>Select an application to see its source, state and history.</p>"));
        return;
    }
    const QString problem = m_wholeKey == app.key() ? m_historyProblem : QString();
    m_view->setDetailHtml(ApplicationDetail::html(
        app,
        [this, app](const QString &revision) { return m_model->revisionMetadata(app, revision); },
        problem));
}

void ArgoCdController::showApplication(QWidget *parent, const QString &key)
{
    showWindow(parent);
    m_view->selectApplication(key);
}
