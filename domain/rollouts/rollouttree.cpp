// SPDX-License-Identifier: GPL-3.0-or-later
#include "rollouttree.h"

#include "durationparser.h"
#include "rolloutstatus.h"

#include <algorithm>

using Kind = RolloutTreeNode::Kind;

QString PluginIcon::forRollout(const QString &phase)
{
    if (phase == QLatin1String("Progressing"))
        return QString::fromUtf8(progressing);
    if (phase == QLatin1String("Error") || phase == QLatin1String("InvalidSpec"))
        return QString::fromUtf8(warning);
    if (phase == QLatin1String("Paused"))
        return QString::fromUtf8(paused);
    if (phase == QLatin1String("Healthy"))
        return QString::fromUtf8(ok);
    if (phase == QLatin1String("Degraded"))
        return QString::fromUtf8(bad);
    if (phase == QLatin1String("Unknown"))
        return QString::fromUtf8(unknown);
    if (phase == QLatin1String("ScaledDown"))
        return QString::fromUtf8(neutral);
    return QStringLiteral(" ");
}

QString PluginIcon::forReplicaSet(const QString &health)
{
    if (health == QLatin1String("Progressing"))
        return QString::fromUtf8(progressing);
    if (health == QLatin1String("Healthy"))
        return QString::fromUtf8(ok);
    if (health == QLatin1String("ReplicaFailure"))
        return QString::fromUtf8(bad);
    if (health == QLatin1String("ScaledDown"))
        return QString::fromUtf8(neutral);
    return QStringLiteral(" ");
}

QString PluginIcon::forPod(const QString &status)
{
    if (status.startsWith(QLatin1String("Init:")))
        return QString::fromUtf8(progressing);
    if (status.startsWith(QLatin1String("Signal:"))
        || status.startsWith(QLatin1String("ExitCode:")))
        return QString::fromUtf8(bad);
    // The kubelet's error reasons (ErrImagePull, CreateContainerConfigError, ...).
    if (status.endsWith(QLatin1String("Error")) || status.startsWith(QLatin1String("Err")))
        return QString::fromUtf8(warning);
    static const QStringList progressingWords {"Pending", "Terminating", "ContainerCreating"};
    static const QStringList okWords {"Running", "Completed"};
    static const QStringList badWords {"Failed", "InvalidImageName", "CrashLoopBackOff"};
    static const QStringList warningWords {"ImagePullBackOff", "RegistryUnavailable"};
    if (progressingWords.contains(status))
        return QString::fromUtf8(progressing);
    if (okWords.contains(status))
        return QString::fromUtf8(ok);
    if (badWords.contains(status))
        return QString::fromUtf8(bad);
    if (warningWords.contains(status))
        return QString::fromUtf8(warning);
    if (status == QLatin1String("Unknown"))
        return QString::fromUtf8(unknown);
    return QStringLiteral(" ");
}

QString PluginIcon::forAnalysis(const QString &phase)
{
    if (phase == QLatin1String("Successful"))
        return QString::fromUtf8(ok);
    if (phase == QLatin1String("Inconclusive"))
        return QString::fromUtf8(unknown);
    if (phase == QLatin1String("Failed"))
        return QString::fromUtf8(bad);
    if (phase == QLatin1String("Error"))
        return QString::fromUtf8(warning);
    if (phase == QLatin1String("Running"))
        return QString::fromUtf8(progressing);
    if (phase == QLatin1String("Pending"))
        return QString::fromUtf8(waiting);
    return QStringLiteral(" ");
}

