// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "argoappbatch.h"
#include "argoapplication.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

struct ObjectMeta;

// A resource as Argo CD names it: API group, kind, namespace, name.
struct ArgoResourceRef
{
    QString group; // "argoproj.io" for a Rollout, "apps" for a Deployment
    QString kind;
    QString namespaceName;
    QString name;

    bool operator==(const ArgoResourceRef &o) const
    {
        return group == o.group && kind == o.kind && namespaceName == o.namespaceName
            && name == o.name;
    }
};

// The value of Argo CD's tracking annotation, "<app>:<group>/<kind>:<namespace>/<name>"
// (util/argo/resource_tracking.go, ParseAppInstanceValue). <app> is the application's
// instance name: "<appNamespace>_<appName>" for an application outside Argo CD's own
// namespace, else the bare name (util/argo/argo.go, AppInstanceName); the label of the
// legacy label tracking holds the same instance name.
struct ArgoTrackingId
{
    QString instanceName; // as written: "shop-api" or "team-a_shop-api"
    ArgoResourceRef resource;

    // nullopt unless the value has exactly Argo CD's three parts.
    static std::optional<ArgoTrackingId> parse(const QString &value);
};

// Where the link between a workload and its application came from.
enum class ArgoLinkSource { None, Resources, TrackingAnnotation, InstanceLabel };

struct ArgoWorkloadLink
{
    QString applicationKey; // ArgoApplication::key(); empty: no application manages it
    ArgoLinkSource source = ArgoLinkSource::None;

    bool isValid() const { return !applicationKey.isEmpty(); }
    bool operator==(const ArgoWorkloadLink &o) const
    {
        return applicationKey == o.applicationKey && source == o.source;
    }
    bool operator!=(const ArgoWorkloadLink &o) const { return !(*this == o); }
};

// The Argo CD applications one environment reads (from any of its Argo CD servers), and
// which of them manages a workload of that environment. An application's status.resources
// decide first. The workload's own tracking metadata decides when no application lists it,
// and chooses when several do (one Argo CD deploying the same manifests to several clusters
// lists the same namespace/name in each cluster's application). Metadata counts only when it
// names an application of the environment: app.kubernetes.io/instance is also what Helm
// charts set to their release name. Anything ambiguous links to nothing rather than to a
// guess, so the table never shows another application's state as this workload's.
class ArgoWorkloadIndex
{
public:
    static QString trackingAnnotation() { return QStringLiteral("argocd.argoproj.io/tracking-id"); }
    static QString instanceLabel() { return QStringLiteral("app.kubernetes.io/instance"); }

    // Whether a replaced application differs in what the caller shows.
    using Differs
        = std::function<bool(const ArgoApplication &before, const ArgoApplication &after)>;

    // Applies one server's batch: a reset drops the server's applications it does not list,
    // then upserts, then removals. Returns the keys of applications added, removed, or
    // changed as `differs` decides (default: any field).
    QSet<QString> apply(const ArgoAppBatch &batch, const Differs &differs = Differs());
    bool isEmpty() const { return m_applications.isEmpty(); }
    qsizetype size() const { return m_applications.size(); }
    // nullptr when absent; valid until the next apply().
    const ArgoApplication *application(const QString &key) const;

    // The application that manages the workload; invalid when none (or no single one) does.
    ArgoWorkloadLink link(const ArgoResourceRef &workload, const ObjectMeta &meta) const;

private:
    void insert(const ArgoApplication &application);
    void erase(const QString &key);
    // The application a tracking id's or label's instance name names, if exactly one.
    QString resolveInstanceName(const QString &instanceName) const;
    ArgoWorkloadLink linkByMetadata(const ArgoResourceRef &workload, const ObjectMeta &meta) const;

    QHash<QString, ArgoApplication> m_applications; // by key()
    QHash<QString, QStringList> m_byResource; // resource key -> application keys
    QHash<QString, QStringList> m_byName; // metadata.name -> application keys
};
