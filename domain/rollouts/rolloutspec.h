// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "intorstring.h"
#include "podtemplate.h"
#include "trafficroutingspec.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

// templates[] of an analysis step, background analysis or blue-green pre/post analysis.
struct AnalysisTemplateRef
{
    QString templateName;
    bool clusterScope = false;

    bool operator==(const AnalysisTemplateRef &o) const
    {
        return templateName == o.templateName && clusterScope == o.clusterScope;
    }
    bool operator!=(const AnalysisTemplateRef &o) const { return !(*this == o); }
};

// args[] of an analysis. valueFrom (secret, field or pod-template-hash reference) is kept as
// a flag: the dashboard shows "from <source>" rather than the reference itself.
struct AnalysisArg
{
    QString name;
    QString value;
    bool hasValueFrom = false;

    bool operator==(const AnalysisArg &o) const
    {
        return name == o.name && value == o.value && hasValueFrom == o.hasValueFrom;
    }
    bool operator!=(const AnalysisArg &o) const { return !(*this == o); }
};

// RolloutAnalysis: the shape shared by steps, background and blue-green analyses.
struct RolloutAnalysis
{
    QList<AnalysisTemplateRef> templates;
    QList<AnalysisArg> args;
    QStringList dryRunMetrics;

    bool operator==(const RolloutAnalysis &o) const
    {
        return templates == o.templates && args == o.args && dryRunMetrics == o.dryRunMetrics;
    }
    bool operator!=(const RolloutAnalysis &o) const { return !(*this == o); }
};

struct ExperimentTemplate
{
    QString name;
    QString specRef; // "stable" or "canary"
    std::optional<qint32> replicas;
    std::optional<qint32> weight;

    bool operator==(const ExperimentTemplate &o) const
    {
        return name == o.name && specRef == o.specRef && replicas == o.replicas
            && weight == o.weight;
    }
    bool operator!=(const ExperimentTemplate &o) const { return !(*this == o); }
};

struct ExperimentAnalysis
{
    QString name;
    QString templateName;
    bool clusterScope = false;
    bool requiredForCompletion = false;

    bool operator==(const ExperimentAnalysis &o) const
    {
        return name == o.name && templateName == o.templateName && clusterScope == o.clusterScope
            && requiredForCompletion == o.requiredForCompletion;
    }
    bool operator!=(const ExperimentAnalysis &o) const { return !(*this == o); }
};

struct ExperimentStep
{
    QList<ExperimentTemplate> templates;
    QList<ExperimentAnalysis> analyses;
    QString duration; // a Go duration string, empty = until analyses finish

    bool operator==(const ExperimentStep &o) const
    {
        return templates == o.templates && analyses == o.analyses && duration == o.duration;
    }
    bool operator!=(const ExperimentStep &o) const { return !(*this == o); }
};

struct SetCanaryScale
{
    std::optional<qint32> weight;
    std::optional<qint32> replicas;
    bool matchTrafficWeight = false;

    bool operator==(const SetCanaryScale &o) const
    {
        return weight == o.weight && replicas == o.replicas
            && matchTrafficWeight == o.matchTrafficWeight;
    }
    bool operator!=(const SetCanaryScale &o) const { return !(*this == o); }
};

// setHeaderRoute.match[]: headerValue has exactly one of exact, prefix, regex.
struct HeaderRouteMatch
{
    QString headerName;
    QString exact;
    QString prefix;
    QString regex;

    bool operator==(const HeaderRouteMatch &o) const
    {
        return headerName == o.headerName && exact == o.exact && prefix == o.prefix
            && regex == o.regex;
    }
    bool operator!=(const HeaderRouteMatch &o) const { return !(*this == o); }
};

// One spec.strategy.canary.steps[] entry. Exactly one member should be set; `kind` names
// the one CanaryStepString would render when several are (setWeight first, then pause,
// experiment, analysis, setCanaryScale, setHeaderRoute, setMirrorRoute, plugin).
struct RolloutStep
{
    enum class Kind : quint8 {
        Unknown,
        SetWeight,
        Pause,
        Experiment,
        Analysis,
        SetCanaryScale,
        SetHeaderRoute,
        SetMirrorRoute,
        Plugin,
    };

