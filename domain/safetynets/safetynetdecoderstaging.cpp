// SPDX-License-Identifier: GPL-3.0-or-later
// Staging evidence and flags.
// k6 operator (grafana/k6-operator e2c9571a, api/v1alpha1/testrun_types.go): a TestRun's
// status.stage is one of initialization, initialized, created, started, stopped, finished,
// error.
// LitmusChaos (litmuschaos/chaos-operator af8244e5,
// api/litmuschaos/v1alpha1/chaosresult_types.go): a ChaosResult's spec{engine, experiment},
// status.experimentStatus{phase (Running, Completed, Completed_With_Error,
// Completed_With_Probe_Failure, Stopped, Error), verdict (Pass, Fail, Stopped, Awaited,
// Error), probeSuccessPercentage (a string), errorOutput{errorCode, reason}} and
// status.history.targets[]{name, kind, chaosStatus}.
// Chaos Mesh (chaos-mesh/chaos-mesh 608b61e7, api/v1alpha1/common_types.go, selector.go,
// podchaos_types.go): every experiment kind has spec.selector{namespaces[], labelSelectors{}},
// spec.action (most kinds), status.conditions[] of type Selected, AllInjected, AllRecovered,
// Paused, and status.experiment{desiredPhase (Run, Stop), containerRecords[]{phase
// (Injected, Not Injected), injectedCount, recoveredCount, events[]{type (Succeeded, Failed),
// operation (Apply, Recover), message}}}.
// OpenFeature operator (open-feature/open-feature-operator 90d373fd,
// api/core/v1beta1/featureflag_types.go): core.openfeature.dev/v1beta1 FeatureFlag
// spec.flagSpec.flags, a map of flag key to {state (ENABLED, DISABLED), variants (a map of
// name to any JSON), defaultVariant, targeting (any JSON, optional)}.
#include "safetynetdecoder_p.h"

#include <algorithm>

using namespace SafetyNetRead;

namespace {

// "Completed_With_Probe_Failure" results carry "N/A" or "Awaited" before probes ran.
void readPercentage(Context &ctx, Element value, const Path &path, int &out)
{
    if (value.is_null())
        return;
    QString text;
    qint64 number = 0;
    if (value.is_int64()) {
        readInt64(ctx, value, path, number);
    } else if (readText(ctx, value, path, text)) {
        bool ok = false;
        number = text.trimmed().remove(QLatin1Char('%')).toLongLong(&ok);
        if (!ok)
            return;
    } else {
        return;
    }
    if (number >= 0 && number <= 100)
        out = int(number);
}

void readLitmusStatus(Context &ctx, Element value, const Path &path, ChaosExperiment &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "experimentStatus")) {
            forEachMember(ctx, v, p, [&](std::string_view k, Element ev, const Path &ep) {
                if (is(k, "phase")) {
                    readWord(ctx, ev, ep, out.phase);
                } else if (is(k, "verdict")) {
                    readWord(ctx, ev, ep, out.verdict);
                } else if (is(k, "probeSuccessPercentage")) {
                    readPercentage(ctx, ev, ep, out.probeSuccessPercentage);
                } else if (is(k, "errorOutput")) {
                    forEachMember(ctx, ev, ep,
                                  [&](std::string_view ok, Element ov, const Path &op) {
                                      if (is(ok, "reason"))
                                          readText(ctx, ov, op, out.message);
                                  });
                }
            });
        } else if (is(key, "history")) {
            QStringList targets;
            forEachMember(ctx, v, p, [&](std::string_view k, Element hv, const Path &hp) {
                if (!is(k, "targets"))
                    return;
                forEachBounded(ctx, hv, hp, 20, [&](Element target, const Path &tp) {
                    ObjectRef ref;
                    readObjectRef(ctx, target, tp, ref);
                    if (!ref.name.isEmpty())
                        targets.append(ref.kind.isEmpty() ? ref.name
                                                          : ref.kind + QLatin1Char('/') + ref.name);
                });
            });
            out.target = targets.join(QStringLiteral(", "));
        }
    });
}

struct ChaosMeshState
{
    QString desiredPhase {};
    bool allInjected = false;
    bool allRecovered = false;
    bool paused = false;
    bool failed = false; // a record's last event failed
    QString failure {}; // its message
};

// A container record's last event: type and message.
void readLastEvent(Context &ctx, Element record, const Path &path, QString &type, QString &message)
{
    forEachMember(ctx, record, path, [&](std::string_view key, Element v, const Path &p) {
        if (!is(key, "events"))
            return;
        forEachElement(ctx, v, p, [&](Element event, const Path &ep) {
            type.clear();
            message.clear();
            forEachMember(ctx, event, ep, [&](std::string_view k, Element ev, const Path &kp) {
                if (is(k, "type"))
                    readWord(ctx, ev, kp, type);
                else if (is(k, "message"))
                    readText(ctx, ev, kp, message);
            });
        });
    });
}

