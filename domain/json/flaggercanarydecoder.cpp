// SPDX-License-Identifier: GPL-3.0-or-later
// Flagger's Canary and MetricTemplate (flagger.app/v1beta1). Everything here comes from a
// cluster anyone with edit rights in a namespace writes to, so lists and strings are bounded:
// what is left out is said in an issue, never silently dropped.
#include "decoders_p.h"
#include "flaggercanary.h"
#include "flaggermetrictemplate.h"
#include "safetynetdecoder_p.h"

#include <QCoreApplication>

#include <algorithm>

namespace JsonRead {

namespace {

using SafetyNetRead::readText;
using SafetyNetRead::readWord;
using simdjson::dom::element_type;

// A canary has a handful of metrics, webhooks, alerts and weight steps; a few hundred is
// already no analysis a person could follow.
constexpr int maxEntries = 200;
// PromQL and Go templates run to a few kilobytes; anything longer is not a query.
constexpr size_t maxQueryBytes = 64 * 1024;

// A query (PromQL, a Go template): kept up to maxQueryBytes, cut at a character boundary.
void readQuery(Context &ctx, Element value, const Path &path, QString &out)
{
    if (value.type() != element_type::STRING) {
        if (value.type() != element_type::NULL_VALUE)
            ctx.report(path, Problem::ExpectedString);
        return;
    }
    const std::string_view text = value.get_string().value_unsafe();
    if (text.size() <= maxQueryBytes) {
        out = Context::text(text);
        return;
    }
    size_t cut = maxQueryBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xc0) == 0x80)
        --cut; // never split a UTF-8 sequence
    out = Context::text(text.substr(0, cut));
    ctx.reportMessage(path,
                      QCoreApplication::translate("FlaggerDecoder", "longer than %1 bytes: cut")
                          .arg(maxQueryBytes));
}

// A float64 (thresholdRange.min/max, the deprecated threshold).
void readNumber(Context &ctx, Element value, const Path &path, std::optional<double> &out)
{
    switch (value.type()) {
    case element_type::DOUBLE:
        out = value.get_double().value_unsafe();
        return;
    case element_type::INT64:
        out = double(value.get_int64().value_unsafe());
        return;
    case element_type::UINT64:
        out = double(value.get_uint64().value_unsafe());
        return;
    case element_type::NULL_VALUE:
        return;
    default:
        ctx.reportMessage(path, QCoreApplication::translate("FlaggerDecoder", "expected a number"));
    }
}

// Only the number of match[] conditions and of trackedConfigs is shown.
void countArray(Context &ctx, Element value, const Path &path, qint32 &out)
{
    Array array;
    if (asArray(ctx, value, path, array))
        out = qint32(std::min<size_t>(array.size(), INT32_MAX));
}

void countMembers(Context &ctx, Element value, const Path &path, qint32 &out)
{
    Object object;
    if (asObject(ctx, value, path, object))
        out = qint32(std::min<size_t>(object.size(), INT32_MAX));
}

void readRef(Context &ctx, Element value, const Path &path, FlaggerObjectRef &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "apiVersion"))
            readWord(ctx, v, p, out.apiVersion);
        else if (is(key, "kind"))
            readWord(ctx, v, p, out.kind);
        else if (is(key, "name"))
            readText(ctx, v, p, out.name);
        else if (is(key, "namespace"))
            readWord(ctx, v, p, out.namespaceName);
    });
}

// templateVariables and a webhook's metadata: at most maxEntries pairs.
void readVariables(Context &ctx, Element value, const Path &path, StringMap &out)
{
    qsizetype count = 0;
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (++count > maxEntries)
            return;
        QString text;
        readText(ctx, v, p, text);
        out.append(Context::text(key.substr(0, maxQueryBytes)), text);
    });
    out.finishAppending();
    if (count > maxEntries)
        reportTruncated(ctx, path, maxEntries);
}

