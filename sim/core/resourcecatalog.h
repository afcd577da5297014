// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace rdsim {

// One column of the server-side Table output kubectl asks for (`as=Table`).
struct TableColumn
{
    QString name; // "Name", "Ready", "Status", ...
    QString type; // "string", "integer", "date"
    // Dotted path into the object, e.g. "status.phase". A path starting with '@' names a
    // computed cell: @name, @age, @podReady ("1/2"), @podStatus (kubectl's pod status),
    // @podRestarts, @deploymentReady ("2/3"), @servicePorts ("80/TCP"), @eventLastSeen,
    // @eventObject ("rollout/web"), @jobStatus, @jobCompletions ("1/1"), @jobDuration.
    QString jsonPath;
    QString format; // "name" for the name column
    int priority = 0; // > 0: only with -o wide
};

// A kind the simulated API server serves. The catalog is the single source for discovery,
// routing, RBAC resource names and Table columns.
struct ResourceType
{
    QString group; // "" for the core group
    QString version; // "v1", "v1alpha1"
    QString plural; // "rollouts"
    QString singular; // "rollout"
    QString kind; // "Rollout"
    bool namespaced = true;
    bool hasStatusSubresource = false;
    QStringList shortNames;
    QStringList categories;
    QStringList verbs; // list, get, watch, create, update, patch, delete
    bool isCustomResource = false; // strategic merge patch is refused (415) for these
    bool isReview = false; // create-only review kinds answered on the fly, never stored
    // The tool that installs the kind (issue 15's safety nets: "trivy", "gatekeeper", ...),
    // which a scenario's cluster may leave out (`serves:`); empty for the kinds every
    // simulated cluster has.
    QString family {};
    QList<TableColumn> columns;

    QString groupVersion() const; // "v1" or "argoproj.io/v1alpha1"
    QString apiPrefix() const; // "/api/v1" or "/apis/argoproj.io/v1alpha1"
    QString listKind() const { return kind + QStringLiteral("List"); }
    QString key() const; // unique: "rollouts.argoproj.io", "pods"
    // "/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts/web"; ns ignored for cluster scope
    QString objectPath(const QString &ns, const QString &name) const;
};

class ResourceCatalog
{
public:
    static const QList<ResourceType> &all();
    static const ResourceType *find(const QString &group, const QString &plural);
    static const ResourceType *findByKind(const QString &apiVersion, const QString &kind);
    // Group-versions in discovery order: "v1" first, then the named groups. Kinds whose
    // key() is in `unserved` do not count (a cluster without the tool).
    static QStringList groupVersions(const QStringList &unserved = {});
    // The families of ResourceType::family, in catalog order.
    static QStringList families();
};

} // namespace rdsim
