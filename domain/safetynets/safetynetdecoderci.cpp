// SPDX-License-Identifier: GPL-3.0-or-later
// CI runs. Argo Workflows (argoproj/argo-workflows f016ad89,
// pkg/apis/workflow/v1alpha1/workflow_types.go): spec.arguments.parameters[]{name, value},
// status{phase (Pending, Running, Succeeded, Failed, Error), message, startedAt, finishedAt,
// outputs{parameters[], result}, nodes: a map of node id to {displayName, type, phase,
// message, startedAt, finishedAt, outputs}}. A parameter's value is an AnyString: a string,
// a number or a boolean. Nodes of type Steps, StepGroup, DAG, TaskGroup and Retry only group
// others and are not steps here.
// Tekton (tektoncd/pipeline 3ee1745a, pkg/apis/pipeline/v1/pipelinerun_types.go,
// taskrun_types.go, param_types.go): a PipelineRun's spec.params[]{name, value} where value
// is a string, an array of strings or an object of strings; status{conditions[] (type
// Succeeded: status True/False/Unknown, reason, message), startTime, completionTime,
// results[]{name, value}, skippedTasks[]{name, reason}, childReferences[]}. tekton.dev/v1
// keeps no task status in the PipelineRun, so each task's outcome comes from its TaskRun,
// labelled tekton.dev/pipelineRun and tekton.dev/pipelineTask (pkg/apis/pipeline/register.go),
// with the same condition, startTime, completionTime and results.
#include "safetynetdecoder_p.h"

#include <algorithm>

using namespace SafetyNetRead;

namespace {

bool isGroupingNode(const QString &type)
{
    static const QStringList grouping {QStringLiteral("Steps"), QStringLiteral("StepGroup"),
                                       QStringLiteral("DAG"), QStringLiteral("TaskGroup"),
                                       QStringLiteral("Retry")};
    return grouping.contains(type);
}

// Parameters [{name, value}] (Argo's and Tekton's): each value appended to out.
void readParameters(Context &ctx, Element value, const Path &path, QStringList &out)
{
    forEachBounded(
        ctx, value, path, SafetyNetLimits::maxValuesPerRun, [&](Element parameter, const Path &pp) {
            forEachMember(ctx, parameter, pp, [&](std::string_view key, Element v, const Path &p) {
                if (is(key, "value"))
                    appendValues(ctx, v, p, out, SafetyNetLimits::maxValuesPerRun);
            });
        });
}

// Argo's outputs{parameters[], result}.
void readOutputs(Context &ctx, Element value, const Path &path, QStringList &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "parameters"))
            readParameters(ctx, v, p, out);
        else if (is(key, "result"))
            appendValues(ctx, v, p, out, SafetyNetLimits::maxValuesPerRun);
    });
}

// Steps with a start time first, in start order; the others (pending, skipped) after them.
void sortSteps(QList<CiStep> &steps)
{
    std::stable_sort(steps.begin(), steps.end(), [](const CiStep &a, const CiStep &b) {
        if ((a.startedMs == 0) != (b.startedMs == 0))
            return a.startedMs != 0;
        return a.startedMs < b.startedMs;
    });
}

void readNodes(Context &ctx, Element value, const Path &path, CiRun &out)
{
    forEachMember(ctx, value, path, [&](std::string_view, Element node, const Path &np) {
        CiStep step;
        QString type;
        QStringList outputs;
        forEachMember(ctx, node, np, [&](std::string_view key, Element v, const Path &p) {
            if (is(key, "displayName"))
                readText(ctx, v, p, step.name);
            else if (is(key, "type"))
                readWord(ctx, v, p, type);
            else if (is(key, "phase"))
                readWord(ctx, v, p, step.phase);
            else if (is(key, "message"))
                readText(ctx, v, p, step.message);
            else if (is(key, "startedAt"))
                readMs(ctx, v, p, step.startedMs);
            else if (is(key, "finishedAt"))
                readMs(ctx, v, p, step.finishedMs);
            else if (is(key, "outputs"))
                readOutputs(ctx, v, p, outputs);
        });
        for (const QString &output : std::as_const(outputs)) {
            if (out.values.size() < SafetyNetLimits::maxValuesPerRun)
                out.values.append(output);
        }
        if (isGroupingNode(type))
            return;
        if (out.steps.size() < SafetyNetLimits::maxStepsPerRun)
            out.steps.append(std::move(step));
        else
            out.truncated = true;
    });
    sortSteps(out.steps);
}