void decodeMetric(Context &ctx, Element value, const Path &path, FlaggerMetric &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "name")) {
            readText(ctx, v, p, out.name);
        } else if (is(key, "interval")) {
            readWord(ctx, v, p, out.interval);
        } else if (is(key, "threshold")) {
            readNumber(ctx, v, p, out.threshold);
        } else if (is(key, "thresholdRange")) {
            forEachMember(ctx, v, p, [&](std::string_view k, Element rv, const Path &rp) {
                if (is(k, "min"))
                    readNumber(ctx, rv, rp, out.thresholdMin);
                else if (is(k, "max"))
                    readNumber(ctx, rv, rp, out.thresholdMax);
            });
        } else if (is(key, "query")) {
            readQuery(ctx, v, p, out.query);
        } else if (is(key, "templateRef")) {
            readRef(ctx, v, p, out.templateRef);
        } else if (is(key, "templateVariables")) {
            readVariables(ctx, v, p, out.templateVariables);
        }
    });
}

void decodeWebhook(Context &ctx, Element value, const Path &path, FlaggerWebhook &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "type")) {
            readWord(ctx, v, p, out.type);
        } else if (is(key, "name")) {
            readText(ctx, v, p, out.name);
        } else if (is(key, "url")) {
            readText(ctx, v, p, out.url);
        } else if (is(key, "timeout")) {
            readWord(ctx, v, p, out.timeout);
        } else if (is(key, "muteAlert")) {
            readBool(ctx, v, p, out.muteAlert);
        } else if (is(key, "retries")) {
            readInt32(ctx, v, p, out.retries);
        } else if (is(key, "disableTLS")) {
            readBool(ctx, v, p, out.disableTls);
        } else if (is(key, "metadata")) {
            StringMap metadata; // the values (commands, tokens) are not kept
            readVariables(ctx, v, p, metadata);
            out.metadataKeys = metadata.keys();
        }
    });
}

void decodeAlert(Context &ctx, Element value, const Path &path, FlaggerAlert &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "name"))
            readText(ctx, v, p, out.name);
        else if (is(key, "severity"))
            readWord(ctx, v, p, out.severity);
        else if (is(key, "providerRef"))
            readRef(ctx, v, p, out.providerRef);
    });
}

void readWeight(Context &ctx, Element value, const Path &path, qint32 &out)
{
    readInt32(ctx, value, path, out);
}

void decodeAnalysis(Context &ctx, Element value, const Path &path, FlaggerAnalysis &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "interval"))
            readWord(ctx, v, p, out.interval);
        else if (is(key, "iterations"))
            readInt32(ctx, v, p, out.iterations);
        else if (is(key, "threshold"))
            readInt32(ctx, v, p, out.threshold);
        else if (is(key, "maxWeight"))
            readInt32(ctx, v, p, out.maxWeight);
        else if (is(key, "stepWeight"))
            readInt32(ctx, v, p, out.stepWeight);
        else if (is(key, "stepWeights"))
            readBoundedList(ctx, v, p, out.stepWeights, maxEntries, readWeight);
        else if (is(key, "stepWeightPromotion"))
            readInt32(ctx, v, p, out.stepWeightPromotion);
        else if (is(key, "mirror"))
            readBool(ctx, v, p, out.mirror);
        else if (is(key, "mirrorWeight"))
            readInt32(ctx, v, p, out.mirrorWeight);
        else if (is(key, "primaryReadyThreshold"))
            readInt32(ctx, v, p, out.primaryReadyThreshold);
        else if (is(key, "canaryReadyThreshold"))
            readInt32(ctx, v, p, out.canaryReadyThreshold);
        else if (is(key, "match"))
            countArray(ctx, v, p, out.matchCount);
        else if (is(key, "metrics"))
            readBoundedList(ctx, v, p, out.metrics, maxEntries, decodeMetric);
        else if (is(key, "webhooks"))
            readBoundedList(ctx, v, p, out.webhooks, maxEntries, decodeWebhook);
        else if (is(key, "alerts"))
            readBoundedList(ctx, v, p, out.alerts, maxEntries, decodeAlert);
    });
}

void decodeService(Context &ctx, Element value, const Path &path, FlaggerCanarySpec &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "name"))
            readText(ctx, v, p, out.serviceName);
        else if (is(key, "port"))
            readInt32(ctx, v, p, out.servicePort);
        else if (is(key, "portName"))
            readWord(ctx, v, p, out.servicePortName);
    });
}

// spec.analysis wins over spec.canaryAnalysis whatever order the members come in, as
// Canary.GetAnalysis() decides.
void decodeAnalysisMember(Context &ctx, bool alias, Element value, const Path &path,
                          FlaggerCanarySpec &out)
{
    if (value.is_null() || (alias && out.analysis && !out.analysisFromDeprecatedAlias))
        return;
    FlaggerAnalysis analysis;
    decodeAnalysis(ctx, value, path, analysis);
    out.analysis = std::move(analysis);
    out.analysisFromDeprecatedAlias = alias;
}

