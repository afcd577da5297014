// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gateresult.h"

#include <QDateTime>
#include <QHashFunctions>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

// The release record (issue 12): what the dashboard observed of each release, kept after
// the cluster has forgotten it. A release is one revision of one workload in one
// environment, from the moment its ReplicaSet appears to its promotion, abort or
// replacement by a newer revision. These are the values the recorder writes and the
// Releases view, the reports and the `history` command read.

enum class ReleaseOutcome : quint8 {
    InProgress, // not finished when last observed
    Promoted, // the revision became stable (fully promoted)
    Aborted, // aborted (by a person or by its analysis) and not retried since
    Superseded, // a newer revision started before this one finished
    Deleted, // the workload was deleted before this release finished
};
// "in-progress", "promoted", "aborted", "superseded", "deleted": the stored and printed
// names (never translated: the database and `history -o json` use them).
QString releaseOutcomeName(ReleaseOutcome outcome);
// False for an unknown name.
bool releaseOutcomeFromName(const QString &name, ReleaseOutcome *out);

// Which release: environment, the workload's uid (a rollout deleted and created again under
// the same name starts at revision 1 again) and the revision.
struct ReleaseKey
{
    QString environment;
    QString workloadUid;
    qint64 revision = 0;

    friend bool operator==(const ReleaseKey &a, const ReleaseKey &b)
    {
        return a.revision == b.revision && a.workloadUid == b.workloadUid
            && a.environment == b.environment;
    }
    friend bool operator!=(const ReleaseKey &a, const ReleaseKey &b) { return !(a == b); }
    friend size_t qHash(const ReleaseKey &key, size_t seed = 0)
    {
        return qHashMulti(seed, key.environment, key.workloadUid, key.revision);
    }
};

struct ReleaseSummary
{
    qint64 id = 0; // the database's row id; 0 before it is stored
    ReleaseKey key;
    QString namespaceName;
    QString workload; // the Rollout's name
    QString kind = QStringLiteral("Rollout");
    QString strategy; // "Canary", "BlueGreen"
    QString podTemplateHash;
    QStringList images; // the revision's container images
    qint32 stepCount = 0; // canary steps of the revision's spec
    QDateTime startedAt; // its ReplicaSet's creationTimestamp
    QDateTime endedAt; // null while in progress
    ReleaseOutcome outcome = ReleaseOutcome::InProgress;
    // Its start happened before the dashboard was watching: what came before the first
    // observation is what the cluster still held (its ReplicaSet, AnalysisRuns, Events).
    bool partiallyObserved = false;
    QDateTime firstObservedAt;
    QDateTime workloadDeletedAt; // the Rollout was deleted; null while it exists

    // Milliseconds from start to end, -1 while in progress or without a start.
    qint64 durationMSecs() const;
    // "prod/shop/checkout #7"
    QString displayName() const;

    bool operator==(const ReleaseSummary &o) const;
    bool operator!=(const ReleaseSummary &o) const { return !(*this == o); }
};

// A change of the rollout's progress: its phase, step and weights from that moment on.
struct ReleaseTransition
{
    QDateTime time;
    QString phase; // Progressing, Paused, Healthy, Degraded, ...
    qint32 step = -1; // status.currentStepIndex; -1 without one
    qint32 desiredWeight = 0; // the canary weight the step asks for
    qint32 actualWeight = 0; // the canary's share of available pods, or the routed weight
    bool paused = false; // a pause of any kind (step, person, inconclusive analysis)
    QString message;

    bool operator==(const ReleaseTransition &o) const;
    bool operator!=(const ReleaseTransition &o) const { return !(*this == o); }
};

// An action on the release: ours from the audit log (with the person), or another client's
// as the watch observed it (no person is known then).
struct ReleaseAction
{
    enum class Source : quint8 { Audit, Observed };

    QDateTime time;
    QString action; // pause, resume, promote, promote-full, abort, retry, restart, undo
    Source source = Source::Observed;
    QString user; // empty when observed
    QString result; // the audit outcome ("succeeded", "denied", ...); empty when observed
    QString message;
    QString auditId; // pairs it with the audit file; empty when observed

    bool operator==(const ReleaseAction &o) const;
    bool operator!=(const ReleaseAction &o) const { return !(*this == o); }
};

// The actions as a person reads them: our own action is in the audit log (with who) and is
// also seen by the watch a moment later; the observed echo of an audited action of the same
// name within a minute is left out. The record keeps both.
QList<ReleaseAction> actionsSeenOnce(const QList<ReleaseAction> &actions);

