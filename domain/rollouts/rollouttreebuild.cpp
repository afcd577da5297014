// SPDX-License-Identifier: GPL-3.0-or-later
// RolloutTree::build and the images: RolloutInfo's nodes in the plugin's order.
#include "rollouttree.h"

#include "durationparser.h"
#include "podstatus.h"
#include "replicasetstatus.h"
#include "rolloutstatus.h"

#include <algorithm>

using Kind = RolloutTreeNode::Kind;

namespace {

qint64 runRevision(const AnalysisRun &run)
{
    bool ok = false;
    const qint64 revision = run.revision().toLongLong(&ok);
    return ok ? revision : 0;
}

RolloutTreeNode podNode(const Pod &pod)
{
    const PodStatusSummary summary = podStatus(pod);
    RolloutTreeNode node;
    node.kind = Kind::Pod;
    node.name = pod.metadata.name;
    node.status = summary.status;
    node.icon = PluginIcon::forPod(summary.status);
    node.created = pod.metadata.creationTimestamp;
    node.info.append(QStringLiteral("ready:") + summary.readyText());
    if (summary.restarts > 0)
        node.info.append(QStringLiteral("restarts:%1").arg(summary.restarts));
    return node;
}

// Pods oldest first, then by name (addPodInfos).
QList<RolloutTreeNode> podNodes(QList<Pod> pods)
{
    std::sort(pods.begin(), pods.end(), [](const Pod &a, const Pod &b) {
        if (a.metadata.creationTimestamp != b.metadata.creationTimestamp)
            return a.metadata.creationTimestamp < b.metadata.creationTimestamp;
        return a.metadata.name < b.metadata.name;
    });
    QList<RolloutTreeNode> nodes;
    for (const Pod &pod : std::as_const(pods))
        nodes.append(podNode(pod));
    return nodes;
}

// tags: the rollout's roles for it (none for an experiment's ReplicaSet).
RolloutTreeNode replicaSetNode(const ReplicaSet &rs, const ReplicaSetTags &tags,
                               const RolloutDetail &detail, const QDateTime &now)
{
    RolloutTreeNode node;
    node.kind = Kind::ReplicaSet;
    node.name = rs.metadata.name;
    node.status = replicaSetHealth(rs);
    node.icon = PluginIcon::forReplicaSet(node.status);
    node.created = rs.metadata.creationTimestamp;
    node.revision = rs.revision();
    node.info = tags.names();
    const QString delay = scaleDownDelay(rs, now);
    if (!delay.isEmpty())
        node.info.append(QStringLiteral("delay:") + delay);
    node.images = rs.podTemplate.images();
    node.templateName = experimentTemplateName(rs.metadata);
    node.children = podNodes(detail.podsByReplicaSetUid.value(rs.metadata.uid));
    return node;
}

RolloutTreeNode jobNode(const Job &job)
{
    RolloutTreeNode node;
    node.kind = Kind::Job;
    node.name = job.metadata.name;
    node.status = job.analysisPhase();
    node.icon = PluginIcon::forAnalysis(node.status);
    node.created = job.metadata.creationTimestamp;
    node.images = job.podTemplate.images();
    return node;
}

RolloutTreeNode runNode(const AnalysisRun &run, const RolloutDetail &detail)
{
    RolloutTreeNode node;
    node.kind = Kind::AnalysisRun;
    node.name = run.metadata.name;
    node.status = run.phase;
    node.icon = PluginIcon::forAnalysis(run.phase);
    node.created = run.metadata.creationTimestamp;
    node.revision = runRevision(run);
    node.message = run.message;
    qint32 counts[4] = {0, 0, 0, 0}; // successful, failed, inconclusive, error
    for (const MetricResult &metric : run.metricResults) {
        counts[0] += metric.successful;
        counts[1] += metric.failed;
        counts[2] += metric.inconclusive;
        counts[3] += metric.error;
    }
    const char *icons[4]
        = {PluginIcon::ok, PluginIcon::bad, PluginIcon::unknown, PluginIcon::warning};
    for (int i = 0; i < 4; ++i) {
        if (counts[i] > 0)
            node.info.append(
                QStringLiteral("%1 %2").arg(QString::fromUtf8(icons[i])).arg(counts[i]));
    }
    for (const Job &job : detail.jobsByRunUid.value(run.metadata.uid)) {
        RolloutTreeNode jobEntry = jobNode(job);
        // Not in the plugin's tree (it lists the measurement), but what a person opens next.
        jobEntry.children = podNodes(detail.podsByJobUid.value(job.metadata.uid));
        node.children.append(jobEntry);
    }
    return node;
}

// getAnalysisRunInfo's order: newer revision first, then older first, then the later name.
QList<RolloutTreeNode> runNodes(QList<AnalysisRun> runs, const RolloutDetail &detail)
{
    std::sort(runs.begin(), runs.end(), [](const AnalysisRun &a, const AnalysisRun &b) {
        if (runRevision(a) != runRevision(b))
            return runRevision(a) > runRevision(b);
        if (a.metadata.creationTimestamp != b.metadata.creationTimestamp)
            return a.metadata.creationTimestamp < b.metadata.creationTimestamp;
        return a.metadata.name > b.metadata.name;
    });
    QList<RolloutTreeNode> nodes;
    for (const AnalysisRun &run : std::as_const(runs))
        nodes.append(runNode(run, detail));
    return nodes;
}

RolloutTreeNode experimentNode(const ExperimentDetail &entry, const RolloutDetail &detail,
                               const QDateTime &now)
{
    const Experiment &experiment = entry.experiment;
    RolloutTreeNode node;
    node.kind = Kind::Experiment;
    node.name = experiment.metadata.name;
    node.status = experiment.phase;
    node.icon = PluginIcon::forAnalysis(experiment.phase);
    node.created = experiment.metadata.creationTimestamp;
    node.revision = experiment.revision();
    node.message = experiment.message;
    for (const ReplicaSet &rs : ownedReplicaSets(entry.replicaSets, experiment.metadata.uid))
        node.children.append(replicaSetNode(rs, ReplicaSetTags {}, detail, now));
    node.children += runNodes(entry.analysisRuns, detail);
    return node;
}

} // namespace

