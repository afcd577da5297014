// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "environmentspec.h"
#include "jobtracker.h"
#include "kubeconfig.h"
#include "rolloutaction.h"
#include "rolloutdetail.h"
#include "rolloutref.h"
#include <memory>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QSet>

class ActionRunner;
class AuditLog;
class FleetModel;
class PendingActionTracker;
class RolloutDetailView;
struct RolloutActionResult;

// Connects the selected rollout's detail view to the fleet model and the action runner:
// the detail follows the model, the action bar follows the rollout's state, the user's
// permissions (SelfSubjectAccessReview per environment and namespace) and read-only mode,
// and an action's progress is shown until the watch confirms it ("Pausing…" → "Paused.") or
// it fails (the message, and a dialog since the user started it).
class RolloutDetailController : public QObject
{
    Q_OBJECT

public:
    RolloutDetailController(FleetModel *model, RolloutDetailView *view, QObject *parent = nullptr);
    ~RolloutDetailController() override;

    // Starts over with these environments; auditPath: where actions are recorded.
    void setFleet(const Kubeconfig &kubeconfig, const QList<EnvironmentSpec> &environments,
                  const QString &auditPath);
    // The rollout to show; an empty uid shows nothing.
    void select(const QString &environment, const QString &rolloutUid);
    // Stops the runner's threads (window closing, the demo going away).
    void shutdown();

    // The selected rollout; null when none is.
    RolloutRef selected() const { return m_selected; }
    ActionRunner *runner() const { return m_runner.get(); }
    // "Paused.", "Resumed.": what (these two in rolloutdetailtexts.cpp) the view says once the
    // watch confirms an action. An abort is followed further (abortProgressText) until the cluster
    // shows it complete.
    static QString confirmedText(RolloutAction action);
    // What an accepted abort has done so far, from the watched rollout: "Abort accepted —
    // canary weight 33 % → 0 %, scaling down 2 canary pods", then "Aborted: all traffic on
    // the stable version".
    static QString abortProgressText(const RolloutDetail &detail, const QDateTime &now);
    // The command that does `action` to the selected rollout from a terminal; empty when
    // nothing is selected.
    QString kubectlCommand(RolloutAction action) const;
    // Puts kubectlCommand(action) on the clipboard and says so under the action bar.
    void copyKubectlCommand(RolloutAction action);

private:
    struct Message
    {
        QString text;
        bool isError = false;
    };
    void detailsChanged(const QString &environment, const QStringList &rolloutUids);
    void refresh();
    void updateActionStates();
    void request(RolloutAction action, qint64 revision);
    void finished(const RolloutActionResult &result);
    void checkPermissions(const QString &environment, const QString &namespaceName);
    void permissionsChecked(quint64 ticket, const QString &environment,
                            const QString &namespaceName, const QMap<QString, bool> &allowed);
    void setMessage(const RolloutRef &rollout, const QString &text, bool isError);
    void showFailure(const QString &text);
    void followAbort(const RolloutRef &rollout, const RolloutDetail &detail);
    // The action bar of the shown detail: each action's availability, narrowed by read-only,
    // a stale detail, the user's permissions (allowed: display name -> allowed, missing ones
    // unknown) and the action in progress (busy). In rolloutdetailtexts.cpp, with its reasons.
    static RolloutActionStates actionStates(const RolloutDetail &detail, bool readOnly,
                                            const QMap<QString, bool> &allowed,
                                            std::optional<RolloutAction> busy);

    FleetModel *m_model;
    RolloutDetailView *m_view;
    PendingActionTracker *m_tracker;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<ActionRunner> m_runner;
    QHash<QString, EnvironmentSpec> m_environments;
    RolloutRef m_selected;
    RolloutDetail m_detail;
    // "environment\nnamespace" -> permission display name -> allowed
    QHash<QString, QMap<QString, bool>> m_permissions;
    // Per rollout, the latest action wins: an older one's answer no longer says what the
    // rollout is doing (a failure is still shown in a dialog).
    TicketedJobs<RolloutRef> m_actions;
    QHash<RolloutRef, RolloutAction> m_sending; // the latest action sent, no answer yet
    // Per "environment\nnamespace", the latest permission check wins: one asked again after
    // a refusal (RBAC changed) may be answered before the older one, which is then stale.
    TicketedJobs<QString> m_permissionChecks;
    QHash<RolloutRef, Message> m_messages; // the last action's message
    QSet<RolloutRef> m_followedAborts; // whose accepted abort is still shown live
};
