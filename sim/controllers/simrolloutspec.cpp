// SPDX-License-Identifier: GPL-3.0-or-later
#include "simrolloutspec.h"

#include "jsonutil.h"

#include <QStringList>

#include <algorithm>
#include <limits>

namespace rdsim {

namespace {

QString goQuoted(const QString &text)
{
    QString out = text;
    out.replace(u'\\', QLatin1String("\\\\"));
    out.replace(u'"', QLatin1String("\\\""));
    return u'"' + out + u'"';
}

QString boolText(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

// Go's %#v of a map[string]string, as Kubernetes prints an invalid labels value.
QString goMap(const QJsonObject &labels)
{
    QStringList parts;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        parts << goQuoted(it.key()) + u':' + goQuoted(it.value().toString());
    return QStringLiteral("map[string]string{") + parts.join(u',') + u'}';
}

} // namespace

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

QString RolloutSpec::validationError() const
{
    const QJsonValue replicasValue = m_spec.value(QLatin1String("replicas"));
    if (replicasValue.isDouble() && replicasValue.toInt() < 0)
        return QStringLiteral(
                   "spec.replicas: Invalid value: %1: must be greater than or equal to 0")
            .arg(replicasValue.toInt());

    const bool workloadRef = m_spec.contains(QLatin1String("workloadRef"));
    if (!workloadRef) {
        if (!m_spec.contains(QLatin1String("selector")))
            return QStringLiteral(
                "spec.selector: Required value: Rollout has missing field '.spec.selector'");
        const QJsonObject labels = selector().value(QLatin1String("matchLabels")).toObject();
        if (labels.isEmpty()
            && selector().value(QLatin1String("matchExpressions")).toArray().isEmpty())
            return QStringLiteral(
                "spec.selector: Invalid value: \"{}\": empty selector is invalid for deployment");
        const QJsonObject templateLabels = JsonUtil::objectAt(podTemplate(), "metadata.labels");
        for (auto it = labels.begin(); it != labels.end(); ++it) {
            if (templateLabels.value(it.key()) != it.value())
                return QStringLiteral("spec.template.metadata.labels: Invalid value: %1: "
                                      "`selector` does not match template `labels`")
                    .arg(goMap(templateLabels));
        }
        if (JsonUtil::arrayAt(podTemplate(), "spec.containers").isEmpty())
            return QStringLiteral("spec.template.spec.containers: Required value");
    }

    const bool canaryStrategy = isCanary();
    const bool blueGreenStrategy = isBlueGreen();
    if (!canaryStrategy && !blueGreenStrategy)
        return QStringLiteral("spec.strategy: Required value: Rollout has missing field "
                              "'.spec.strategy.canary or .spec.strategy.blueGreen'");
    if (canaryStrategy && blueGreenStrategy)
        return QStringLiteral("spec.strategy: Invalid value: \"blueGreen: true canary: true\": "
                              "Multiple Strategies can not be listed");

    if (blueGreenStrategy) {
        if (activeService() == previewService())
            return QStringLiteral("spec.strategy.activeService: Invalid value: %1: This rollout "
                                  "uses the same service for the active and preview services, but "
                                  "two different services are required.")
                .arg(goQuoted(activeService()));
        if (activeService().isEmpty())
            return QStringLiteral("spec.strategy.blueGreen.activeService: Required value: Rollout "
                                  "has missing field '.spec.strategy.blueGreen.activeService'");
        return {};
    }

    const QJsonObject c = canary();
    const bool trafficRouting = hasTrafficRouting();
    const auto rawValue = [](const QJsonValue &v) {
        // getIntOrPercentValue: "10%" counts as 10, a number as itself, anything else as 0.
        if (v.isDouble())
            return v.toInt();
        QString text = v.toString();
        if (text.endsWith(u'%'))
            text.chop(1);
        return text.toInt();
    };
    const QJsonValue surgeValue = c.value(QLatin1String("maxSurge"));
    const QJsonValue unavailableValue = c.value(QLatin1String("maxUnavailable"));
    if (!surgeValue.isUndefined() && !unavailableValue.isUndefined() && rawValue(surgeValue) == 0
        && rawValue(unavailableValue) == 0)
        return QStringLiteral("spec.strategy.maxSurge: Invalid value: %1: MaxSurge and "
                              "MaxUnavailable both can not be zero")
            .arg(surgeValue.isString() ? goQuoted(surgeValue.toString())
                                       : QString::number(surgeValue.toInt()));
    if (!canaryService().isEmpty() && canaryService() == stableService())
        return QStringLiteral("spec.strategy.stableService: Invalid value: %1: This rollout uses "
                              "the same service for the stable and canary services, but two "
                              "different services are required.")
            .arg(goQuoted(stableService()));
    if (trafficRouting && !JsonUtil::has(c, "trafficRouting.istio.destinationRule")
        && !c.contains(QLatin1String("pingPong"))) {
        if (stableService().isEmpty())
            return QStringLiteral(
                "spec.strategy.stableService: Invalid value: \"\": Canary service and Stable "
                "service must to be set to use Traffic Routing");
        if (canaryService().isEmpty())
            return QStringLiteral(
                "spec.strategy.canaryService: Invalid value: \"\": Canary service and Stable "
                "service must to be set to use Traffic Routing");
    }
    if (!trafficRouting && c.contains(QLatin1String("scaleDownDelaySeconds")))
        return QStringLiteral("spec.strategy.scaleDownDelaySeconds: Invalid value: %1: Canary "
                              "scaleDownDelaySeconds can only be used with traffic routing")
            .arg(c.value(QLatin1String("scaleDownDelaySeconds")).toInt());
    if (!trafficRouting && dynamicStableScale())
        return QStringLiteral("spec.strategy.dynamicStableScale: Invalid value: true: Canary "
                              "dynamicStableScale can only be used with traffic routing");

    const QJsonArray all = steps();
    for (int i = 0; i < all.size(); ++i) {
        const QJsonObject s = all.at(i).toObject();
        const QString path = QStringLiteral("spec.strategy.steps[%1]").arg(i);
        const bool setWeight = s.contains(QLatin1String("setWeight"));
        const bool pause = s.contains(QLatin1String("pause"));
        const bool experiment = s.contains(QLatin1String("experiment"));
        const bool analysis = s.contains(QLatin1String("analysis"));
        const int kinds = int(setWeight) + int(pause) + int(experiment) + int(analysis);
        const QString message = QStringLiteral("Step must have one of the following set: "
                                               "experiment, setWeight, setCanaryScale or pause");
        if (kinds > 1)
            return QStringLiteral("%1: Invalid value: \"step.Experiment: %2 step.Pause: %3 "
                                  "step.SetWeight: %4 step.Analysis: %5\": %6")
                .arg(path, boolText(experiment), boolText(pause), boolText(setWeight),
                     boolText(analysis), message);
        const bool scale = s.contains(QLatin1String("setCanaryScale"));
        const bool header = s.contains(QLatin1String("setHeaderRoute"));
        const bool mirror = s.contains(QLatin1String("setMirrorRoute"));
        if (kinds == 0 && !scale && !header && !mirror && !s.contains(QLatin1String("plugin")))
            return QStringLiteral("%1: Invalid value: \"step.Experiment: true step.Pause: true "
                                  "step.SetWeight: true step.Analysis: true step.SetCanaryScale: "
                                  "true step.SetHeaderRoute: true step.SetMirrorRoutes: true\": %2")
                .arg(path, message);
        if (setWeight) {
            const int weight = s.value(QLatin1String("setWeight")).toInt();
            if (weight < 0 || weight > 100)
                return QStringLiteral("%1.setWeight: Invalid value: %2: SetWeight needs to be "
                                      "between 0 and 100")
                    .arg(path)
                    .arg(weight);
        }
        if (pause) {
            const QJsonValue duration
                = s.value(QLatin1String("pause")).toObject().value(QLatin1String("duration"));
            if (!duration.isUndefined() && !duration.isNull() && durationSeconds(duration) < 0)
                return QStringLiteral("%1.pause.duration: Invalid value: %2: Duration needs to be "
                                      "greater than 0")
                    .arg(path)
                    .arg(durationSeconds(duration));
        }
        if (scale && !trafficRouting)
            return QStringLiteral("spec.strategy.trafficRouting: Required value: SetCanaryScale "
                                  "requires TrafficRouting to be set");
    }
    return {};
}

} // namespace rdsim