    Kind kind = Kind::Unknown;
    std::optional<qint32> setWeight;
    bool hasPause = false;
    IntOrString pauseDuration; // Unset: an indefinite pause
    std::optional<ExperimentStep> experiment;
    std::optional<RolloutAnalysis> analysis;
    std::optional<SetCanaryScale> setCanaryScale;
    bool hasHeaderRoute = false;
    bool hasMirrorRoute = false;
    bool hasPlugin = false;
    QString routeName; // setHeaderRoute.name, setMirrorRoute.name or plugin.name
    QList<HeaderRouteMatch> headerMatches;
    std::optional<qint32> mirrorPercentage;
    QList<MirrorRouteMatch> mirrorMatches;
    QByteArray pluginConfig; // plugin.config as compact JSON text

    bool operator==(const RolloutStep &o) const;
    bool operator!=(const RolloutStep &o) const { return !(*this == o); }
};

struct CanaryStrategy
{
    QList<RolloutStep> steps;
    QString canaryService;
    QString stableService;
    bool hasTrafficRouting = false;
    QStringList trafficRouters; // provider keys under trafficRouting: "istio", "nginx", ...
    TrafficRoutingSpec trafficRouting; // the routers' objects (trafficroutingdecoder.cpp)
    std::optional<qint32> maxTrafficWeight; // nil means 100
    bool hasBackgroundAnalysis = false;
    RolloutAnalysis backgroundAnalysis;
    std::optional<qint32> backgroundAnalysisStartingStep;
    bool hasPingPong = false;
    PingPongSpec pingPong;
    IntOrString maxSurge;
    IntOrString maxUnavailable;

    qint32 effectiveMaxTrafficWeight() const { return maxTrafficWeight.value_or(100); }

    bool operator==(const CanaryStrategy &o) const;
    bool operator!=(const CanaryStrategy &o) const { return !(*this == o); }
};

struct BlueGreenStrategy
{
    QString activeService;
    QString previewService;
    std::optional<bool> autoPromotionEnabled; // nil means true
    qint32 autoPromotionSeconds = 0;
    std::optional<qint32> previewReplicaCount;
    std::optional<qint32> scaleDownDelaySeconds;
    std::optional<RolloutAnalysis> prePromotionAnalysis;
    std::optional<RolloutAnalysis> postPromotionAnalysis;

    bool isAutoPromotionEnabled() const { return autoPromotionEnabled.value_or(true); }

    bool operator==(const BlueGreenStrategy &o) const;
    bool operator!=(const BlueGreenStrategy &o) const { return !(*this == o); }
};

struct WorkloadRef
{
    QString apiVersion;
    QString kind;
    QString name;

    bool isSet() const { return !kind.isEmpty() || !name.isEmpty(); }

    bool operator==(const WorkloadRef &o) const
    {
        return apiVersion == o.apiVersion && kind == o.kind && name == o.name;
    }
    bool operator!=(const WorkloadRef &o) const { return !(*this == o); }
};

struct RolloutSpec
{
    std::optional<qint32> replicas; // nil means 1 (defaults.GetReplicasOrDefault)
    bool paused = false;
    QDateTime restartAt;
    WorkloadRef workloadRef;
    std::optional<qint32> progressDeadlineSeconds;
    bool progressDeadlineAbort = false;
    // spec.strategy holds one of these; a broken spec may hold both or none.
    std::optional<CanaryStrategy> canary;
    std::optional<BlueGreenStrategy> blueGreen;
    PodTemplate podTemplate;

    qint32 desiredReplicas() const { return replicas.value_or(1); }

    bool operator==(const RolloutSpec &o) const;
    bool operator!=(const RolloutSpec &o) const { return !(*this == o); }
};

Q_DECLARE_METATYPE(RolloutStep)
Q_DECLARE_METATYPE(RolloutSpec)
