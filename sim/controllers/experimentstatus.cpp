// SPDX-License-Identifier: GPL-3.0-or-later
#include "experimentstatus.h"

#include "analysistypes.h"
#include "jsonutil.h"

#include "core/virtualclock.h"

#include <QJsonArray>
#include <QStringList>

#include <utility>

namespace rdsim::ExperimentStatus {

namespace {

// Best to worst, as utils/experiment's templateStatusOrder and analysisutil's phase order.
int templateRank(const QString &status)
{
    static const QStringList order {QStringLiteral("Successful"), QStringLiteral("Running"),
                                    QStringLiteral("Progressing"), QStringLiteral("Error"),
                                    QStringLiteral("Failed")};
    return std::max<int>(0, int(order.indexOf(status)));
}

int analysisRank(const QString &phase)
{
    static const QStringList order {QStringLiteral("Successful"), QStringLiteral("Pending"),
                                    QStringLiteral("Running"),    QStringLiteral("Inconclusive"),
                                    QStringLiteral("Error"),      QStringLiteral("Failed")};
    return std::max<int>(0, int(order.indexOf(phase)));
}

// assessTemplates: the worst template status as an experiment phase, with its message.
std::pair<QString, QString> assessTemplates(const QJsonObject &experiment,
                                            const QJsonObject &status)
{
    QString worst = QStringLiteral("Successful");
    QString message;
    for (const QJsonValue &value : JsonUtil::arrayAt(experiment, "spec.templates")) {
        const QString name = value.toObject().value(QLatin1String("name")).toString();
        const QJsonObject ts = findByName(status, "templateStatuses", name);
        const QString code = ts.isEmpty() ? QStringLiteral("Progressing")
                                          : ts.value(QLatin1String("status")).toString();
        if (templateRank(code) > templateRank(worst)) {
            worst = code;
            message = ts.value(QLatin1String("message")).toString();
        }
    }
    if (worst == QLatin1String("Progressing"))
        return {AnalysisPhaseName::Pending, message};
    if (worst == QLatin1String("Running"))
        return {AnalysisPhaseName::Running, message};
    return {worst, message};
}

bool requiredAnalysesSuccessful(const QJsonObject &experiment, const QJsonObject &status)
{
    bool anyRequired = false;
    for (const QJsonValue &value : JsonUtil::arrayAt(experiment, "spec.analyses")) {
        const QJsonObject analysis = value.toObject();
        if (!analysis.value(QLatin1String("requiredForCompletion")).toBool())
            continue;
        anyRequired = true;
        const QJsonObject run
            = findByName(status, "analysisRuns", analysis.value(QLatin1String("name")).toString());
        if (run.value(QLatin1String("phase")).toString() != AnalysisPhaseName::Successful)
            return false;
    }
    return anyRequired;
}

bool hasRequiredAnalyses(const QJsonObject &experiment)
{
    const QJsonArray analyses = JsonUtil::arrayAt(experiment, "spec.analyses");
    return std::any_of(analyses.begin(), analyses.end(), [](const QJsonValue &value) {
        return value.toObject().value(QLatin1String("requiredForCompletion")).toBool();
    });
}

// assessAnalysisRuns: the worst run phase (Pending counts as Running), Successful once every
// required run succeeded.
std::pair<QString, QString> assessAnalyses(const QJsonObject &experiment, const QJsonObject &status)
{
    QString worst = AnalysisPhaseName::Successful;
    QString message;
    for (const QJsonValue &value : JsonUtil::arrayAt(experiment, "spec.analyses")) {
        const QString name = value.toObject().value(QLatin1String("name")).toString();
        const QJsonObject run = findByName(status, "analysisRuns", name);
        const QString phase = run.value(QLatin1String("phase")).toString();
        if (analysisRank(phase) > analysisRank(worst)) {
            worst = phase;
            message = run.value(QLatin1String("message")).toString();
        }
    }
    if (requiredAnalysesSuccessful(experiment, status)
        && analysisRank(AnalysisPhaseName::Running) > analysisRank(worst))
        return {AnalysisPhaseName::Successful, QStringLiteral("Required AnalysisRuns completed")};
    if (worst == AnalysisPhaseName::Pending)
        worst = AnalysisPhaseName::Running;
    return {worst, message};
}

} // namespace

bool isCompleted(const QString &phase)
{
    return phase == AnalysisPhaseName::Successful || phase == AnalysisPhaseName::Failed
        || phase == AnalysisPhaseName::Error || phase == AnalysisPhaseName::Inconclusive;
}

bool hasFinished(const QJsonObject &experiment)
{
    return isCompleted(JsonUtil::stringAt(experiment, "status.phase"));
}

QJsonObject findByName(const QJsonObject &status, const char *list, const QString &name)
{
    for (const QJsonValue &value : status.value(QLatin1String(list)).toArray()) {
        if (value.toObject().value(QLatin1String("name")).toString() == name)
            return value.toObject();
    }
    return {};
}

bool isTerminating(const QJsonObject &experiment)
{
    if (JsonUtil::boolAt(experiment, "spec.terminate") || hasFinished(experiment))
        return true;
    for (const QJsonValue &value : JsonUtil::arrayAt(experiment, "status.templateStatuses")) {
        const QString code = value.toObject().value(QLatin1String("status")).toString();
        if (code == QLatin1String("Failed") || code == QLatin1String("Error"))
            return true;
    }
    for (const QJsonValue &value : JsonUtil::arrayAt(experiment, "status.analysisRuns")) {
        const QString phase = value.toObject().value(QLatin1String("phase")).toString();
        if (phase == AnalysisPhaseName::Failed || phase == AnalysisPhaseName::Error
            || phase == AnalysisPhaseName::Inconclusive)
            return true;
    }
    return false;
}

qint64 durationEndMs(const QJsonObject &experiment)
{
    const QString duration = JsonUtil::stringAt(experiment, "spec.duration");
    const QString availableAt = JsonUtil::stringAt(experiment, "status.availableAt");
    if (duration.isEmpty() || availableAt.isEmpty())
        return -1;
    const std::optional<qint64> ms = GoDuration::parseMs(duration, nullptr);
    const qint64 start = VirtualClock::fromRfc3339(availableAt);
    if (!ms || start < 0)
        return -1;
    return start + *ms;
}

void assessTemplate(const QJsonObject &experiment, QJsonObject &ts, int desired, bool terminating,
                    qint64 nowMs)
{
    if (isCompleted(ts.value(QLatin1String("status")).toString()))
        return;
    if (desired == ts.value(QLatin1String("availableReplicas")).toInt()) {
        const qint64 end = durationEndMs(experiment);
        const bool passed = end >= 0 && nowMs > end;
        ts.insert(QStringLiteral("status"),
                  passed || terminating ? QStringLiteral("Successful") : QStringLiteral("Running"));
        return;
    }
    const qint64 from
        = VirtualClock::fromRfc3339(ts.value(QLatin1String("lastTransitionTime")).toString());
    const qint64 deadlineSeconds = JsonUtil::intAt(experiment, "spec.progressDeadlineSeconds",
                                                   kDefaultProgressDeadlineSeconds);
    if (from >= 0 && nowMs > from + deadlineSeconds * 1000) {
        ts.insert(QStringLiteral("status"), QStringLiteral("Failed"));
        ts.insert(QStringLiteral("message"),
                  QStringLiteral("Template '%1' exceeded its progressDeadlineSeconds (%2)")
                      .arg(ts.value(QLatin1String("name")).toString())
                      .arg(deadlineSeconds));
        return;
    }
    ts.insert(QStringLiteral("status"),
              terminating ? QStringLiteral("Successful") : QStringLiteral("Progressing"));
}

void calculate(const QJsonObject &experiment, QJsonObject &status, const QString &now)
{
    const QString phase = status.value(QLatin1String("phase")).toString();
    if (phase.isEmpty()) {
        status.insert(QStringLiteral("phase"), AnalysisPhaseName::Pending);
        return;
    }
    if (phase != AnalysisPhaseName::Pending && phase != AnalysisPhaseName::Running)
        return;
    const auto [templates, templateMessage] = assessTemplates(experiment, status);
    const auto [analyses, analysesMessage] = assessAnalyses(experiment, status);
    if (templates == AnalysisPhaseName::Running && !status.contains(QLatin1String("availableAt")))
        status.insert(QStringLiteral("availableAt"), now);
    bool useAnalyses = false;
    if (isCompleted(templates)) {
        useAnalyses = templates == AnalysisPhaseName::Successful
            && (isCompleted(analyses) || hasRequiredAnalyses(experiment));
    } else {
        useAnalyses = (isCompleted(analyses) && analyses != AnalysisPhaseName::Successful)
            || requiredAnalysesSuccessful(experiment, status);
    }
    status.insert(QStringLiteral("phase"), useAnalyses ? analyses : templates);
    const QString message = useAnalyses ? analysesMessage : templateMessage;
    if (message.isEmpty())
        status.remove(QStringLiteral("message"));
    else
        status.insert(QStringLiteral("message"), message);
}

} // namespace rdsim::ExperimentStatus
