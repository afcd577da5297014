// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "intorstring.h"
#include "objectmeta.h"
#include "rolloutspec.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// One setting of a provider as the API names it ("backoffLimit", "apiVersion", "headers"),
// with its value as text; lists are joined with ", ".
struct ProviderSetting
{
    QString field;
    QString value;

    bool operator==(const ProviderSetting &o) const { return field == o.field && value == o.value; }
    bool operator!=(const ProviderSetting &o) const { return !(*this == o); }
};

// metrics[].provider: which provider the metric queries (metricproviderdecoder.cpp). address
// and query (Prometheus, Datadog v1, New Relic, Wavefront, Graphite, InfluxDB, SkyWalking),
// url (Web), command (Job: the first container's command and args), queries (Datadog v2's
// named queries, CloudWatch's metricDataQueries as "id: expression") and settings (the rest,
// in the provider's order). A Web metric's header values and anything under a Datadog or
// plugin secret are never read: only header names and a plugin's config keys are kept.
struct MetricProvider
{
    // A list read from a server stops at this many entries.
    static constexpr qsizetype maxListed = 32;

    QString kind; // "prometheus", "web", "job", "datadog", ..., or "plugin"
    QString address;
    QString query;
    QString url;
    QString command;
    QStringList queries;
    QList<ProviderSetting> settings;

    // The value of a setting, empty when the provider has none of that name.
    QString setting(QLatin1String field) const;

    bool operator==(const MetricProvider &o) const
    {
        return kind == o.kind && address == o.address && query == o.query && url == o.url
            && command == o.command && queries == o.queries && settings == o.settings;
    }
    bool operator!=(const MetricProvider &o) const { return !(*this == o); }
};

struct AnalysisMetric
{
    QString name;
    QString interval;
    QString initialDelay;
    IntOrString count;
    QString successCondition;
    QString failureCondition;
    IntOrString failureLimit; // nil means 0; -1 disables
    IntOrString inconclusiveLimit; // nil means 0
    IntOrString consecutiveErrorLimit; // nil means 4
    IntOrString consecutiveSuccessLimit; // nil means 0 (disabled)
    MetricProvider provider;

    bool operator==(const AnalysisMetric &o) const;
    bool operator!=(const AnalysisMetric &o) const { return !(*this == o); }
};

struct Measurement
{
    QString phase;
    QString value; // a string on the wire, e.g. "[0.99]" or "0.99"
    QString message;
    QDateTime startedAt;
    QDateTime finishedAt;
    QDateTime resumeAt;

    bool operator==(const Measurement &o) const
    {
        return phase == o.phase && value == o.value && message == o.message
            && startedAt == o.startedAt && finishedAt == o.finishedAt && resumeAt == o.resumeAt;
    }
    bool operator!=(const Measurement &o) const { return !(*this == o); }
};

struct MetricResult
{
    QString name;
    QString phase;
    QString message;
    QList<Measurement> measurements;
    qint32 count = 0;
    qint32 successful = 0;
    qint32 failed = 0;
    qint32 inconclusive = 0;
    qint32 error = 0;
    qint32 consecutiveError = 0;
    qint32 consecutiveSuccess = 0;
    bool dryRun = false;

    bool operator==(const MetricResult &o) const;
    bool operator!=(const MetricResult &o) const { return !(*this == o); }
};

// status.runSummary counts metrics (not measurements), dry-run metrics excluded.
struct RunSummary
{
    qint32 count = 0;
    qint32 successful = 0;
    qint32 failed = 0;
    qint32 inconclusive = 0;
    qint32 error = 0;

    bool operator==(const RunSummary &o) const
    {
        return count == o.count && successful == o.successful && failed == o.failed
            && inconclusive == o.inconclusive && error == o.error;
    }
    bool operator!=(const RunSummary &o) const { return !(*this == o); }
};

// argoproj.io/v1alpha1 AnalysisRun.
struct AnalysisRun
{
    ObjectMeta metadata;
    QList<AnalysisMetric> metrics;
    QList<AnalysisArg> args;
    QStringList dryRunMetrics;
    bool terminate = false;
    QString phase; // Pending, Running, Successful, Failed, Error, Inconclusive
    QString message;
    QDateTime startedAt;
    QDateTime completedAt;
    RunSummary runSummary;
    QList<MetricResult> metricResults;

    bool isCompleted() const;
    const MetricResult *metricResult(QStringView name) const;
    // What the Argo Rollouts controller labels a run with: the pod-template hash of the
    // revision it analyses, that revision's number (annotation, as text) and what started it
    // ("Step", "Background", "PrePromotion", "PostPromotion"); empty when absent.
    QString podTemplateHash() const;
    QString revision() const;
    QString rolloutType() const;

    bool operator==(const AnalysisRun &o) const;
    bool operator!=(const AnalysisRun &o) const { return !(*this == o); }
};

Q_DECLARE_METATYPE(AnalysisMetric)
Q_DECLARE_METATYPE(Measurement)
Q_DECLARE_METATYPE(MetricResult)
Q_DECLARE_METATYPE(AnalysisRun)
