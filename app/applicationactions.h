// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appactionrunner.h"

#include <QMap>
#include <QObject>
#include <QPointer>

#include <memory>

class ApplicationsModel;
class ApplicationsView;
class QAction;

// Sync…, Rollback… and Terminate operation in the Applications window (issue 14), for the
// selected application only. Each button's state comes from the environment's readOnly,
// Argo CD's can-i (AppActionRunner, cached) and the application's state; a dialog asks
// (sync, rollback; terminate in a protected environment) and the request goes out for the
// application the dialog showed, captured when it opened, through the command line's
// audited path on a worker thread. The window then says only what Argo CD confirmed: that it
// accepted the operation, and the operation's phase as the stream reports it. GUI thread.
class ApplicationActions : public QObject
{
    Q_OBJECT
public:
    using Kind = AppActionOptions::Kind;
    struct State
    {
        bool enabled = false;
        QString reason; // translated: why not, for the tooltip
    };

    explicit ApplicationActions(ApplicationsModel *model, QObject *parent = nullptr);
    ~ApplicationActions() override;

    void setFleet(const Kubeconfig &kubeconfig, const QList<EnvironmentSpec> &environments,
                  const QString &auditPath);
    void attach(ApplicationsView *view);
    QAction *action(Kind kind) const { return m_actions.value(kind); }
    AppActionRunner *runner() const { return m_runner.get(); }

    // One operation's state for an application: read-only first, then what can-i said, then
    // the application's own state (an operation running, auto-sync for a rollback).
    static State state(Kind kind, const ArgoApplication &app, bool readOnly,
                       const AppAccess &access, bool busy);

private:
    void updateStates();
    void trigger(Kind kind);
    bool ask(Kind kind, const ArgoApplication &app, AppActionOptions *options);
    void finished(quint64 ticket, const AppActionRequest &request, const AppActionResult &result);
    QString acceptedText(const AppActionRequest &request) const;
    static QString actionNoun(AppActionOptions::Kind kind);
    void followOperation();

    ApplicationsModel *m_model;
    QPointer<ApplicationsView> m_view;
    std::unique_ptr<AppActionRunner> m_runner;
    QMap<Kind, QAction *> m_actions;
    QHash<QString, quint64> m_sending; // application key -> ticket, until the answer
    // The last accepted operation, followed in the message as the stream shows its phase.
    QString m_acceptedKey;
    QString m_acceptedText;
    ArgoOperation m_acceptedBefore;
};
