// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysisrun.h"
#include "decoders_p.h"
#include "metricproviderdecoder_p.h"

namespace JsonRead {

static void decodeMetric(Context &ctx, Element value, const Path &path, AnalysisMetric &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "name"))
            readToken(ctx, v, p, out.name);
        else if (is(key, "interval"))
            readToken(ctx, v, p, out.interval);
        else if (is(key, "initialDelay"))
            readToken(ctx, v, p, out.initialDelay);
        else if (is(key, "count"))
            readIntOrString(ctx, v, p, out.count);
        else if (is(key, "successCondition"))
            readString(ctx, v, p, out.successCondition);
        else if (is(key, "failureCondition"))
            readString(ctx, v, p, out.failureCondition);
        else if (is(key, "failureLimit"))
            readIntOrString(ctx, v, p, out.failureLimit);
        else if (is(key, "inconclusiveLimit"))
            readIntOrString(ctx, v, p, out.inconclusiveLimit);
        else if (is(key, "consecutiveErrorLimit"))
            readIntOrString(ctx, v, p, out.consecutiveErrorLimit);
        else if (is(key, "consecutiveSuccessLimit"))
            readIntOrString(ctx, v, p, out.consecutiveSuccessLimit);
        else if (is(key, "provider"))
            decodeMetricProvider(ctx, v, p, out.provider);
    });
}

static void decodeMeasurement(Context &ctx, Element value, const Path &path, Measurement &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "phase"))
            readToken(ctx, v, p, out.phase);
        else if (is(key, "value"))
            readString(ctx, v, p, out.value);
        else if (is(key, "message"))
            readString(ctx, v, p, out.message);
        else if (is(key, "startedAt"))
            readTime(ctx, v, p, out.startedAt);
        else if (is(key, "finishedAt"))
            readTime(ctx, v, p, out.finishedAt);
        else if (is(key, "resumeAt"))
            readTime(ctx, v, p, out.resumeAt);
    });
}

static void decodeMetricResult(Context &ctx, Element value, const Path &path, MetricResult &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "name"))
            readToken(ctx, v, p, out.name);
        else if (is(key, "phase"))
            readToken(ctx, v, p, out.phase);
        else if (is(key, "message"))
            readString(ctx, v, p, out.message);
        else if (is(key, "measurements"))
            readList(ctx, v, p, out.measurements, decodeMeasurement);
        else if (is(key, "count"))
            readInt32(ctx, v, p, out.count);
        else if (is(key, "successful"))
            readInt32(ctx, v, p, out.successful);
        else if (is(key, "failed"))
            readInt32(ctx, v, p, out.failed);
        else if (is(key, "inconclusive"))
            readInt32(ctx, v, p, out.inconclusive);
        else if (is(key, "error"))
            readInt32(ctx, v, p, out.error);
        else if (is(key, "consecutiveError"))
            readInt32(ctx, v, p, out.consecutiveError);
        else if (is(key, "consecutiveSuccess"))
            readInt32(ctx, v, p, out.consecutiveSuccess);
        else if (is(key, "dryRun"))
            readBool(ctx, v, p, out.dryRun);
    });
}

static void decodeRunSummary(Context &ctx, Element value, const Path &path, RunSummary &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "count"))
            readInt32(ctx, v, p, out.count);
        else if (is(key, "successful"))
            readInt32(ctx, v, p, out.successful);
        else if (is(key, "failed"))
            readInt32(ctx, v, p, out.failed);
        else if (is(key, "inconclusive"))
            readInt32(ctx, v, p, out.inconclusive);
        else if (is(key, "error"))
            readInt32(ctx, v, p, out.error);
    });
}

static void decodeDryRunNames(Context &ctx, Element value, const Path &path, QStringList &out)
{
    forEachElement(ctx, value, path, [&](Element element, const Path &p) {
        forEachMember(ctx, element, p, [&](std::string_view key, Element v, const Path &mp) {
            QString metric;
            if (is(key, "metricName") && readToken(ctx, v, mp, metric))
                out.append(metric);
        });
    });
}

void decode(Context &ctx, Element value, const Path &path, AnalysisRun &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "metadata")) {
            decodeMeta(ctx, v, p, out.metadata);
        } else if (is(key, "spec")) {
            forEachMember(ctx, v, p, [&](std::string_view k, Element sv, const Path &sp) {
                if (is(k, "metrics"))
                    readList(ctx, sv, sp, out.metrics, decodeMetric);
                else if (is(k, "args"))
                    decodeAnalysisArgs(ctx, sv, sp, out.args);
                else if (is(k, "dryRun"))
                    decodeDryRunNames(ctx, sv, sp, out.dryRunMetrics);
                else if (is(k, "terminate"))
                    readBool(ctx, sv, sp, out.terminate);
            });
        } else if (is(key, "status")) {
            forEachMember(ctx, v, p, [&](std::string_view k, Element sv, const Path &sp) {
                if (is(k, "phase"))
                    readToken(ctx, sv, sp, out.phase);
                else if (is(k, "message"))
                    readString(ctx, sv, sp, out.message);
                else if (is(k, "startedAt"))
                    readTime(ctx, sv, sp, out.startedAt);
                else if (is(k, "completedAt"))
                    readTime(ctx, sv, sp, out.completedAt);
                else if (is(k, "runSummary"))
                    decodeRunSummary(ctx, sv, sp, out.runSummary);
                else if (is(k, "metricResults"))
                    readList(ctx, sv, sp, out.metricResults, decodeMetricResult);
            });
        }
    });
}

} // namespace JsonRead