// One measurement of an AnalysisRun's metric, with the conditions that judged it.
struct ReleaseMeasurement
{
    QString analysisRun;
    QString runKind; // Step, Background, PrePromotion, PostPromotion; empty when unlabelled
    QString metric;
    QString phase; // Successful, Failed, Inconclusive, Error, Running
    QString value;
    QString message;
    QString successCondition;
    QString failureCondition;
    QDateTime startedAt;
    QDateTime finishedAt;

    bool operator==(const ReleaseMeasurement &o) const;
    bool operator!=(const ReleaseMeasurement &o) const { return !(*this == o); }
};

// An AnalysisRun of the release, as last observed.
struct ReleaseAnalysisRun
{
    QString name;
    QString runKind;
    QString phase;
    QString message;
    QDateTime startedAt;
    QDateTime completedAt;

    bool operator==(const ReleaseAnalysisRun &o) const;
    bool operator!=(const ReleaseAnalysisRun &o) const { return !(*this == o); }
};

// A Kubernetes Event about the rollout, its ReplicaSet or its AnalysisRuns, kept before the
// cluster expires it (keyed by the Event's uid; count and lastSeen as last observed).
struct ReleaseEvent
{
    QString uid;
    QString type; // Normal, Warning
    QString reason;
    QString message;
    QString objectKind;
    QString objectName;
    qint32 count = 0;
    QDateTime firstSeen;
    QDateTime lastSeen;

    bool operator==(const ReleaseEvent &o) const;
    bool operator!=(const ReleaseEvent &o) const { return !(*this == o); }
};

// One live evaluation of a quality gate (domain/gates/gateresult.h) on the release's canary,
// as the recorder stored it: every change of the gate's outcome, and otherwise at most one a
// minute (HistoryRecorder::recordGateReport). Cluster text (the message, an analysis gate's
// bound) is stored redacted.
struct ReleaseGateEvaluation
{
    QDateTime evaluatedAt; // the end of the gate's window
    QString gate; // GateResult::name
    GateResult::Source source = GateResult::Source::Config;
    GateOutcome outcome = GateOutcome::Inconclusive;
    std::optional<double> value;
    std::optional<double> worstValue;
    std::optional<double> stableValue;
    QString bound;
    qint32 samples = 0;
    qint64 windowMs = 0;
    QString message;

    bool operator==(const ReleaseGateEvaluation &o) const;
    bool operator!=(const ReleaseGateEvaluation &o) const { return !(*this == o); }
};

// "config", "analysis": the stored names of a gate's source (never translated).
QString gateSourceName(GateResult::Source source);
// False for an unknown name.
bool gateSourceFromName(const QString &name, GateResult::Source *out);

// The latest safety nets of a release (issue 15): safetyNetsJson's object for its canary
// against its stable, as the dashboard last read them while the release was in progress
// (HistoryRecorder::recordSafetyNets), the cluster's words in it redacted.
struct ReleaseSafetyNets
{
    QDateTime readAt; // when they were assembled; null: none recorded
    QJsonObject nets;

    bool isValid() const { return readAt.isValid(); }
    bool operator==(const ReleaseSafetyNets &o) const
    {
        return readAt == o.readAt && nets == o.nets;
    }
    bool operator!=(const ReleaseSafetyNets &o) const { return !(*this == o); }
};

// Everything recorded of one release, in time order.
struct ReleaseTimeline
{
    ReleaseSummary summary;
    QStringList stepTexts; // "setWeight: 20", "pause: 1m", ... as the plugin words them
    QList<ReleaseTransition> transitions;
    QList<ReleaseAction> actions;
    QList<ReleaseAnalysisRun> analysisRuns;
    QList<ReleaseMeasurement> measurements;
    QList<ReleaseEvent> events;
    QList<ReleaseGateEvaluation> gates; // by time, then gate name
    ReleaseSafetyNets safetyNets; // invalid when none was recorded
};

// What the Releases view and `history` ask for; empty fields match everything.
struct ReleaseFilter
{
    QString environment;
    QString namespaceName;
    QString workload;
    QList<ReleaseOutcome> outcomes; // empty: any
    QDateTime since; // releases that started at or after
    QDateTime until; // releases that started before
    int limit = 5000;
};

Q_DECLARE_METATYPE(ReleaseSummary)
Q_DECLARE_METATYPE(ReleaseTimeline)