namespace {
struct IconWords
{
    const char *icon;
    const char *word;
    const char *text;
};
// The icons' names in info/info.go, and what each says to a person.
const IconWords iconWords[] = {
    {PluginIcon::waiting, "waiting", QT_TRANSLATE_NOOP("RolloutTree", "waiting to start")},
    {PluginIcon::progressing, "progressing", QT_TRANSLATE_NOOP("RolloutTree", "in progress")},
    {PluginIcon::warning, "warning", QT_TRANSLATE_NOOP("RolloutTree", "error")},
    {PluginIcon::unknown, "unknown", QT_TRANSLATE_NOOP("RolloutTree", "inconclusive or unknown")},
    {PluginIcon::ok, "ok", QT_TRANSLATE_NOOP("RolloutTree", "succeeded or healthy")},
    {PluginIcon::bad, "bad", QT_TRANSLATE_NOOP("RolloutTree", "failed")},
    {PluginIcon::paused, "paused", QT_TRANSLATE_NOOP("RolloutTree", "paused")},
    {PluginIcon::neutral, "neutral", QT_TRANSLATE_NOOP("RolloutTree", "scaled down")},
};
} // namespace

QString PluginIcon::meaning(const QString &icon)
{
    for (const IconWords &words : iconWords) {
        if (icon == QString::fromUtf8(words.icon))
            return QLatin1String(words.word);
    }
    return QStringLiteral("none");
}

QString PluginIcon::meaningText(const QString &icon)
{
    for (const IconWords &words : iconWords) {
        if (icon == QString::fromUtf8(words.icon))
            return RolloutTree::tr(words.text);
    }
    return RolloutTree::tr("no status");
}

QString RolloutTreeNode::kindName() const
{
    switch (kind) {
    case Kind::Rollout:
        return QStringLiteral("Rollout");
    case Kind::Revision:
        return QString();
    case Kind::ReplicaSet:
        return QStringLiteral("ReplicaSet");
    case Kind::Pod:
        return QStringLiteral("Pod");
    case Kind::Experiment:
        return QStringLiteral("Experiment");
    case Kind::AnalysisRun:
        return QStringLiteral("AnalysisRun");
    case Kind::Job:
        return QStringLiteral("Job");
    }
    return QString();
}

namespace {
const Experiment *currentExperiment(const RolloutDetail &detail)
{
    const QString &name = detail.rollout.status.currentExperiment;
    for (const ExperimentDetail &entry : detail.experiments) {
        if (!name.isEmpty() && entry.experiment.metadata.name == name)
            return &entry.experiment;
    }
    return nullptr;
}
} // namespace

QString RolloutTree::experimentStepState(const RolloutDetail &detail, const QDateTime &now)
{
    qint32 index = -1;
    const RolloutStep *step = currentCanaryStep(detail.rollout, &index);
    if (!step || !step->experiment)
        return QString();
    const QString where
        = tr("Step %1 of %2").arg(index + 1).arg(detail.rollout.spec.canary->steps.size());
    const Experiment *experiment = currentExperiment(detail);
    if (!experiment)
        return tr("%1: the experiment has not been created yet").arg(where);
    if (experiment->isCompleted() || experiment->phase == QLatin1String("Pending")
        || experiment->phase.isEmpty()) {
        const QString phase
            = experiment->phase.isEmpty() ? QStringLiteral("Pending") : experiment->phase;
        return tr("%1: experiment %2 is %3").arg(where, experiment->metadata.name, phase);
    }
    // The controller ends the templates once they have been available for the duration
    // (availableAt + duration); without one, they run until the analyses finish.
    const std::optional<qint64> duration = parseGoDuration(experiment->duration);
    if (!duration || !experiment->availableAt.isValid())
        return tr("%1: experiment %2 is running until its analyses finish")
            .arg(where, experiment->metadata.name);
    const qint64 ranMs = experiment->availableAt.msecsTo(now);
    const qint64 leftMs = *duration / 1000000 - ranMs;
    return tr("%1: experiment %2 has run %3 of %4, %5 left")
        .arg(where, experiment->metadata.name, humanDuration(std::max<qint64>(ranMs, 0)),
             compactDuration(*duration / 1000000), humanDuration(std::max<qint64>(leftMs, 0)));
}
