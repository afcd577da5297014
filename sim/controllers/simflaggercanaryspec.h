// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace rdsim {

// What the Flagger controller reads from a Canary (flagger.app/v1beta1), with Flagger's
// defaults and its deprecated `spec.canaryAnalysis` alias. Every number is bounded, so a
// hostile manifest cannot make the controller loop or overflow; readProblem() names what it
// refused, which the controller reports as an Event instead of acting.
struct FlaggerCanarySpec
{
    struct Metric
    {
        QString name; // "request-success-rate", "request-duration" or the author's
        QString query; // inline PromQL
        QString templateName; // templateRef
        QString templateNamespace;
        std::optional<double> min; // thresholdRange
        std::optional<double> max;
        std::optional<double> threshold; // deprecated single threshold
        qint64 intervalMs = 60000; // the query's window, default 1m
    };
    struct Webhook
    {
        QString type; // "" = rollout
        QString name;
        QString url;
    };

    QString targetKind; // Deployment (the only kind simulated)
    QString targetName;
    QString provider; // "" = the controller's mesh provider
    QString serviceName; // the apex Service: spec.service.name, else the target's name
    int servicePort = 80;
    bool suspend = false;
    bool skipAnalysis = false;
    qint64 intervalMs = 60000;
    int threshold = 1;
    int maxWeight = 0; // 0 = unset
    int stepWeight = 0;
    QList<int> stepWeights;
    int stepWeightPromotion = 0;
    int iterations = 0;
    bool mirror = false;
    bool hasMatch = false; // A/B testing
    QList<Metric> metrics;
    QList<Webhook> webhooks;
    QString problem; // what could not be read; empty when fine

    static constexpr int kMaxListEntries = 100;
    static constexpr qint64 kMinIntervalMs = 10000; // Flagger's floor for analysis.interval
    static constexpr qint64 kMaxIntervalMs = 24LL * 3600 * 1000;

    static FlaggerCanarySpec read(const QJsonObject &canary);

    // Flagger's strategy (DeploymentStrategy()): "canary", "b/g" or "ab".
    bool isBlueGreen() const { return iterations > 0 && !hasMatch; }
    bool isProgressive() const { return iterations <= 0; }
    // scheduler.go's maxWeight and nextStepWeight, with a total weight of 100.
    int effectiveMaxWeight() const;
    int nextStepWeight(int canaryWeight) const;
};

} // namespace rdsim
