// SPDX-License-Identifier: GPL-3.0-or-later
// A Flagger canary's row (issue 16): the same columns and status words as a Rollout's, so one
// filter, one sort and one colour scheme serve every progressive-delivery kind. The mapping of
// Flagger's phases to those words is docs/flagger.md.
#include "fleetrow.h"

#include "flaggerstatus.h"
#include "flaggerstrategy.h"

namespace {

// The Strategy column's key (FleetModel::strategyText translates it).
QString strategyKey(const FlaggerCanary &canary)
{
    switch (flaggerStrategy(canary)) {
    case FlaggerStrategy::ABTesting:
        return QStringLiteral("FlaggerABTesting");
    case FlaggerStrategy::BlueGreen:
        return QStringLiteral("FlaggerBlueGreen");
    case FlaggerStrategy::Canary:
        break;
    }
    return usesMirroring(canary) ? QStringLiteral("FlaggerMirroring")
                                 : QStringLiteral("FlaggerCanary");
}

// Images with their roles as a Rollout row tags them: the primary serves the stable version,
// the target the version under analysis (only while it runs pods).
void addImages(FleetRow *row, const Deployment *primary, const Deployment *target)
{
    const auto add = [row](const QString &image, const QString &tag) {
        const qsizetype at = row->images.indexOf(image);
        if (at < 0) {
            row->images.append(image);
            row->imageTags.append(tag);
        } else if (!row->imageTags[at].split(QLatin1Char(',')).contains(tag)) {
            row->imageTags[at] += QLatin1Char(',') + tag;
        }
    };
    if (primary) {
        for (const QString &image : primary->podTemplate.images())
            add(image, QStringLiteral("stable"));
    }
    if (target && target->specReplicas.value_or(1) > 0) {
        for (const QString &image : target->podTemplate.images())
            add(image, QStringLiteral("canary"));
    }
}

void addReplicas(FleetRow *row, const Deployment *deployment)
{
    if (!deployment)
        return;
    row->desired += deployment->specReplicas.value_or(1);
    row->ready += deployment->readyReplicas;
    row->updated += deployment->updatedReplicas;
    row->available += deployment->availableReplicas;
}

} // namespace

FleetRow FleetRow::fromFlaggerCanary(const QString &environment, const FlaggerCanary &canary,
                                     const Deployment *target, const Deployment *primary)
{
    FleetRow row;
    row.environment = environment;
    row.kind = Kind::FlaggerCanary;
    row.canary = std::make_shared<const FlaggerCanary>(canary);
    const RolloutPhaseInfo phase = FlaggerStatus::phase(canary);
    row.phase = phase.phase;
    row.message = phase.message;
    row.health = healthOf(phase.phase);
    // Suspended or held by a confirm gate: a person decides what happens next.
    row.attention = row.health == Health::Degraded         ? Attention::Failure
        : FlaggerStatus::wait(canary) != FlaggerWait::None ? Attention::WaitingForPerson
                                                           : Attention::None;
    row.requiresAttention = row.attention != Attention::None;
    row.strategy = strategyKey(canary);
    row.step = FlaggerStatus::stepString(canary);
    const qint32 weight = FlaggerStatus::routedWeight(canary);
    if (weight > 0 || canary.status.phase == QLatin1String("Progressing")) {
        row.setWeight = weight;
        row.actualWeight = weight; // Flagger sets the router's weights itself
    }
    if (primary)
        row.revision = primary->metadata.annotations
                           .value(QStringLiteral("deployment.kubernetes.io/revision"))
                           .toLongLong();
    addImages(&row, primary, target);
    if (row.images.isEmpty() && target) // not initialised yet: what the target asks for
        row.images = target->podTemplate.images();
    addReplicas(&row, primary);
    if (target && target->specReplicas.value_or(1) > 0)
        addReplicas(&row, target); // the version under analysis runs pods
    return row;
}
