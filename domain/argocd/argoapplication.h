// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

// An Argo CD Application as its API server reports it (Argo CD 3.6's
// pkg/apis/application/v1alpha1 types, the fields a release manager reads). Values; the
// strings keep Argo CD's own words (Synced, OutOfSync, Healthy, Suspended, Running...), which
// the window translates when it shows them. Times are Unix milliseconds, 0 when absent.

// Where the manifests come from: one item of spec.source / spec.sources.
struct ArgoSource
{
    QString repoUrl;
    QString path; // Git path; empty for a Helm chart repository
    QString targetRevision; // branch, tag, SHA or chart version
    QString chart; // Helm chart name (Helm repository sources)
    QString helmReleaseName;
    QStringList helmValueFiles;
    QStringList kustomizeImages; // "registry/app:1.4.2" or "app=registry/app:1.4.2"
    bool isHelm = false; // a chart, or a `helm:` block
    bool isKustomize = false;

    // "Helm", "Kustomize" or "" (a plain directory or unknown).
    QString tool() const;
    bool operator==(const ArgoSource &o) const;
};

struct ArgoInitiator
{
    QString username;
    bool automated = false;
    bool operator==(const ArgoInitiator &o) const
    {
        return username == o.username && automated == o.automated;
    }
};

// status.operationState: the last (or running) sync, rollback or terminate.
struct ArgoOperation
{
    QString phase; // Running, Terminating, Succeeded, Failed, Error
    QString message;
    ArgoInitiator initiatedBy;
    QString syncRevision; // operation.sync.revision, what was asked for
    QString resultRevision; // syncResult.revision, what was applied
    bool prune = false;
    bool dryRun = false;
    qint64 startedAtMs = 0;
    qint64 finishedAtMs = 0;
    qint64 retryCount = 0;

    bool isValid() const { return !phase.isEmpty(); }
    bool isRunning() const
    {
        return phase == QLatin1String("Running") || phase == QLatin1String("Terminating");
    }
    bool operator==(const ArgoOperation &o) const;
    bool operator!=(const ArgoOperation &o) const { return !(*this == o); }
};

// One status.history entry: a revision that was deployed. `id` is what rollback takes.
struct ArgoHistoryEntry
{
    qint64 id = 0;
    QString revision;
    ArgoSource source;
    qint64 deployedAtMs = 0;
    qint64 deployStartedAtMs = 0;
    ArgoInitiator initiatedBy;
    bool operator==(const ArgoHistoryEntry &o) const;
};

// One status.resources entry: a managed object and whether it matches Git.
struct ArgoResource
{
    QString group;
    QString version;
    QString kind;
    QString namespaceName;
    QString name;
    QString syncStatus; // Synced, OutOfSync, Unknown
    QString health; // empty: Argo CD 3.x keeps per-resource health in the resource tree
    QString healthMessage;
    bool requiresPruning = false;
    bool isHook = false;
    bool operator==(const ArgoResource &o) const;
};

struct ArgoCondition
{
    QString type; // e.g. ComparisonError, SyncError, OrphanedResourceWarning
    QString message;
    qint64 lastTransitionMs = 0;
    // Argo CD's convention: the type's suffix gives the severity.
    bool isError() const { return type.endsWith(QLatin1String("Error")); }
    bool operator==(const ArgoCondition &o) const
    {
        return type == o.type && message == o.message && lastTransitionMs == o.lastTransitionMs;
    }
};

struct ArgoApplication
{
    // Where the window read it (not part of Argo CD's object).
    QString environment;
    QString instance;

    QString name;
    QString appNamespace; // metadata.namespace (where the Application object lives)
    QString uid;
    QString resourceVersion;
    QMap<QString, QString> labels;
    qint64 createdMs = 0;
    bool isDeleting = false;

    QString project;
    QList<ArgoSource> sources; // spec.source, or spec.sources in order
    QString destinationServer;
    QString destinationName;
    QString destinationNamespace;
    bool autoSync = false; // spec.syncPolicy.automated present (and not enabled: false)
    bool autoPrune = false;
    bool selfHeal = false;

    QString syncStatus; // Synced, OutOfSync, Unknown ("" before the first comparison)
    QString syncRevision; // the revision Git resolved to at the last comparison
    QStringList syncRevisions; // multi-source
    QString health; // Healthy, Progressing, Degraded, Suspended, Missing, Unknown
    QString healthMessage;
    ArgoOperation operation;
    // The top-level `operation`: a sync or rollback asked for and not yet taken up by the
    // application controller (status.operationState may still show the previous one).
    bool operationRequested = false;
    ArgoInitiator requestedBy;
    QList<ArgoHistoryEntry> history; // only from a single GET, not from lists
    QList<ArgoCondition> conditions;
    QList<ArgoResource> resources;
    QStringList images; // status.summary.images
    QStringList externalUrls;
    QString sourceType; // Helm, Kustomize, Directory, Plugin
    qint64 reconciledAtMs = 0;
    bool hasHistory = false; // status.history was in the answer (a GET, not a list)

    // "<environment>/<instance>/<namespace>/<name>": one application seen by one environment.
    QString key() const;
    // The deployed revision: the newest history entry's, else the last sync's.
    QString deployedRevision() const;
    int outOfSyncCount() const;
    bool operator==(const ArgoApplication &o) const;
    bool operator!=(const ArgoApplication &o) const { return !(*this == o); }
};

// GET .../revisions/{revision}/metadata: the commit behind a revision.
struct ArgoRevisionMetadata
{
    QString author;
    qint64 dateMs = 0;
    QString message;
    QStringList tags;
    // The first line of the commit message, for a cell.
    QString subject() const;
};

Q_DECLARE_METATYPE(ArgoApplication)
Q_DECLARE_METATYPE(ArgoRevisionMetadata)
