// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "environmentspec.h"
#include "flaggeraction.h"
#include "jobtracker.h"
#include "workloaddetailcontroller.h"

#include <QHash>
#include <QMap>
#include <QPointer>

class ActionRunner;
class FlaggerCanaryDetailView;
struct FlaggerActionResult;
struct FlaggerCanaryDetail;

// Keeps the Flagger canary detail view on the selected canary (FleetStore::canaryDetail,
// again on FleetModel::canaryDetailsChanged for it; WorkloadDetailController), and runs its
// action bar: each action offered as FlaggerActions::plan allows and the user's permissions
// allow (the executor's SelfSubjectAccessReview asked beforehand, per environment and namespace,
// through the runner's AccessCache: patch canaries in the canary's namespace, create
// services/proxy in the load tester's), never in a read-only or disconnected environment nor
// while an action is on its way; sent through the window's ActionRunner (FlaggerActionExecutor:
// audited, permission checked) for exactly the canary the person confirmed; "Suspending…"
// until the runner answers, then its message, and "Suspended." once the watched canary shows it.
class FlaggerCanaryDetailController : public WorkloadDetailController
{
    Q_OBJECT

public:
    FlaggerCanaryDetailController(FleetModel *model, FlaggerCanaryDetailView *view,
                                  QObject *parent = nullptr);

    // The runner that sends the actions (it goes with the fleet: null until one is set) and
    // the environments, for their read-only and protected flags.
    void setRunner(ActionRunner *runner, const QList<EnvironmentSpec> &environments);

private:
    // What the bar says about an action: its effect (the enabled button's tooltip), while it is
    // sent, and once the watched canary shows it.
    struct ActionWords
    {
        QString effect;
        QString progress;
        QString confirmed;
    };
    static ActionWords wordsOf(FlaggerAction action);

    struct Pending
    {
        quint64 ticket = 0; // while the runner works on it
        QString environment;
        QString uid;
        bool awaitingEffect = false; // sent; the watched canary has not shown it yet
        FlaggerActionExpectation expectation;
    };

    void showDetail() override;
    void updateActions(const FlaggerCanaryDetail &detail);
    // Why the user may not send the plan ("You may not patch canaries in namespace search."),
    // empty when allowed or not known.
    QString permissionRefusal(const FlaggerCanaryDetail &detail,
                              const FlaggerActionPlan &plan) const;
    // Asks the runner about every namespace the canary's offered actions act in, once each.
    void checkPermissions(const FlaggerCanaryDetail &detail);
    void permissionsChecked(quint64 ticket, const QString &environment,
                            const QString &namespaceName, const QMap<QString, bool> &allowed);
    void request(FlaggerAction action, const FlaggerCanaryTarget &target);
    void finished(const FlaggerActionResult &result);
    bool pendingIsShown() const;

    FlaggerCanaryDetailView *m_view;
    QPointer<ActionRunner> m_runner;
    QHash<QString, EnvironmentSpec> m_environments;
    Pending m_pending;
    QString m_messageFor; // "environment/uid" of the canary the action message is about
    // "environment\nnamespace" -> permission display name -> allowed (a failed review left out)
    QHash<QString, QMap<QString, bool>> m_permissions;
    // Per "environment\nnamespace", the latest check wins (one asked again after a denial).
    TicketedJobs<QString> m_permissionChecks;
};