RolloutTreeNode RolloutTree::build(const RolloutDetail &detail, const QDateTime &now)
{
    const Rollout &rollout = detail.rollout;
    RolloutTreeNode root;
    root.kind = Kind::Rollout;
    root.name = rollout.metadata.name;
    const RolloutPhaseInfo phase = rolloutPhase(rollout);
    root.status = phase.phase;
    root.message = phase.message;
    root.icon = PluginIcon::forRollout(phase.phase);
    root.created = rollout.metadata.creationTimestamp;

    QList<qint64> revisions;
    const auto note = [&](qint64 revision) {
        if (!revisions.contains(revision))
            revisions.append(revision);
    };
    for (const ReplicaSet &rs : detail.replicaSets)
        note(rs.revision());
    for (const ExperimentDetail &entry : detail.experiments)
        note(entry.experiment.revision());
    for (const AnalysisRun &run : detail.analysisRuns)
        note(runRevision(run));
    std::sort(revisions.begin(), revisions.end(), std::greater<qint64>());

    for (qint64 revision : std::as_const(revisions)) {
        RolloutTreeNode node;
        node.kind = Kind::Revision;
        node.name = QStringLiteral("revision:%1").arg(revision);
        node.revision = revision;
        for (const ReplicaSet &rs : detail.replicaSets) {
            if (rs.revision() == revision)
                node.children.append(replicaSetNode(rs, replicaSetTags(rollout, rs), detail, now));
        }
        for (const ExperimentDetail &entry : detail.experiments) {
            if (entry.experiment.revision() == revision)
                node.children.append(experimentNode(entry, detail, now));
        }
        QList<AnalysisRun> runs;
        for (const AnalysisRun &run : detail.analysisRuns) {
            if (runRevision(run) == revision)
                runs.append(run);
        }
        node.children += runNodes(runs, detail);
        root.children.append(node);
    }
    return root;
}

// mergeImageAndTags: one entry per image, its tags merged and sorted; entries by image.
static void mergeImage(QList<ImageInfo> &images, const QString &image, const QStringList &tags)
{
    auto it = std::find_if(images.begin(), images.end(),
                           [&](const ImageInfo &info) { return info.image == image; });
    if (it == images.end()) {
        images.append(ImageInfo {image, tags});
        it = images.end() - 1;
    } else {
        for (const QString &tag : tags) {
            if (!it->tags.contains(tag))
                it->tags.append(tag);
        }
    }
    it->tags.removeDuplicates();
    it->tags.sort();
    std::sort(images.begin(), images.end(),
              [](const ImageInfo &a, const ImageInfo &b) { return a.image < b.image; });
}

QList<ImageInfo> RolloutTree::experimentImages(const ExperimentDetail &experiment)
{
    QList<ImageInfo> images;
    for (const ReplicaSet &rs : experiment.replicaSets) {
        if (rs.replicas <= 0)
            continue;
        const QString name = experimentTemplateName(rs.metadata);
        const QStringList tags
            = name.isEmpty() ? QStringList() : QStringList {QStringLiteral("Σ:") + name};
        for (const QString &image : rs.podTemplate.images())
            mergeImage(images, image, tags);
    }
    return images;
}

QList<ImageInfo> RolloutTree::images(const RolloutDetail &detail)
{
    QList<ImageInfo> images = runningImages(detail.rollout, detail.replicaSets);
    for (const ExperimentDetail &experiment : detail.experiments) {
        for (const ImageInfo &image : experimentImages(experiment))
            mergeImage(images, image.image, image.tags);
    }
    return images;
}
