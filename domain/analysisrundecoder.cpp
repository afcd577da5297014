// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysisrun.h"
#include "decoders_p.h"

namespace JsonRead {

static void decodeProvider(Context &ctx, Element value, const Path &path, MetricProvider &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (v.is_null())
            return;
        out.kind = ctx.token(key);
        if (key == "prometheus") {
            forEachMember(ctx, v, p, [&](std::string_view k, Element pv, const Path &pp) {
                if (k == "address")
                    readToken(ctx, pv, pp, out.address);
                else if (k == "query")
                    readString(ctx, pv, pp, out.query);
            });
        } else if (key == "web") {
            forEachMember(ctx, v, p, [&](std::string_view k, Element wv, const Path &wp) {
                if (k == "url")
                    readString(ctx, wv, wp, out.url);
            });
        }
    });
}

static void decodeMetric(Context &ctx, Element value, const Path &path, AnalysisMetric &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "name")
            readToken(ctx, v, p, out.name);
        else if (key == "interval")
            readToken(ctx, v, p, out.interval);
        else if (key == "initialDelay")
            readToken(ctx, v, p, out.initialDelay);
        else if (key == "count")
            readIntOrString(ctx, v, p, out.count);
        else if (key == "successCondition")
            readString(ctx, v, p, out.successCondition);
        else if (key == "failureCondition")
            readString(ctx, v, p, out.failureCondition);
        else if (key == "failureLimit")
            readIntOrString(ctx, v, p, out.failureLimit);
        else if (key == "inconclusiveLimit")
            readIntOrString(ctx, v, p, out.inconclusiveLimit);
        else if (key == "consecutiveErrorLimit")
            readIntOrString(ctx, v, p, out.consecutiveErrorLimit);
        else if (key == "consecutiveSuccessLimit")
            readIntOrString(ctx, v, p, out.consecutiveSuccessLimit);
        else if (key == "provider")
            decodeProvider(ctx, v, p, out.provider);
    });
}

static void decodeMeasurement(Context &ctx, Element value, const Path &path, Measurement &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "phase")
            readToken(ctx, v, p, out.phase);
        else if (key == "value")
            readString(ctx, v, p, out.value);
        else if (key == "message")
            readString(ctx, v, p, out.message);
        else if (key == "startedAt")
            readTime(ctx, v, p, out.startedAt);
        else if (key == "finishedAt")
            readTime(ctx, v, p, out.finishedAt);
        else if (key == "resumeAt")
            readTime(ctx, v, p, out.resumeAt);
    });
}

static void decodeMetricResult(Context &ctx, Element value, const Path &path, MetricResult &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "name")
            readToken(ctx, v, p, out.name);
        else if (key == "phase")
            readToken(ctx, v, p, out.phase);
        else if (key == "message")
            readString(ctx, v, p, out.message);
        else if (key == "measurements")
            readList(ctx, v, p, out.measurements, decodeMeasurement);
        else if (key == "count")
            readInt32(ctx, v, p, out.count);
        else if (key == "successful")
            readInt32(ctx, v, p, out.successful);
        else if (key == "failed")
            readInt32(ctx, v, p, out.failed);
        else if (key == "inconclusive")
            readInt32(ctx, v, p, out.inconclusive);
        else if (key == "error")
            readInt32(ctx, v, p, out.error);
        else if (key == "consecutiveError")
            readInt32(ctx, v, p, out.consecutiveError);
        else if (key == "consecutiveSuccess")
            readInt32(ctx, v, p, out.consecutiveSuccess);
        else if (key == "dryRun")
            readBool(ctx, v, p, out.dryRun);
    });
}

static void decodeRunSummary(Context &ctx, Element value, const Path &path, RunSummary &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "count")
            readInt32(ctx, v, p, out.count);
        else if (key == "successful")
            readInt32(ctx, v, p, out.successful);
        else if (key == "failed")
            readInt32(ctx, v, p, out.failed);
        else if (key == "inconclusive")
            readInt32(ctx, v, p, out.inconclusive);
        else if (key == "error")
            readInt32(ctx, v, p, out.error);
    });
}

static void decodeDryRunNames(Context &ctx, Element value, const Path &path, QStringList &out)
{
    forEachElement(ctx, value, path, [&](Element element, const Path &p) {
        forEachMember(ctx, element, p, [&](std::string_view key, Element v, const Path &mp) {
            QString metric;
            if (key == "metricName" && readToken(ctx, v, mp, metric))
                out.append(metric);
        });
    });
}

void decode(Context &ctx, Element value, const Path &path, AnalysisRun &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (key == "metadata") {
            decodeMeta(ctx, v, p, out.metadata);
        } else if (key == "spec") {
            forEachMember(ctx, v, p, [&](std::string_view k, Element sv, const Path &sp) {
                if (k == "metrics")
                    readList(ctx, sv, sp, out.metrics, decodeMetric);
                else if (k == "args")
                    decodeAnalysisArgs(ctx, sv, sp, out.args);
                else if (k == "dryRun")
                    decodeDryRunNames(ctx, sv, sp, out.dryRunMetrics);
                else if (k == "terminate")
                    readBool(ctx, sv, sp, out.terminate);
            });
        } else if (key == "status") {
            forEachMember(ctx, v, p, [&](std::string_view k, Element sv, const Path &sp) {
                if (k == "phase")
                    readToken(ctx, sv, sp, out.phase);
                else if (k == "message")
                    readString(ctx, sv, sp, out.message);
                else if (k == "startedAt")
                    readTime(ctx, sv, sp, out.startedAt);
                else if (k == "completedAt")
                    readTime(ctx, sv, sp, out.completedAt);
                else if (k == "runSummary")
                    decodeRunSummary(ctx, sv, sp, out.runSummary);
                else if (k == "metricResults")
                    readList(ctx, sv, sp, out.metricResults, decodeMetricResult);
            });
        }
    });
}

} // namespace JsonRead