void readWorkflowStatus(Context &ctx, Element value, const Path &path, CiRun &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "phase"))
            readWord(ctx, v, p, out.phase);
        else if (is(key, "message"))
            readText(ctx, v, p, out.message);
        else if (is(key, "startedAt"))
            readMs(ctx, v, p, out.startedMs);
        else if (is(key, "finishedAt"))
            readMs(ctx, v, p, out.finishedMs);
        else if (is(key, "outputs"))
            readOutputs(ctx, v, p, out.values);
        else if (is(key, "nodes"))
            readNodes(ctx, v, p, out);
    });
}

void readRunMeta(Context &ctx, Element value, const Path &path, CiRun &out)
{
    ItemMeta meta;
    readItemMeta(ctx, value, path, meta);
    out.name = meta.name;
    out.namespace_ = meta.namespace_;
    out.labels = meta.labels;
}

// The Succeeded condition, startTime, completionTime and results of a PipelineRun's or a
// TaskRun's status.
struct TektonStatus
{
    ConditionText succeeded {};
    qint64 startedMs = 0;
    qint64 finishedMs = 0;
};

void readTektonStatus(Context &ctx, Element value, const Path &path, TektonStatus &out,
                      QStringList &values, QList<CiStep> *skipped)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "conditions")) {
            readCondition(ctx, v, p, "Succeeded", out.succeeded);
        } else if (is(key, "startTime")) {
            readMs(ctx, v, p, out.startedMs);
        } else if (is(key, "completionTime")) {
            readMs(ctx, v, p, out.finishedMs);
        } else if (is(key, "results")) {
            readParameters(ctx, v, p, values);
        } else if (skipped && is(key, "skippedTasks")) {
            forEachBounded(ctx, v, p, SafetyNetLimits::maxStepsPerRun,
                           [&](Element task, const Path &tp) {
                               CiStep &step = skipped->emplaceBack();
                               step.phase = QStringLiteral("Skipped");
                               forEachMember(ctx, task, tp,
                                             [&](std::string_view k, Element tv, const Path &kp) {
                                                 if (is(k, "name"))
                                                     readText(ctx, tv, kp, step.name);
                                                 else if (is(k, "reason"))
                                                     readText(ctx, tv, kp, step.message);
                                             });
                           });
        }
    });
}

void readPipelineRun(Context &ctx, Element item, const Path &path, CiRun &out)
{
    out.kind = CiRun::Kind::TektonPipelineRun;
    forEachMember(ctx, item, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "metadata")) {
            readRunMeta(ctx, v, p, out);
        } else if (is(key, "spec")) {
            forEachMember(ctx, v, p, [&](std::string_view k, Element sv, const Path &sp) {
                if (is(k, "params"))
                    readParameters(ctx, sv, sp, out.values);
            });
        } else if (is(key, "status")) {
            TektonStatus status;
            readTektonStatus(ctx, v, p, status, out.values, &out.steps);
            out.phase = status.succeeded.reason;
            out.conditionStatus = status.succeeded.status;
            out.message = status.succeeded.message;
            out.startedMs = status.startedMs;
            out.finishedMs = status.finishedMs;
        }
    });
}

