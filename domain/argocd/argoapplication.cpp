// SPDX-License-Identifier: GPL-3.0-or-later
#include "argoapplication.h"

QString ArgoSource::tool() const
{
    if (isHelm)
        return QStringLiteral("Helm");
    if (isKustomize)
        return QStringLiteral("Kustomize");
    return QString();
}

bool ArgoSource::operator==(const ArgoSource &o) const
{
    return repoUrl == o.repoUrl && path == o.path && targetRevision == o.targetRevision
        && chart == o.chart && helmReleaseName == o.helmReleaseName
        && helmValueFiles == o.helmValueFiles && kustomizeImages == o.kustomizeImages
        && isHelm == o.isHelm && isKustomize == o.isKustomize;
}

bool ArgoOperation::operator==(const ArgoOperation &o) const
{
    return phase == o.phase && message == o.message && initiatedBy == o.initiatedBy
        && syncRevision == o.syncRevision && resultRevision == o.resultRevision && prune == o.prune
        && dryRun == o.dryRun && startedAtMs == o.startedAtMs && finishedAtMs == o.finishedAtMs
        && retryCount == o.retryCount;
}

bool ArgoHistoryEntry::operator==(const ArgoHistoryEntry &o) const
{
    return id == o.id && revision == o.revision && source == o.source
        && deployedAtMs == o.deployedAtMs && deployStartedAtMs == o.deployStartedAtMs
        && initiatedBy == o.initiatedBy;
}

bool ArgoResource::operator==(const ArgoResource &o) const
{
    return group == o.group && version == o.version && kind == o.kind
        && namespaceName == o.namespaceName && name == o.name && syncStatus == o.syncStatus
        && health == o.health && healthMessage == o.healthMessage
        && requiresPruning == o.requiresPruning && isHook == o.isHook;
}

QString ArgoApplication::key() const
{
    return environment + QLatin1Char('/') + instance + QLatin1Char('/') + appNamespace
        + QLatin1Char('/') + name;
}

QString ArgoApplication::deployedRevision() const
{
    if (!history.isEmpty())
        return history.constLast().revision;
    if (!operation.resultRevision.isEmpty())
        return operation.resultRevision;
    return QString();
}

int ArgoApplication::outOfSyncCount() const
{
    int count = 0;
    for (const ArgoResource &resource : resources) {
        if (resource.syncStatus == QLatin1String("OutOfSync") || resource.requiresPruning)
            ++count;
    }
    return count;
}

bool ArgoApplication::operator==(const ArgoApplication &o) const
{
    return environment == o.environment && instance == o.instance && name == o.name
        && appNamespace == o.appNamespace && uid == o.uid && resourceVersion == o.resourceVersion
        && labels == o.labels && createdMs == o.createdMs && isDeleting == o.isDeleting
        && project == o.project && sources == o.sources && destinationServer == o.destinationServer
        && destinationName == o.destinationName && destinationNamespace == o.destinationNamespace
        && autoSync == o.autoSync && autoPrune == o.autoPrune && selfHeal == o.selfHeal
        && syncStatus == o.syncStatus && syncRevision == o.syncRevision
        && syncRevisions == o.syncRevisions && health == o.health
        && healthMessage == o.healthMessage && operation == o.operation && history == o.history
        && conditions == o.conditions && resources == o.resources && images == o.images
        && externalUrls == o.externalUrls && sourceType == o.sourceType
        && reconciledAtMs == o.reconciledAtMs && hasHistory == o.hasHistory;
}

QString ArgoRevisionMetadata::subject() const
{
    return message.section(QLatin1Char('\n'), 0, 0).trimmed();
}
