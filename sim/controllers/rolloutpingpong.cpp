// SPDX-License-Identifier: GPL-3.0-or-later
#include "rolloutpingpong.h"

#include "jsonutil.h"
#include "rolloutreconciler.h"

namespace rdsim::PingPong {

namespace {

bool stableIsPing(const RolloutReconciler &r)
{
    return JsonUtil::stringAt(r.status.original, "canary.stablePingPong") == QLatin1String("ping");
}

} // namespace

bool enabled(const RolloutReconciler &r)
{
    return r.spec.isCanary() && r.spec.canary().contains(QLatin1String("pingPong"));
}

std::pair<QString, QString> services(const RolloutReconciler &r)
{
    if (!enabled(r))
        return {r.spec.stableService(), r.spec.canaryService()};
    const QString ping = JsonUtil::stringAt(r.spec.canary(), "pingPong.pingService");
    const QString pong = JsonUtil::stringAt(r.spec.canary(), "pingPong.pongService");
    return stableIsPing(r) ? std::pair {ping, pong} : std::pair {pong, ping};
}

void flipOnPromotion(const RolloutReconciler &r, RolloutStatus &next)
{
    if (!enabled(r) || next.stableRS == next.currentPodHash)
        return;
    QJsonObject canary = next.original.value(QLatin1String("canary")).toObject();
    canary.insert(QStringLiteral("stablePingPong"),
                  stableIsPing(r) ? QStringLiteral("pong") : QStringLiteral("ping"));
    next.original.insert(QStringLiteral("canary"), canary);
}

} // namespace rdsim::PingPong