void readChaosMeshStatus(Context &ctx, Element value, const Path &path, ChaosMeshState &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "conditions")) {
            const auto isTrue = [&](std::string_view type) {
                ConditionText condition;
                readCondition(ctx, v, p, type, condition);
                return condition.status == QLatin1String("True");
            };
            out.allInjected = isTrue("AllInjected");
            out.allRecovered = isTrue("AllRecovered");
            out.paused = isTrue("Paused");
        } else if (is(key, "experiment")) {
            forEachMember(ctx, v, p, [&](std::string_view k, Element ev, const Path &ep) {
                if (is(k, "desiredPhase")) {
                    readWord(ctx, ev, ep, out.desiredPhase);
                } else if (is(k, "containerRecords")) {
                    forEachBounded(ctx, ev, ep, SafetyNetLimits::maxStepsPerRun,
                                   [&](Element record, const Path &rp) {
                                       QString type;
                                       QString message;
                                       readLastEvent(ctx, record, rp, type, message);
                                       if (type == QLatin1String("Failed") && !out.failed) {
                                           out.failed = true;
                                           out.failure = message;
                                       }
                                   });
                }
            });
        }
    });
}

// Chaos Mesh has no single word for where an experiment is; this one follows its conditions.
QString chaosMeshPhase(const ChaosMeshState &state)
{
    if (state.failed)
        return QStringLiteral("Failed");
    if (state.allRecovered && state.desiredPhase == QLatin1String("Stop"))
        return QStringLiteral("Recovered");
    if (state.paused)
        return QStringLiteral("Paused");
    if (state.allInjected)
        return QStringLiteral("Injected");
    return QStringLiteral("Not Injected");
}

void readChaosMeshSpec(Context &ctx, Element value, const Path &path, ChaosExperiment &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "action")) {
            readWord(ctx, v, p, out.experiment);
        } else if (is(key, "selector")) {
            QStringList labels;
            forEachMember(ctx, v, p, [&](std::string_view k, Element sv, const Path &sp) {
                if (!is(k, "labelSelectors"))
                    return;
                forEachMember(ctx, sv, sp, [&](std::string_view label, Element lv, const Path &lp) {
                    QString text;
                    if (labels.size() < 20 && readText(ctx, lv, lp, text))
                        labels.append(Context::text(label).left(253) + QLatin1Char('=') + text);
                });
            });
            labels.sort();
            out.target = labels.join(QLatin1Char(','));
        }
    });
}

void readFlags(Context &ctx, Element flags, const Path &path, const ItemMeta &meta,
               QList<FeatureFlag> &out)
{
    int count = 0;
    forEachMember(ctx, flags, path, [&](std::string_view key, Element v, const Path &p) {
        if (++count > SafetyNetLimits::maxFlagsPerResource) {
            if (count == SafetyNetLimits::maxFlagsPerResource + 1)
                ctx.reportMessage(path,
                                  SafetyNetDecoder::tr("more than %1 flags: the rest are "
                                                       "left out")
                                      .arg(SafetyNetLimits::maxFlagsPerResource));
            return;
        }
        FeatureFlag flag;
        flag.resource = meta.name;
        flag.namespace_ = meta.namespace_;
        flag.key = Context::text(key).left(SafetyNetLimits::maxStringLength);
        forEachMember(ctx, v, p, [&](std::string_view k, Element fv, const Path &fp) {
            if (is(k, "state")) {
                readWord(ctx, fv, fp, flag.state);
            } else if (is(k, "defaultVariant")) {
                readText(ctx, fv, fp, flag.defaultVariant);
            } else if (is(k, "targeting")) {
                flag.targeting = valueText(fv);
                if (flag.targeting == QLatin1String("{}"))
                    flag.targeting.clear(); // an empty rule: every evaluation gets the default
            } else if (is(k, "variants")) {
                int variants = 0;
                forEachMember(ctx, fv, fp, [&](std::string_view name, Element vv, const Path &) {
                    if (++variants <= SafetyNetLimits::maxVariantsPerFlag)
                        flag.variants.append(Context::text(name).left(253) + QLatin1Char('=')
                                             + valueText(vv));
                });
            }
        });
        out.append(std::move(flag));
    });
}

// The metadata every chaos experiment keeps.
void setMeta(Context &ctx, Element value, const Path &path, ChaosExperiment &out)
{
    ItemMeta meta;
    readItemMeta(ctx, value, path, meta);
    out.name = meta.name;
    out.namespace_ = meta.namespace_;
    out.createdMs = meta.createdMs;
    out.labels = meta.labels;
}

} // namespace

