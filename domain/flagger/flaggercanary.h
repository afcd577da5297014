// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "condition.h"
#include "objectmeta.h"
#include "stringmap.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

// flagger.app/v1beta1 Canary (fluxcd/flagger pkg/apis/flagger/v1beta1/canary.go, status.go):
// the part a release dashboard shows. Unset optional fields stay nullopt so the derived
// helpers (flaggerstrategy.h) can apply Flagger's own defaults and say so.

// targetRef, autoscalerRef, a metric's templateRef, an alert's providerRef.
struct FlaggerObjectRef
{
    QString apiVersion;
    QString kind;
    QString name;
    QString namespaceName; // only cross-namespace references carry one

    bool operator==(const FlaggerObjectRef &o) const
    {
        return name == o.name && namespaceName == o.namespaceName && kind == o.kind
            && apiVersion == o.apiVersion;
    }
    bool operator!=(const FlaggerObjectRef &o) const { return !(*this == o); }
};

// analysis.metrics[]: a built-in metric (request-success-rate, request-duration), an inline
// query or a MetricTemplate reference, checked against thresholdRange.
struct FlaggerMetric
{
    QString name;
    QString interval; // Go duration; unset means 1m
    std::optional<double> threshold; // deprecated: the built-ins' bound before thresholdRange
    std::optional<double> thresholdMin;
    std::optional<double> thresholdMax;
    QString query;
    FlaggerObjectRef templateRef; // name empty when the metric uses no template
    StringMap templateVariables;

    bool operator==(const FlaggerMetric &o) const;
    bool operator!=(const FlaggerMetric &o) const { return !(*this == o); }
};

// analysis.webhooks[]. type is one of rollout (the default when empty), pre-rollout,
// post-rollout, confirm-rollout, confirm-promotion, confirm-traffic-increase, rollback, event.
struct FlaggerWebhook
{
    QString type;
    QString name;
    QString url;
    QString timeout;
    bool muteAlert = false;
    qint32 retries = 0;
    bool disableTls = false;
    QStringList metadataKeys; // sorted; the values may hold commands or tokens, so only keys

    bool operator==(const FlaggerWebhook &o) const;
    bool operator!=(const FlaggerWebhook &o) const { return !(*this == o); }
};

// analysis.alerts[].
struct FlaggerAlert
{
    QString name;
    QString severity; // info, warn or error; empty means info
    FlaggerObjectRef providerRef;

    bool operator==(const FlaggerAlert &o) const
    {
        return name == o.name && severity == o.severity && providerRef == o.providerRef;
    }
    bool operator!=(const FlaggerAlert &o) const { return !(*this == o); }
};

// spec.analysis (or its deprecated alias spec.canaryAnalysis).
struct FlaggerAnalysis
{
    QString interval; // Go duration; unset or invalid means 60s, at least 10s
    qint32 iterations = 0; // > 0: blue/green, or A/B testing with match
    qint32 threshold = 0; // failed checks before rollback; <= 0 means 1
    qint32 maxWeight = 0; // 0 means 100
    qint32 stepWeight = 0;
    QList<qint32> stepWeights;
    qint32 stepWeightPromotion = 0;
    bool mirror = false;
    qint32 mirrorWeight = 0;
    std::optional<qint32> primaryReadyThreshold; // nullopt means 100
    std::optional<qint32> canaryReadyThreshold; // nullopt means 100
    qint32 matchCount = 0; // match[] entries (Istio HTTP match conditions)
    QList<FlaggerMetric> metrics;
    QList<FlaggerWebhook> webhooks;
    QList<FlaggerAlert> alerts;

    bool operator==(const FlaggerAnalysis &o) const;
    bool operator!=(const FlaggerAnalysis &o) const { return !(*this == o); }
};

struct FlaggerCanarySpec
{
    static constexpr qint32 defaultProgressDeadlineSeconds = 600;

    QString provider; // service mesh or ingress: istio, linkerd, nginx, kubernetes, ...
    FlaggerObjectRef targetRef;
    FlaggerObjectRef autoscalerRef;
    QString serviceName; // empty: the target's name
    qint32 servicePort = 0;
    QString servicePortName;
    std::optional<qint32> progressDeadlineSeconds;
    bool skipAnalysis = false;
    bool suspend = false;
    bool revertOnDeletion = false;
    std::optional<FlaggerAnalysis> analysis;
    // True when analysis came from spec.canaryAnalysis (spec.analysis wins when both are set,
    // as Flagger's GetAnalysis() decides).
    bool analysisFromDeprecatedAlias = false;

    qint32 effectiveProgressDeadlineSeconds() const
    {
        return progressDeadlineSeconds.value_or(defaultProgressDeadlineSeconds);
    }

    bool operator==(const FlaggerCanarySpec &o) const;
    bool operator!=(const FlaggerCanarySpec &o) const { return !(*this == o); }
};

struct FlaggerCanaryStatus
{
    QString phase; // Initializing, Initialized, Waiting, Progressing, WaitingPromotion, ...
    qint32 failedChecks = 0;
    qint32 canaryWeight = 0;
    qint32 iterations = 0;
    QDateTime lastTransitionTime;
    QString lastAppliedSpec; // a hash of the target's pod template
    QString lastPromotedSpec;
    qint32 trackedConfigsCount = 0; // ConfigMaps and Secrets Flagger tracks for changes
    QList<Condition> conditions; // type Promoted
    std::optional<qint64> observedGeneration; // not written by Flagger today

    bool operator==(const FlaggerCanaryStatus &o) const;
    bool operator!=(const FlaggerCanaryStatus &o) const { return !(*this == o); }
};

struct FlaggerCanary
{
    ObjectMeta metadata;
    FlaggerCanarySpec spec;
    FlaggerCanaryStatus status;

    bool isPhase(const char *phase) const { return status.phase == QLatin1String(phase); }

    bool operator==(const FlaggerCanary &o) const
    {
        return metadata == o.metadata && spec == o.spec && status == o.status;
    }
    bool operator!=(const FlaggerCanary &o) const { return !(*this == o); }
};

Q_DECLARE_METATYPE(FlaggerCanary)
