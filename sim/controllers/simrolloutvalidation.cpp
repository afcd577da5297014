// SPDX-License-Identifier: GPL-3.0-or-later
// RolloutSpec::validationError(): the Argo Rollouts webhook's field errors, in the order the
// controller checks them, one function per part of the spec.
#include "simrolloutspec.h"

#include "jsonutil.h"

#include <QStringList>

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

// spec.replicas, and the selector and pod template unless a workloadRef supplies them.
QString workloadError(const RolloutSpec &spec)
{
    const QJsonObject &raw = spec.spec();
    const QJsonValue replicasValue = raw.value(QLatin1String("replicas"));
    if (replicasValue.isDouble() && replicasValue.toInt() < 0)
        return QStringLiteral(
                   "spec.replicas: Invalid value: %1: must be greater than or equal to 0")
            .arg(replicasValue.toInt());
    if (raw.contains(QLatin1String("workloadRef")))
        return {};
    if (!raw.contains(QLatin1String("selector")))
        return QStringLiteral(
            "spec.selector: Required value: Rollout has missing field '.spec.selector'");
    const QJsonObject labels = spec.selector().value(QLatin1String("matchLabels")).toObject();
    if (labels.isEmpty()
        && spec.selector().value(QLatin1String("matchExpressions")).toArray().isEmpty())
        return QStringLiteral(
            "spec.selector: Invalid value: \"{}\": empty selector is invalid for deployment");
    const QJsonObject templateLabels = JsonUtil::objectAt(spec.podTemplate(), "metadata.labels");
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        if (templateLabels.value(it.key()) != it.value())
            return QStringLiteral("spec.template.metadata.labels: Invalid value: %1: "
                                  "`selector` does not match template `labels`")
                .arg(goMap(templateLabels));
    }
    if (JsonUtil::arrayAt(spec.podTemplate(), "spec.containers").isEmpty())
        return QStringLiteral("spec.template.spec.containers: Required value");
    return {};
}

QString blueGreenError(const RolloutSpec &spec)
{
    if (spec.activeService() == spec.previewService())
        return QStringLiteral("spec.strategy.activeService: Invalid value: %1: This rollout "
                              "uses the same service for the active and preview services, but "
                              "two different services are required.")
            .arg(goQuoted(spec.activeService()));
    if (spec.activeService().isEmpty())
        return QStringLiteral("spec.strategy.blueGreen.activeService: Required value: Rollout "
                              "has missing field '.spec.strategy.blueGreen.activeService'");
    return {};
}

// getIntOrPercentValue: "10%" counts as 10, a number as itself, anything else as 0.
int rawIntOrPercent(const QJsonValue &v)
{
    if (v.isDouble())
        return v.toInt();
    QString text = v.toString();
    if (text.endsWith(u'%'))
        text.chop(1);
    return text.toInt();
}

// The canary strategy's fields apart from its steps.
QString canaryError(const RolloutSpec &spec)
{
    const QJsonObject c = spec.canary();
    const bool trafficRouting = spec.hasTrafficRouting();
    const QJsonValue surgeValue = c.value(QLatin1String("maxSurge"));
    const QJsonValue unavailableValue = c.value(QLatin1String("maxUnavailable"));
    if (!surgeValue.isUndefined() && !unavailableValue.isUndefined()
        && rawIntOrPercent(surgeValue) == 0 && rawIntOrPercent(unavailableValue) == 0)
        return QStringLiteral("spec.strategy.maxSurge: Invalid value: %1: MaxSurge and "
                              "MaxUnavailable both can not be zero")
            .arg(surgeValue.isString() ? goQuoted(surgeValue.toString())
                                       : QString::number(surgeValue.toInt()));
    if (!spec.canaryService().isEmpty() && spec.canaryService() == spec.stableService())
        return QStringLiteral("spec.strategy.stableService: Invalid value: %1: This rollout uses "
                              "the same service for the stable and canary services, but two "
                              "different services are required.")
            .arg(goQuoted(spec.stableService()));
    if (trafficRouting && !JsonUtil::has(c, "trafficRouting.istio.destinationRule")
        && !c.contains(QLatin1String("pingPong"))) {
        if (spec.stableService().isEmpty())
            return QStringLiteral(
                "spec.strategy.stableService: Invalid value: \"\": Canary service and Stable "
                "service must to be set to use Traffic Routing");
        if (spec.canaryService().isEmpty())
            return QStringLiteral(
                "spec.strategy.canaryService: Invalid value: \"\": Canary service and Stable "
                "service must to be set to use Traffic Routing");
    }
    if (!trafficRouting && c.contains(QLatin1String("scaleDownDelaySeconds")))
        return QStringLiteral("spec.strategy.scaleDownDelaySeconds: Invalid value: %1: Canary "
                              "scaleDownDelaySeconds can only be used with traffic routing")
            .arg(c.value(QLatin1String("scaleDownDelaySeconds")).toInt());
    if (!trafficRouting && spec.dynamicStableScale())
        return QStringLiteral("spec.strategy.dynamicStableScale: Invalid value: true: Canary "
                              "dynamicStableScale can only be used with traffic routing");
    return {};
}

// One canary step (spec.strategy.steps[index]).
QString stepError(const QJsonObject &s, int index, bool trafficRouting)
{
    const QString path = QStringLiteral("spec.strategy.steps[%1]").arg(index);
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
        const int seconds = RolloutSpec::durationSeconds(duration);
        if (!duration.isUndefined() && !duration.isNull() && seconds < 0)
            return QStringLiteral("%1.pause.duration: Invalid value: %2: Duration needs to be "
                                  "greater than 0")
                .arg(path)
                .arg(seconds);
    }
    if (scale && !trafficRouting)
        return QStringLiteral("spec.strategy.trafficRouting: Required value: SetCanaryScale "
                              "requires TrafficRouting to be set");
    return {};
}

} // namespace

QString RolloutSpec::validationError() const
{
    if (QString error = workloadError(*this); !error.isEmpty())
        return error;
    const bool canaryStrategy = isCanary();
    const bool blueGreenStrategy = isBlueGreen();
    if (!canaryStrategy && !blueGreenStrategy)
        return QStringLiteral("spec.strategy: Required value: Rollout has missing field "
                              "'.spec.strategy.canary or .spec.strategy.blueGreen'");
    if (canaryStrategy && blueGreenStrategy)
        return QStringLiteral("spec.strategy: Invalid value: \"blueGreen: true canary: true\": "
                              "Multiple Strategies can not be listed");
    if (blueGreenStrategy)
        return blueGreenError(*this);
    if (QString error = canaryError(*this); !error.isEmpty())
        return error;
    const QJsonArray all = steps();
    for (int i = 0; i < all.size(); ++i) {
        if (QString error = stepError(all.at(i).toObject(), i, hasTrafficRouting());
            !error.isEmpty())
            return error;
    }
    return {};
}

} // namespace rdsim
