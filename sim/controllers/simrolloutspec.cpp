// SPDX-License-Identifier: GPL-3.0-or-later
#include "simrolloutspec.h"

#include "jsonutil.h"

#include <QStringList>

#include <algorithm>
#include <limits>

namespace rdsim {

RolloutSpec::RolloutSpec(const QJsonObject &rollout) :
    m_spec(rollout.value(QLatin1String("spec")).toObject())
{ }

int RolloutSpec::replicas() const
{
    const QJsonValue value = m_spec.value(QLatin1String("replicas"));
    return value.isDouble() ? value.toInt() : 1;
}

bool RolloutSpec::paused() const
{
    return m_spec.value(QLatin1String("paused")).toBool();
}

QJsonObject RolloutSpec::canary() const
{
    return JsonUtil::objectAt(m_spec, "strategy.canary");
}

QJsonObject RolloutSpec::blueGreen() const
{
    return JsonUtil::objectAt(m_spec, "strategy.blueGreen");
}

QString RolloutSpec::selectorString() const
{
    const QJsonObject labels = selector().value(QLatin1String("matchLabels")).toObject();
    QStringList parts;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        parts << it.key() + u'=' + it.value().toString();
    return parts.join(u',');
}

int RolloutSpec::revisionHistoryLimit() const
{
    const QJsonValue value = m_spec.value(QLatin1String("revisionHistoryLimit"));
    return value.isDouble() ? value.toInt() : 10;
}

QJsonArray RolloutSpec::steps() const
{
    return canary().value(QLatin1String("steps")).toArray();
}

QJsonObject RolloutSpec::step(int index) const
{
    const QJsonArray all = steps();
    return index >= 0 && index < all.size() ? all.at(index).toObject() : QJsonObject();
}

bool RolloutSpec::hasTrafficRouting() const
{
    return isCanary() && canary().contains(QLatin1String("trafficRouting"));
}

bool RolloutSpec::dynamicStableScale() const
{
    return canary().value(QLatin1String("dynamicStableScale")).toBool();
}

int RolloutSpec::maxTrafficWeight() const
{
    const QJsonValue value = JsonUtil::at(canary(), "trafficRouting.maxTrafficWeight");
    return value.isDouble() ? value.toInt() : 100;
}

int RolloutSpec::maxSurge() const
{
    const QJsonObject strategy = isBlueGreen() ? blueGreen() : canary();
    const int surge = JsonUtil::intOrPercent(strategy.value(QLatin1String("maxSurge")), replicas(),
                                             true, (replicas() * 25 + 99) / 100);
    return std::max(0, surge);
}

int RolloutSpec::maxUnavailable() const
{
    const QJsonObject strategy = isBlueGreen() ? blueGreen() : canary();
    int unavailable = JsonUtil::intOrPercent(strategy.value(QLatin1String("maxUnavailable")),
                                             replicas(), false, replicas() * 25 / 100);
    // resolveFenceposts: both zero would deadlock, so one pod may be unavailable.
    if (unavailable == 0 && maxSurge() == 0)
        unavailable = 1;
    return std::clamp(unavailable, 0, replicas());
}

int RolloutSpec::scaleDownDelaySeconds() const
{
    const QJsonObject strategy = isBlueGreen() ? blueGreen() : canary();
    const QJsonValue value = strategy.value(QLatin1String("scaleDownDelaySeconds"));
    return value.isDouble() ? value.toInt() : 30;
}

int RolloutSpec::scaleDownDelayRevisionLimit() const
{
    const QJsonObject strategy = isBlueGreen() ? blueGreen() : canary();
    const QJsonValue value = strategy.value(QLatin1String("scaleDownDelayRevisionLimit"));
    return value.isDouble() ? value.toInt() : std::numeric_limits<int>::max();
}

std::optional<int> RolloutSpec::abortScaleDownDelaySeconds() const
{
    // Only blue-green and traffic-routed canaries keep the aborted pods around for a while;
    // a basic canary must scale them away at once because its Service reaches them.
    if (!isBlueGreen() && !hasTrafficRouting())
        return std::nullopt;
    const QJsonObject strategy = isBlueGreen() ? blueGreen() : canary();
    const QJsonValue value = strategy.value(QLatin1String("abortScaleDownDelaySeconds"));
    if (!value.isDouble())
        return 30;
    if (value.toInt() == 0)
        return std::nullopt;
    return value.toInt();
}

QString RolloutSpec::canaryService() const
{
    return canary().value(QLatin1String("canaryService")).toString();
}

QString RolloutSpec::stableService() const
{
    return canary().value(QLatin1String("stableService")).toString();
}

QString RolloutSpec::activeService() const
{
    return blueGreen().value(QLatin1String("activeService")).toString();
}

QString RolloutSpec::previewService() const
{
    return blueGreen().value(QLatin1String("previewService")).toString();
}

bool RolloutSpec::autoPromotionEnabled() const
{
    const QJsonValue value = blueGreen().value(QLatin1String("autoPromotionEnabled"));
    return value.isBool() ? value.toBool() : true;
}

int RolloutSpec::autoPromotionSeconds() const
{
    return blueGreen().value(QLatin1String("autoPromotionSeconds")).toInt();
}

std::optional<int> RolloutSpec::previewReplicaCount() const
{
    const QJsonValue value = blueGreen().value(QLatin1String("previewReplicaCount"));
    if (!value.isDouble())
        return std::nullopt;
    return value.toInt();
}

int RolloutSpec::durationSeconds(const QJsonValue &duration)
{
    if (duration.isDouble())
        return duration.toInt();
    const QString text = duration.toString().trimmed();
    bool ok = false;
    const int plain = text.toInt(&ok);
    if (ok)
        return plain;
    // Go's time.ParseDuration: a sequence of decimal numbers, each with a unit.
    static const std::pair<const char *, double> units[] = {
        {"ns", 1e-9}, {"us", 1e-6}, {"µs", 1e-6}, {"ms", 1e-3}, {"s", 1}, {"m", 60}, {"h", 3600}};
    double total = 0;
    qsizetype i = 0;
    if (text.isEmpty())
        return -1;
    while (i < text.size()) {
        const qsizetype start = i;
        while (i < text.size() && (text.at(i).isDigit() || text.at(i) == u'.'))
            ++i;
        if (i == start)
            return -1;
        const double number = text.mid(start, i - start).toDouble(&ok);
        if (!ok)
            return -1;
        bool matched = false;
        for (const auto &[unit, scale] : units) {
            const QString u = QString::fromUtf8(unit);
            if (text.mid(i, u.size()) == u
                && !(u == QLatin1String("m") && text.mid(i, 2) == QLatin1String("ms"))) {
                total += number * scale;
                i += u.size();
                matched = true;
                break;
            }
        }
        if (!matched)
            return -1;
    }
    return int(total);
}

QString RolloutSpec::stepString(const QJsonObject &step)
{
    if (step.contains(QLatin1String("setWeight")))
        return QStringLiteral("setWeight: %1").arg(step.value(QLatin1String("setWeight")).toInt());
    if (step.contains(QLatin1String("pause"))) {
        const QJsonValue duration
            = step.value(QLatin1String("pause")).toObject().value(QLatin1String("duration"));
        if (duration.isUndefined() || duration.isNull())
            return QStringLiteral("pause");
        return QStringLiteral("pause: ")
            + (duration.isDouble() ? QString::number(duration.toInt()) : duration.toString());
    }
    if (step.contains(QLatin1String("experiment")))
        return QStringLiteral("experiment");
    if (step.contains(QLatin1String("analysis")))
        return QStringLiteral("analysis");
    if (step.contains(QLatin1String("setCanaryScale"))) {
        const QJsonObject scale = step.value(QLatin1String("setCanaryScale")).toObject();
        if (scale.contains(QLatin1String("weight")))
            return QStringLiteral("setCanaryScale{weight: %1}")
                .arg(scale.value(QLatin1String("weight")).toInt());
        if (scale.value(QLatin1String("matchTrafficWeight")).toBool())
            return QStringLiteral("setCanaryScale{matchTrafficWeight: true}");
        if (scale.contains(QLatin1String("replicas")))
            return QStringLiteral("setCanaryScale{replicas: %1}")
                .arg(scale.value(QLatin1String("replicas")).toInt());
    }
    if (step.contains(QLatin1String("setHeaderRoute")))
        return QStringLiteral("setHeaderRoute: ") + JsonUtil::stringAt(step, "setHeaderRoute.name");
    if (step.contains(QLatin1String("setMirrorRoute")))
        return QStringLiteral("setMirrorRoute: ") + JsonUtil::stringAt(step, "setMirrorRoute.name");
    if (step.contains(QLatin1String("plugin")))
        return QStringLiteral("plugin: ") + JsonUtil::stringAt(step, "plugin.name");
    return QStringLiteral("invalid");
}

} // namespace rdsim
