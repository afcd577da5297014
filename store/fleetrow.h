// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deployment.h"
#include "flaggercanary.h"
#include "replicaset.h"
#include "rollout.h"
#include "rolloutsituation.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

// One row of the FleetModel: the object plus every derived value the columns show,
// computed once when the object (or its ReplicaSets) changes so data() only reads.
struct FleetRow
{
    enum class Kind : quint8 { Rollout, Deployment, FlaggerCanary };
    enum class Health : quint8 { Unknown, Healthy, Progressing, Paused, Degraded };
    // Why a row counts in "Needs attention": a person must act, or something failed.
    enum class Attention : quint8 { None, WaitingForPerson, Failure };

    QString environment;
    Kind kind = Kind::Rollout;
    // One of the three is set. Held by pointer, so a row is 280 bytes instead of 2.4 KB (the
    // model's list of rows doubles as it grows), and copies of a row share the object.
    std::shared_ptr<const Rollout> rollout;
    std::shared_ptr<const Deployment> deployment;
    std::shared_ptr<const FlaggerCanary> canary;

    // Derived.
    // "Canary", "BlueGreen", "RollingUpdate", "Recreate"; a Flagger canary's as Flagger infers
    // it: "FlaggerCanary", "FlaggerBlueGreen", "FlaggerABTesting", "FlaggerMirroring".
    QString strategy;
    QString phase; // untranslated phase name
    QString message;
    Health health = Health::Unknown;
    bool requiresAttention = false;
    Attention attention = Attention::None;
    RolloutSituation::Kind situation = RolloutSituation::Kind::Unknown; // Rollouts only
    RolloutTrafficFacts traffic; // Rollouts only
    // What the watch saw happen (a manual pause's time, the step of an abort); kept from
    // the row this one replaces (carryObservations), never derived from the object alone.
    RolloutObservations observations;
    QString step; // "2/5" or empty
    std::optional<qint32> setWeight; // canary only
    std::optional<qint32> actualWeight;
    qint64 revision = 0;
    QStringList images;
    QStringList imageTags; // per image: its ReplicaSets' roles, "canary", "stable,canary", ...
    qint32 desired = 0;
    qint32 ready = 0;
    qint32 updated = 0;
    qint32 available = 0;

    const ObjectMeta &metadata() const
    {
        return rollout ? rollout->metadata : deployment ? deployment->metadata : canary->metadata;
    }
    // The API's kind: "Rollout", "Deployment" or "Canary" (Flagger's).
    QString kindName() const { return kindName(kind); }
    static QString kindName(Kind kind);
    // The inverse of kindName(); nullopt for another text.
    static std::optional<Kind> kindNamed(const QString &name);
    // "env\x1fRollout\x1fns\x1fname": unique across the model.
    static QString makeKey(const QString &environment, Kind kind, const QString &namespaceName,
                           const QString &name);
    QString key() const;

    // Equal when the object (its resourceVersion aside) and every derived value are the
    // same, so an update that changes nothing sends no dataChanged.
    bool sameContent(const FleetRow &o) const;
    static Health healthOf(const QString &phase);
    // Takes the observations over from the row this one replaces (same object, older
    // version), noting a manual pause or an abort that began in between.
    void carryObservations(const FleetRow &previous, const QDateTime &now);
    // A Rollout row's situation in words at `now`; live: false for a disconnected
    // environment (no countdown). Deployments have their own status words (FleetModel).
    RolloutSituation situationAt(const QDateTime &now, bool live) const;

    // Derives every shown value. replicaSets: those the rollout owns (any order).
    static FleetRow fromRollout(const QString &environment, const Rollout &rollout,
                                const QList<ReplicaSet> &replicaSets);
    static FleetRow fromDeployment(const QString &environment, const Deployment &deployment);
    // primary: the Deployment Flagger made (<target>-primary), serving the stable version;
    // target: the Deployment Flagger watches, scaled up while a new version is analysed.
    // Either may be null (not listed yet, or not made yet).
    static FleetRow fromFlaggerCanary(const QString &environment, const FlaggerCanary &canary,
                                      const Deployment *target, const Deployment *primary);
};
