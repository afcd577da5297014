// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "environmentspec.h"
#include "gateresult.h"
#include "gatespec.h"
#include "kubeconfig.h"
#include "rolloutactionexecutor.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>

class ActionRunner;
class AuditLog;
class FleetModel;
class GateMonitor;
class QTimer;
struct Rollout;

// The window's live quality gates: every rollout with a canary (a new revision being rolled
// out, not aborted, its environment live) is judged at the gate interval and at once when its
// canary changes, off the GUI thread (GateMonitor). The latest report per rollout is kept for
// the fleet table, the detail view, the release record and the notifications.
//
// onGateFail: pause (per environment) makes the window pause a rollout whose gate fails, once
// per canary, through the same permission checks and audit record as a person's pause (client
// "gate", with the gate and why as the reason). It acts only while the app runs and watches
// the rollout: it is no substitute for an AnalysisTemplate, which the controller runs in the
// cluster.
class GateController : public QObject
{
    Q_OBJECT

public:
    explicit GateController(FleetModel *model, QObject *parent = nullptr);
    ~GateController() override;

    void setSettings(const GateSettings &settings);
    const GateSettings &settings() const { return m_settings; }
    // Starts judging this fleet (stops the previous one); audit: where automatic pauses are
    // recorded.
    void setFleet(const Kubeconfig &kubeconfig, const QList<EnvironmentSpec> &environments,
                  const QString &auditPath);
    void shutdown();
    // Tests inject a clock; default: the current time.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }

    // The latest report of a rollout; null when it has none (no canary, not judged yet).
    const GateReport *report(const QString &environment, const QString &uid) const;
    // Why a rollout has no report, translated, for the detail view.
    QString missingReason(const QString &environment, const QString &uid) const;
    // Judges every rollout with a canary now (the timer calls it at the interval).
    void evaluateAll();

signals:
    // A rollout's report changed, or it has none any more (report() is null).
    void reportChanged(const QString &environment, const QString &uid);
    void reportReady(const GateReport &report);
    // A config gate of a rollout's canary failed for the first time (a failed AnalysisRun is
    // announced as such by the notifications, and acted on by the Argo Rollouts controller).
    void gateFailed(const QString &environment, const QString &uid, const GateReport &report,
                    const GateResult &gate, bool pausing);
    // The automatic pause's outcome (onGateFail: pause), for the rollout uid and the gate
    // that caused it.
    void autoPauseFinished(const RolloutActionResult &result, const QString &uid,
                           const QString &gate);

private:
    struct Judged
    {
        GateReport report;
        QString canaryHash; // what was asked for (the report's is empty without a canary)
        QSet<QString> failedGates; // gates already announced as failed for this canary
        bool paused = false; // onGateFail: pause acted for this canary
    };
    void detailsChanged(const QString &environment, const QStringList &uids);
    // Drops the rollout's report when it has nothing to judge.
    void evaluate(const QString &environment, const QString &uid);
    const Rollout *rolloutOf(const QString &environment, const QString &uid) const;
    // The canary hash to judge; empty without one (one revision, aborted, not listed).
    QString canaryToJudge(const QString &environment, const QString &uid) const;
    void received(const QString &key, const GateReport &report);
    void announceFailures(const QString &environment, const QString &uid, Judged &judged);
    void pause(const QString &environment, const QString &uid, const GateReport &report,
               const GateResult &gate);
    void pauseFinished(const RolloutActionResult &result);
    void drop(const QString &key);
    qint64 now() const;

    FleetModel *m_model;
    GateSettings m_settings;
    QList<EnvironmentSpec> m_environments;
    QTimer *m_timer;
    std::unique_ptr<GateMonitor> m_monitor;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<ActionRunner> m_runner;
    QHash<QString, Judged> m_judged; // "environment/uid"
    QHash<QString, QString> m_asked; // key -> canary hash of the last request
    std::function<qint64()> m_clock;
    struct PauseJob
    {
        QString uid;
        QString gate;
    };
    QHash<quint64, PauseJob> m_pauses; // ActionRunner ticket -> what it pauses for
};
