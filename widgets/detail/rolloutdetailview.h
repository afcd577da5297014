// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gateresult.h"
#include "rolloutaction.h"
#include "rolloutdetail.h"
#include "safetynets.h"
#include <functional>
#include <QDateTime>
#include <QWidget>

class QAction;

// The detail of the selected rollout: header (name, status icon, phase and message,
// strategy, step, desired vs actual weight, revision), the action bar, the steps with the
// current one marked and a live countdown for a timed pause, the ReplicaSets by revision
// with their roles, images, counts and pods (blue-green: active and preview side by side),
// the AnalysisRuns with each metric's phase, counts, last measurements and failure message,
// the quality gates' verdict and table (GatesView, fed by setGateReport()), and the recent
// Events. setDetail() may be called on every change: the view updates in
// place and keeps scroll position, expansion and selection.
//
// Actions: one QAction per RolloutAction (owned by the view, object names
// "pauseAction", "resumeAction", "promoteAction", "promoteFullAction", "abortAction",
// "retryAction", "restartAction", "undoAction"), shown as buttons in the action bar (object
// names "pauseButton", ... "undoButton") and usable in the window's menus. Pause and abort
// carry the shortcuts (Ctrl+Shift+P, Ctrl+Shift+A); every action acts only on the rollout
// the header shows (none while nothing is shown). Triggering an action that needs a
// confirmation (rolloutActionNeedsConfirmation(): abort, promote full, undo, restart, and
// all but pause in a protected environment) asks first, naming environment, namespace and
// rollout, with Cancel as the default button; undo first asks which revision. Then
// actionRequested() is emitted.
//
// Parts, by object name (tests and screenshots find them so): "rolloutHeader"
// (RolloutHeader), "actionBar" (RolloutActionBar), "notices", "stepsView"
// (RolloutStepsView), "detailTabs" with "replicaSetsView" (ReplicaSetsView),
// "analysisTree" (AnalysisRunsView), "gatesView" (GatesView), "eventsTree"
// (RolloutEventsView), "safetyNetsView" (SafetyNetsView) and "trafficView"
// (TrafficRoutingView); the timers
// "countdownTimer" (every second, only while a timed pause is current) and "ageTimer".
class RolloutDetailView : public QWidget
{
    Q_OBJECT

public:
    explicit RolloutDetailView(QWidget *parent = nullptr);
    ~RolloutDetailView() override;

    void setDetail(const RolloutDetail &detail);
    const RolloutDetail &detail() const;
    void clear(); // nothing selected

    // Enables, disables, hides and marks pending each action (tooltips carry the reason).
    void setActionStates(const RolloutActionStates &states);
    RolloutActionStates actionStates() const;
    // The line under the action bar: progress ("Pausing…"), success or a failure (red).
    void setActionMessage(const QString &text, bool isError);
    QString actionMessage() const;

    // The gates tab: the latest report of the shown rollout, or why there is none (translated;
    // empty for "not evaluated yet"). A report of another rollout is dropped when setDetail()
    // shows a new one; clear() drops it too.
    void setGateReport(const GateReport &report);
    void clearGateReport(const QString &why);
    // The config's gateInterval, for the gates tab's wording ("judged every 30s").
    void setGateIntervalMs(qint64 intervalMs);
    // The safety nets of the shown rollout: the Safety nets tab and the header's summary; why:
    // what the tab says instead (translated; empty: being read). Those of another rollout
    // are dropped when setDetail() shows a new one; clear() drops them too.
    void setSafetyNets(const SafetyNets &nets);
    void clearSafetyNets(const QString &why);

    QAction *action(RolloutAction action) const;
    // "Copy kubectl Command" with a menu of one entry per action (object name
    // "copyCommandAction"): usable while actions are disabled, e.g. in a stale environment.
    QAction *copyCommandAction() const;

    // Another tab after the rollout's own (the window's metrics); the view takes the page.
    void addPage(QWidget *page, const QString &title);
    // The steps/tabs splitter and the chosen tab, for the window's settings.
    QByteArray saveLayout() const;
    void restoreLayout(const QByteArray &state);

    // Tests inject the clock used by the pause countdown and ages; default: current UTC.
    void setClock(std::function<QDateTime()> clock);
    // Tests answer the confirmation and revision questions without a modal dialog: the
    // function receives the action and returns false for Cancel; for undo it sets *revision.
    using ConfirmFunction = std::function<bool(RolloutAction action, qint64 *revision)>;
    void setConfirmFunction(ConfirmFunction confirm);
    // `protected: true` in the config: every action but pause asks first.
    void setEnvironmentProtected(bool isProtected);
    bool isEnvironmentProtected() const;

signals:
    // revision: the chosen revision for Undo, 0 otherwise.
    void actionRequested(RolloutAction action, qint64 revision);
    // The person wants the terminal command for that action on the shown rollout.
    void copyCommandRequested(RolloutAction action);

private:
    class Private;
    Private *d;
};