ObjectList<LoadTestRun> SafetyNetDecoder::k6TestRuns(const QByteArray &body)
{
    return decodeList<LoadTestRun>(
        body, [](Context &ctx, Element item, const Path &path, QList<LoadTestRun> &out) {
            LoadTestRun &run = out.emplaceBack();
            forEachMember(ctx, item, path, [&](std::string_view key, Element v, const Path &p) {
                if (is(key, "metadata")) {
                    ItemMeta meta;
                    readItemMeta(ctx, v, p, meta);
                    run.name = meta.name;
                    run.namespace_ = meta.namespace_;
                    run.createdMs = meta.createdMs;
                    run.labels = meta.labels;
                } else if (is(key, "status")) {
                    forEachMember(ctx, v, p, [&](std::string_view k, Element sv, const Path &sp) {
                        if (is(k, "stage"))
                            readWord(ctx, sv, sp, run.stage);
                    });
                }
            });
        });
}

ObjectList<ChaosExperiment> SafetyNetDecoder::litmusChaosResults(const QByteArray &body)
{
    return decodeList<ChaosExperiment>(
        body, [](Context &ctx, Element item, const Path &path, QList<ChaosExperiment> &out) {
            ChaosExperiment &result = out.emplaceBack();
            result.kind = ChaosExperiment::Kind::LitmusChaosResult;
            result.resourceKind = QStringLiteral("ChaosResult");
            forEachMember(ctx, item, path, [&](std::string_view key, Element v, const Path &p) {
                if (is(key, "metadata")) {
                    setMeta(ctx, v, p, result);
                } else if (is(key, "spec")) {
                    forEachMember(ctx, v, p, [&](std::string_view k, Element sv, const Path &sp) {
                        if (is(k, "experiment"))
                            readWord(ctx, sv, sp, result.experiment);
                    });
                } else if (is(key, "status")) {
                    readLitmusStatus(ctx, v, p, result);
                }
            });
        });
}

ObjectList<ChaosExperiment> SafetyNetDecoder::chaosMeshExperiments(const QByteArray &body)
{
    QString listKind;
    ObjectList<ChaosExperiment> list = decodeList<ChaosExperiment>(
        body,
        [](Context &ctx, Element item, const Path &path, QList<ChaosExperiment> &out) {
            ChaosExperiment &experiment = out.emplaceBack();
            experiment.kind = ChaosExperiment::Kind::ChaosMesh;
            experiment.resourceKind = kindOf(item);
            ChaosMeshState state;
            forEachMember(ctx, item, path, [&](std::string_view key, Element v, const Path &p) {
                if (is(key, "metadata"))
                    setMeta(ctx, v, p, experiment);
                else if (is(key, "spec"))
                    readChaosMeshSpec(ctx, v, p, experiment);
                else if (is(key, "status"))
                    readChaosMeshStatus(ctx, v, p, state);
            });
            experiment.phase = chaosMeshPhase(state);
            experiment.message = state.failure;
        },
        &listKind);
    for (ChaosExperiment &experiment : list.items) {
        experiment.resourceKind = itemKind(experiment.resourceKind, listKind);
        // Kinds without an action (StressChaos, TimeChaos...) are their own experiment.
        if (experiment.experiment.isEmpty())
            experiment.experiment = experiment.resourceKind;
    }
    return list;
}

ObjectList<FeatureFlag> SafetyNetDecoder::featureFlags(const QByteArray &body)
{
    return decodeList<FeatureFlag>(
        body, [](Context &ctx, Element item, const Path &path, QList<FeatureFlag> &out) {
            ItemMeta meta;
            Element flags;
            bool hasFlags = false;
            forEachMember(ctx, item, path, [&](std::string_view key, Element v, const Path &p) {
                if (is(key, "metadata")) {
                    readItemMeta(ctx, v, p, meta);
                } else if (is(key, "spec")) {
                    // Only found here: each flag carries the resource's name, so the flags
                    // are read once the metadata is, wherever it stands in the object.
                    forEachMember(ctx, v, p, [&](std::string_view k, Element sv, const Path &sp) {
                        if (!is(k, "flagSpec"))
                            return;
                        forEachMember(ctx, sv, sp,
                                      [&](std::string_view fk, Element fv, const Path &) {
                                          if (is(fk, "flags")) {
                                              flags = fv;
                                              hasFlags = true;
                                          }
                                      });
                    });
                }
            });
            if (hasFlags) {
                const Path spec = path.child("spec");
                const Path flagSpec = spec.child("flagSpec");
                readFlags(ctx, flags, flagSpec.child("flags"), meta, out);
            }
        });
}
