// SPDX-License-Identifier: GPL-3.0-or-later
// FleetStore's Flagger canary detail (issue 16): the canary's row, the Deployments it manages
// (which have no rows of their own) with their ReplicaSets and pods, and the events.
#include "fleetstore.h"

#include <algorithm>

namespace {

// Newest first, as the other details order them; at most `limit`, each event once.
QList<Event> mergedEvents(QList<Event> events, int limit)
{
    std::sort(events.begin(), events.end(), [](const Event &a, const Event &b) {
        if (a.lastSeen() != b.lastSeen())
            return a.lastSeen() > b.lastSeen();
        return a.metadata.name < b.metadata.name;
    });
    events.erase(std::unique(events.begin(), events.end(),
                             [](const Event &a, const Event &b) {
                                 return a.metadata.uid == b.metadata.uid;
                             }),
                 events.end());
    if (events.size() > limit)
        events.resize(limit);
    return events;
}

} // namespace

FlaggerCanaryDetail FleetStore::canaryDetail(const QString &environment, const QString &uid) const
{
    FlaggerCanaryDetail detail;
    detail.environment = environment;
    const EnvironmentStore *store = this->environment(environment);
    const EnvironmentStore::RowPtr row = store && !uid.isEmpty() ? store->canaryRow(uid) : nullptr;
    if (!row || !row->canary)
        return detail;
    detail.canary = *row->canary;
    detail.phase = row->phase;
    detail.message = row->message;
    detail.strategy = row->strategy;
    detail.environmentColour = colourOf(environment);
    detail.staleSince = store->staleSince();
    detail.staleReason = store->staleReason();

    const QString &ns = detail.canary.metadata.namespaceName;
    const QString &target = detail.canary.spec.targetRef.name;
    const auto detailOf = [&](const QString &name) {
        const std::shared_ptr<const Deployment> deployment = store->deployment(ns, name);
        if (!deployment || target.isEmpty())
            return DeploymentDetail();
        return deploymentDetailOf(environment, *store,
                                  FleetRow::fromDeployment(environment, *deployment));
    };
    detail.primary = detailOf(target + QStringLiteral("-primary"));
    detail.target = detailOf(target);

    QList<Event> events = store->objects().eventsAbout({uid}, FlaggerCanaryDetail::maxEvents);
    events += detail.primary.events;
    events += detail.target.events;
    detail.events = mergedEvents(std::move(events), FlaggerCanaryDetail::maxEvents);
    detail.notices = detail.primary.isValid() ? detail.primary.notices : detail.target.notices;
    return detail;
}
