// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace rdsim {

// One line of an Argo CD RBAC policy (`p, <subject>, <resource>, <action>, <object>, allow`)
// granted to one account. Each part is a glob (`*` matches anything, also `/`).
struct ArgoCdPolicy
{
    QString resource; // applications, projects, clusters, repositories, ... or *
    QString action; // get, sync, override, action/*, * ...
    QString object; // "<project>/<application>" for applications, e.g. shop/*
};

// A local Argo CD account with one API token.
struct ArgoCdAccount
{
    QString name;
    QString token;
    bool expired = false; // the token is refused as expired
    QStringList groups;
    QList<ArgoCdPolicy> policies;
};

// One commit of a Git repository (or one version of a Helm chart repository), and the
// images it sets for the applications it touches.
struct ArgoCdCommit
{
    QString revision; // a 40-hex SHA, or a chart version
    QString author;
    QString date; // RFC 3339
    QString message;
    QStringList tags;
    QHash<QString, QStringList> images; // application name -> the images it deploys
};

struct ArgoCdRepo
{
    QString url;
    bool helm = false; // a chart repository: revisions are chart versions
    QList<ArgoCdCommit> commits; // oldest first; the last is the head of every branch
};

// What an Argo CD Application manages: kind/namespace/name of one live object.
struct ArgoCdResourceRef
{
    QString group;
    QString version;
    QString kind;
    QString ns;
    QString name;
};

struct ArgoCdApplicationSpec
{
    QString name;
    QString project = QStringLiteral("default");
    QString repoURL;
    QString path;
    QString chart; // a Helm chart of a chart repository (then targetRevision is its version)
    QString targetRevision = QStringLiteral("HEAD");
    QStringList kustomizeImages; // spec.source.kustomize.images
    QString destinationServer = QStringLiteral("https://kubernetes.default.svc");
    QString destinationNamespace;
    bool automated = false;
    bool selfHeal = false;
    bool prune = false;
    QHash<QString, QString> labels;
    // The managed objects; the workloads among them (Rollout, Deployment) get the images.
    QList<ArgoCdResourceRef> resources;
    // Revisions deployed before the scenario starts, oldest first (status.history); empty =
    // the target revision, deployed once.
    QStringList history;
};

// The `argocd:` block of a scenario cluster.
struct ArgoCdConfig
{
    bool enabled = false;
    QString ns = QStringLiteral("argocd"); // where the argocd-server Service is proxied
    int port = -1; // its own HTTPS listener: -1 none, 0 a free port
    double syncSeconds = 5; // virtual seconds a sync operation runs before it applies
    double selfHealSeconds = 5; // virtual seconds between self-heal attempts
    QList<ArgoCdAccount> accounts;
    QList<ArgoCdRepo> repos;
    QList<ArgoCdApplicationSpec> applications;

    const ArgoCdRepo *repo(const QString &url) const;
};

} // namespace rdsim
