// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace rdsim {

// Read access to a Rollout's spec with Argo Rollouts' defaults applied (replicas 1,
// maxSurge/maxUnavailable 25%, scaleDownDelaySeconds 30, revisionHistoryLimit 10, ...), plus
// the step labels and duration parsing the controller and its events use.
class RolloutSpec
{
public:
    explicit RolloutSpec(const QJsonObject &rollout);

    const QJsonObject &spec() const { return m_spec; }
    int replicas() const;
    bool paused() const;
    bool isCanary() const
    {
        return m_spec.value(QLatin1String("strategy")).toObject().contains(QLatin1String("canary"));
    }
    bool isBlueGreen() const
    {
        return m_spec.value(QLatin1String("strategy"))
            .toObject()
            .contains(QLatin1String("blueGreen"));
    }
    QJsonObject canary() const;
    QJsonObject blueGreen() const;
    QJsonObject podTemplate() const { return m_spec.value(QLatin1String("template")).toObject(); }
    QJsonObject selector() const { return m_spec.value(QLatin1String("selector")).toObject(); }
    // "app=web,tier=front" as metav1.FormatLabelSelector writes matchLabels.
    QString selectorString() const;
    QString restartAt() const { return m_spec.value(QLatin1String("restartAt")).toString(); }
    int minReadySeconds() const { return m_spec.value(QLatin1String("minReadySeconds")).toInt(); }
    int revisionHistoryLimit() const;

    QJsonArray steps() const;
    int stepCount() const { return int(steps().size()); }
    QJsonObject step(int index) const;
    bool hasTrafficRouting() const;
    bool dynamicStableScale() const;
    int maxTrafficWeight() const;
    int maxSurge() const;
    int maxUnavailable() const;
    int scaleDownDelaySeconds() const;
    int scaleDownDelayRevisionLimit() const;
    // nullopt when the strategy does not delay scale-down on abort (basic canary).
    std::optional<int> abortScaleDownDelaySeconds() const;
    QString canaryService() const;
    QString stableService() const;

    // Blue-green.
    QString activeService() const;
    QString previewService() const;
    bool autoPromotionEnabled() const;
    int autoPromotionSeconds() const;
    std::optional<int> previewReplicaCount() const;

    // The first field error of the spec, in the text Kubernetes' field.Error prints
    // ("spec.strategy: Invalid value: ...: Multiple Strategies can not be listed"); empty
    // when the spec is valid. Missing analysis templates are checked by the controller.
    QString validationError() const;

    // A pause duration in seconds: an integer, or a string such as "30", "90s", "1h30m"; -1
    // when unparseable.
    static int durationSeconds(const QJsonValue &duration);
    // rolloututil.CanaryStepString: "setWeight: 20", "pause: 30s", "analysis", ...
    static QString stepString(const QJsonObject &step);

private:
    QJsonObject m_spec;
};

} // namespace rdsim