void readTaskRun(Context &ctx, Element item, const Path &path, TektonTaskRun &out)
{
    QString name;
    forEachMember(ctx, item, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "metadata")) {
            ItemMeta meta;
            readItemMeta(ctx, v, p, meta);
            name = meta.name;
            out.namespace_ = meta.namespace_;
            out.pipelineRun = meta.labels.value(QStringLiteral("tekton.dev/pipelineRun"));
            out.pipelineTask = meta.labels.value(QStringLiteral("tekton.dev/pipelineTask"));
        } else if (is(key, "status")) {
            TektonStatus status;
            readTektonStatus(ctx, v, p, status, out.values, nullptr);
            out.step.phase = status.succeeded.reason;
            out.step.message = status.succeeded.message;
            out.step.startedMs = status.startedMs;
            out.step.finishedMs = status.finishedMs;
        }
    });
    out.step.name = out.pipelineTask.isEmpty() ? name : out.pipelineTask;
}

} // namespace

ObjectList<CiRun> SafetyNetDecoder::argoWorkflows(const QByteArray &body)
{
    return decodeList<CiRun>(
        body, [](Context &ctx, Element item, const Path &path, QList<CiRun> &out) {
            CiRun &run = out.emplaceBack();
            run.kind = CiRun::Kind::ArgoWorkflow;
            forEachMember(ctx, item, path, [&](std::string_view key, Element v, const Path &p) {
                if (is(key, "metadata")) {
                    readRunMeta(ctx, v, p, run);
                } else if (is(key, "spec")) {
                    forEachMember(ctx, v, p, [&](std::string_view k, Element sv, const Path &sp) {
                        if (!is(k, "arguments"))
                            return;
                        forEachMember(ctx, sv, sp,
                                      [&](std::string_view ak, Element av, const Path &ap) {
                                          if (is(ak, "parameters"))
                                              readParameters(ctx, av, ap, run.values);
                                      });
                    });
                } else if (is(key, "status")) {
                    readWorkflowStatus(ctx, v, p, run);
                }
            });
        });
}

ObjectList<CiRun> SafetyNetDecoder::tektonPipelineRuns(const QByteArray &body)
{
    return decodeList<CiRun>(body,
                             [](Context &ctx, Element item, const Path &path, QList<CiRun> &out) {
                                 readPipelineRun(ctx, item, path, out.emplaceBack());
                             });
}

ObjectList<TektonTaskRun> SafetyNetDecoder::tektonTaskRuns(const QByteArray &body)
{
    return decodeList<TektonTaskRun>(
        body, [](Context &ctx, Element item, const Path &path, QList<TektonTaskRun> &out) {
            readTaskRun(ctx, item, path, out.emplaceBack());
        });
}

void SafetyNetDecoder::attachTaskRuns(QList<CiRun> *pipelineRuns,
                                      const QList<TektonTaskRun> &taskRuns)
{
    if (!pipelineRuns)
        return;
    QHash<QPair<QString, QString>, QList<const TektonTaskRun *>> byRun;
    for (const TektonTaskRun &taskRun : taskRuns) {
        if (!taskRun.pipelineRun.isEmpty())
            byRun[qMakePair(taskRun.namespace_, taskRun.pipelineRun)].append(&taskRun);
    }
    for (CiRun &run : *pipelineRuns) {
        if (run.kind != CiRun::Kind::TektonPipelineRun)
            continue;
        const QList<const TektonTaskRun *> found = byRun.value(qMakePair(run.namespace_, run.name));
        for (const TektonTaskRun *taskRun : found) {
            // A task's step replaces one of the same name: attaching twice (a later page of
            // TaskRuns, a refresh) updates instead of repeating.
            auto same = std::find_if(run.steps.begin(), run.steps.end(),
                                     [&](const CiStep &s) { return s.name == taskRun->step.name; });
            if (same != run.steps.end())
                *same = taskRun->step;
            else if (run.steps.size() < SafetyNetLimits::maxStepsPerRun)
                run.steps.append(taskRun->step);
            else
                run.truncated = true;
            for (const QString &value : taskRun->values) {
                if (run.values.size() >= SafetyNetLimits::maxValuesPerRun)
                    break;
                if (!run.values.contains(value))
                    run.values.append(value);
            }
        }
        sortSteps(run.steps);
    }
}
