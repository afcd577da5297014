// SPDX-License-Identifier: GPL-3.0-or-later
#include "resourcecatalog.h"

#include "resourcecatalog_p.h"

namespace rdsim {

namespace catalog {

namespace {

const QStringList kAllVerbs {QStringLiteral("create"), QStringLiteral("delete"),
                             QStringLiteral("get"),    QStringLiteral("list"),
                             QStringLiteral("patch"),  QStringLiteral("update"),
                             QStringLiteral("watch")};

} // namespace

TableColumn column(const char *name, const char *type, const char *path, int priority)
{
    TableColumn c;
    c.name = QString::fromLatin1(name);
    c.type = QString::fromLatin1(type);
    c.jsonPath = QString::fromLatin1(path);
    c.priority = priority;
    if (c.jsonPath == QStringLiteral("@name"))
        c.format = QStringLiteral("name");
    return c;
}

TableColumn nameColumn()
{
    return column("Name", "string", "@name");
}
TableColumn ageColumn()
{
    return column("Age", "date", "@age");
}

ResourceType make(const char *group, const char *version, const char *plural, const char *singular,
                  const char *kind, bool namespaced, QStringList shortNames,
                  QList<TableColumn> columns)
{
    ResourceType t;
    t.group = QString::fromLatin1(group);
    t.version = QString::fromLatin1(version);
    t.plural = QString::fromLatin1(plural);
    t.singular = QString::fromLatin1(singular);
    t.kind = QString::fromLatin1(kind);
    t.namespaced = namespaced;
    t.shortNames = std::move(shortNames);
    t.verbs = kAllVerbs;
    t.columns = std::move(columns);
    return t;
}

} // namespace catalog

namespace {

using namespace catalog;

ResourceType argo(const char *plural, const char *singular, const char *kind, bool namespaced,
                  QStringList shortNames, QList<TableColumn> columns)
{
    ResourceType t = catalog::make("argoproj.io", "v1alpha1", plural, singular, kind, namespaced,
                                   std::move(shortNames), std::move(columns));
    t.isCustomResource = true;
    t.categories = {QStringLiteral("all")};
    return t;
}

ResourceType review(const char *group, const char *plural, const char *singular, const char *kind)
{
    ResourceType t = catalog::make(group, "v1", plural, singular, kind, false, {}, {});
    t.verbs = {QStringLiteral("create")};
    t.isReview = true;
    return t;
}

// batch/v1 Jobs with kube-apiserver's printer columns (pkg/printers/internalversion), the
// wide ones left out.
ResourceType jobs()
{
    ResourceType t = catalog::make("batch", "v1", "jobs", "job", "Job", true, {},
                                   {nameColumn(), column("Status", "string", "@jobStatus"),
                                    column("Completions", "string", "@jobCompletions"),
                                    column("Duration", "string", "@jobDuration"), ageColumn()});
    t.hasStatusSubresource = true;
    t.categories = {QStringLiteral("all")};
    return t;
}

QList<ResourceType> buildCatalog()
{
    QList<ResourceType> all;
    ResourceType ns = catalog::make(
        "", "v1", "namespaces", "namespace", "Namespace", false, {QStringLiteral("ns")},
        {nameColumn(), column("Status", "string", "status.phase"), ageColumn()});
    ns.hasStatusSubresource = true;
    all << ns;

    ResourceType pods = catalog::make("", "v1", "pods", "pod", "Pod", true, {QStringLiteral("po")},
                                      {nameColumn(), column("Ready", "string", "@podReady"),
                                       column("Status", "string", "@podStatus"),
                                       column("Restarts", "string", "@podRestarts"), ageColumn(),
                                       column("IP", "string", "status.podIP", 1),
                                       column("Node", "string", "spec.nodeName", 1)});
    pods.hasStatusSubresource = true;
    pods.categories = {QStringLiteral("all")};
    all << pods;

    ResourceType services
        = catalog::make("", "v1", "services", "service", "Service", true, {QStringLiteral("svc")},
                        {nameColumn(), column("Type", "string", "spec.type"),
                         column("Cluster-IP", "string", "spec.clusterIP"),
                         column("Port(s)", "string", "@servicePorts"), ageColumn(),
                         column("Selector", "string", "@serviceSelector", 1)});
    services.hasStatusSubresource = true;
    services.categories = {QStringLiteral("all")};
    all << services;

    all << catalog::make("", "v1", "events", "event", "Event", true, {QStringLiteral("ev")},
                         {column("Last Seen", "string", "@eventLastSeen"),
                          column("Type", "string", "type"), column("Reason", "string", "reason"),
                          column("Object", "string", "@eventObject"),
                          column("Message", "string", "message"), nameColumn()});

    ResourceType deployments = catalog::make(
        "apps", "v1", "deployments", "deployment", "Deployment", true, {QStringLiteral("deploy")},
        {nameColumn(), column("Ready", "string", "@deploymentReady"),
         column("Up-to-date", "integer", "status.updatedReplicas"),
         column("Available", "integer", "status.availableReplicas"), ageColumn()});
    deployments.hasStatusSubresource = true;
    deployments.categories = {QStringLiteral("all")};
    all << deployments;

    ResourceType replicasets = catalog::make(
        "apps", "v1", "replicasets", "replicaset", "ReplicaSet", true, {QStringLiteral("rs")},
        {nameColumn(), column("Desired", "integer", "spec.replicas"),
         column("Current", "integer", "status.replicas"),
         column("Ready", "integer", "status.readyReplicas"), ageColumn()});
    replicasets.hasStatusSubresource = true;
    replicasets.categories = {QStringLiteral("all")};
    all << replicasets;

    all << jobs();

    // Printer columns as in the Argo Rollouts CRD manifests.
    ResourceType rollouts
        = argo("rollouts", "rollout", "Rollout", true, {QStringLiteral("ro")},
               {nameColumn(), column("Desired", "integer", "spec.replicas"),
                column("Current", "integer", "status.replicas"),
                column("Up-to-date", "integer", "status.updatedReplicas"),
                column("Available", "integer", "status.availableReplicas"), ageColumn()});
    rollouts.hasStatusSubresource = true;
    all << rollouts;
    all << argo("analysisruns", "analysisrun", "AnalysisRun", true, {QStringLiteral("ar")},
                {nameColumn(), column("Status", "string", "status.phase"), ageColumn()});
    all << argo("analysistemplates", "analysistemplate", "AnalysisTemplate", true,
                {QStringLiteral("at")}, {nameColumn(), ageColumn()});
    all << argo("clusteranalysistemplates", "clusteranalysistemplate", "ClusterAnalysisTemplate",
                false, {QStringLiteral("cat")}, {nameColumn(), ageColumn()});
    all << argo("experiments", "experiment", "Experiment", true, {QStringLiteral("exp")},
                {nameColumn(), column("Status", "string", "status.phase"), ageColumn()});

    all << review("authorization.k8s.io", "selfsubjectaccessreviews", "selfsubjectaccessreview",
                  "SelfSubjectAccessReview");
    all << review("authentication.k8s.io", "selfsubjectreviews", "selfsubjectreview",
                  "SelfSubjectReview");
    appendIstioKinds(&all);
    appendSafetyNetKinds(&all);
    return all;
}

} // namespace

QString ResourceType::groupVersion() const
{
    if (group.isEmpty())
        return version;
    return group + u'/' + version;
}

QString ResourceType::apiPrefix() const
{
    if (group.isEmpty())
        return QStringLiteral("/api/") + version;
    return QStringLiteral("/apis/") + group + u'/' + version;
}

QString ResourceType::key() const
{
    if (group.isEmpty())
        return plural;
    return plural + u'.' + group;
}

QString ResourceType::objectPath(const QString &ns, const QString &name) const
{
    QString path = apiPrefix();
    if (namespaced)
        path += QStringLiteral("/namespaces/") + ns;
    path += u'/' + plural;
    if (!name.isEmpty())
        path += u'/' + name;
    return path;
}

const QList<ResourceType> &ResourceCatalog::all()
{
    static const QList<ResourceType> catalog = buildCatalog();
    return catalog;
}

const ResourceType *ResourceCatalog::find(const QString &group, const QString &plural)
{
    for (const ResourceType &type : all()) {
        if (type.group == group && type.plural == plural)
            return &type;
    }
    return nullptr;
}

const ResourceType *ResourceCatalog::findByKind(const QString &apiVersion, const QString &kind)
{
    for (const ResourceType &type : all()) {
        if (type.groupVersion() == apiVersion && type.kind == kind)
            return &type;
    }
    return nullptr;
}

QStringList ResourceCatalog::groupVersions(const QStringList &unserved)
{
    QStringList versions;
    for (const ResourceType &type : all()) {
        if (!versions.contains(type.groupVersion()) && !unserved.contains(type.key()))
            versions << type.groupVersion();
    }
    return versions;
}

QStringList ResourceCatalog::families()
{
    QStringList families;
    for (const ResourceType &type : all()) {
        if (!type.family.isEmpty() && !families.contains(type.family))
            families << type.family;
    }
    return families;
}

} // namespace rdsim