void decodeCanarySpec(Context &ctx, Element value, const Path &path, FlaggerCanarySpec &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "provider"))
            readWord(ctx, v, p, out.provider);
        else if (is(key, "targetRef"))
            readRef(ctx, v, p, out.targetRef);
        else if (is(key, "autoscalerRef"))
            readRef(ctx, v, p, out.autoscalerRef);
        else if (is(key, "service"))
            decodeService(ctx, v, p, out);
        else if (is(key, "progressDeadlineSeconds"))
            readInt32(ctx, v, p, out.progressDeadlineSeconds);
        else if (is(key, "skipAnalysis"))
            readBool(ctx, v, p, out.skipAnalysis);
        else if (is(key, "suspend"))
            readBool(ctx, v, p, out.suspend);
        else if (is(key, "revertOnDeletion"))
            readBool(ctx, v, p, out.revertOnDeletion);
        else if (is(key, "analysis"))
            decodeAnalysisMember(ctx, false, v, p, out);
        else if (is(key, "canaryAnalysis"))
            decodeAnalysisMember(ctx, true, v, p, out);
    });
}

void decodeCanaryStatus(Context &ctx, Element value, const Path &path, FlaggerCanaryStatus &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "phase")) {
            readWord(ctx, v, p, out.phase);
        } else if (is(key, "failedChecks")) {
            readInt32(ctx, v, p, out.failedChecks);
        } else if (is(key, "canaryWeight")) {
            readInt32(ctx, v, p, out.canaryWeight);
        } else if (is(key, "iterations")) {
            readInt32(ctx, v, p, out.iterations);
        } else if (is(key, "lastTransitionTime")) {
            readTime(ctx, v, p, out.lastTransitionTime);
        } else if (is(key, "lastAppliedSpec")) {
            readText(ctx, v, p, out.lastAppliedSpec);
        } else if (is(key, "lastPromotedSpec")) {
            readText(ctx, v, p, out.lastPromotedSpec);
        } else if (is(key, "trackedConfigs")) {
            countMembers(ctx, v, p, out.trackedConfigsCount);
        } else if (is(key, "conditions")) {
            // Flagger writes one condition.
            readBoundedList(ctx, v, p, out.conditions, maxEntries, decodeCondition);
        } else if (is(key, "observedGeneration")) {
            qint64 generation = 0;
            if (readInt64(ctx, v, p, generation))
                out.observedGeneration = generation;
        }
    });
}

} // namespace

void decode(Context &ctx, Element value, const Path &path, FlaggerCanary &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "metadata"))
            decodeMeta(ctx, v, p, out.metadata);
        else if (is(key, "spec"))
            decodeCanarySpec(ctx, v, p, out.spec);
        else if (is(key, "status"))
            decodeCanaryStatus(ctx, v, p, out.status);
    });
}

static void decodeTemplateProvider(Context &ctx, Element value, const Path &path,
                                   FlaggerMetricTemplate &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "type")) {
            readWord(ctx, v, p, out.providerType);
        } else if (is(key, "address")) {
            readText(ctx, v, p, out.providerAddress);
        } else if (is(key, "region")) {
            readWord(ctx, v, p, out.providerRegion);
        } else if (is(key, "insecureSkipVerify")) {
            readBool(ctx, v, p, out.providerInsecureSkipVerify);
        } else if (is(key, "secretRef")) {
            FlaggerObjectRef secret;
            readRef(ctx, v, p, secret);
            out.providerSecretName = secret.name;
        }
    });
}

void decode(Context &ctx, Element value, const Path &path, FlaggerMetricTemplate &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "metadata")) {
            decodeMeta(ctx, v, p, out.metadata);
        } else if (is(key, "spec")) {
            forEachMember(ctx, v, p, [&](std::string_view k, Element sv, const Path &sp) {
                if (is(k, "provider"))
                    decodeTemplateProvider(ctx, sv, sp, out);
                else if (is(k, "query"))
                    readQuery(ctx, sv, sp, out.query);
            });
        }
    });
}

} // namespace JsonRead
