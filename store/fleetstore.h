// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploymentdetail.h"
#include "environmentspec.h"
#include "environmentstore.h"
#include "flaggercanarydetail.h"
#include "rolloutdetail.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// Every environment's objects (EnvironmentStore), fed with the fetchers' delta batches, and
// the details assembled from them. Beneath the item models: FleetModel is a table over its
// rows, the detail controllers read details from here. GUI thread only, but no QObject.
//
// Adding a kind: its value type and decoder in domain/, a WorkloadDeltaBatch slot and an
// informer in fetchers/, an ObjectIndex in WorkloadIndex with its forEachGroup() (the owner
// it is filed under), then a detail struct assembled here from the owner indexes. See
// docs/architecture.md, "Adding a kind".
class FleetStore
{
    Q_DECLARE_TR_FUNCTIONS(FleetStore)

public:
    // Kept sorted by (order, name): the table's environment column sorts by position here.
    void setEnvironments(const QList<EnvironmentSpec> &environments);
    const QList<EnvironmentSpec> &environments() const { return m_environments; }
    int environmentOrder(const QString &environment) const;

    // Null when the environment has had no batch (or was dropped).
    const EnvironmentStore *environment(const QString &name) const;
    EnvironmentStore &environmentFor(const QString &name);
    QStringList environmentNames() const { return m_stores.keys(); }
    void remove(const QString &name) { m_stores.remove(name); }

    // Invalid (isValid() false, environment set) when the environment has no such object.
    // Cost: the object's own ReplicaSets, pods, runs and events, not the environment's.
    RolloutDetail rolloutDetail(const QString &environment, const QString &uid) const;
    DeploymentDetail deploymentDetail(const QString &environment, const QString &uid) const;
    // A Flagger canary's, with the Deployments it manages (canarydetailassembly.cpp).
    FlaggerCanaryDetail canaryDetail(const QString &environment, const QString &uid) const;
    // Whether the environment's pods, AnalysisRuns and Events could be listed, indexed by
    // DetailKind (all available before the first batch).
    QList<DetailKindStatus> detailStatus(const QString &environment) const;
    // The translated notice for a detail kind that is not available; empty when it is.
    static QString detailNotice(DetailKind kind, const DetailKindStatus &status);

private:
    QString colourOf(const QString &environment) const;
    // The detail of a Deployment's row (one of its own, or derived for a managed one).
    DeploymentDetail deploymentDetailOf(const QString &environment, const EnvironmentStore &store,
                                        const FleetRow &row) const;

    QList<EnvironmentSpec> m_environments;
    QHash<QString, EnvironmentStore> m_stores;
};
