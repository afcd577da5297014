// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysismetricrows.h"

#include "analysischarts.h"
#include "metricdescription.h"

namespace {

using M = AnalysisRunsModel;

// A label and its value across the columns; extra keeps both, and what copying gives.
DetailRow definitionRow(const QString &label, const QString &value, const QString &toolTip,
                        const QString &copied)
{
    DetailRow row(M::ColumnCount);
    row.cell(M::Name) = {AnalysisRunsModel::tr("%1: %2").arg(label, value), toolTip};
    row.firstColumnSpanned = true;
    row.extra = QStringList {label, value, copied};
    return row;
}

QString orNotSet(const QString &text)
{
    return text.trimmed().isEmpty() ? AnalysisRunsModel::tr("not set") : text.trimmed();
}

QString requestOf(const MetricProvider &provider)
{
    return MetricDescription::requestAsSent(provider).trimmed();
}

} // namespace

namespace AnalysisMetricRows {

AnalysisMetric resolved(const AnalysisMetric &metric, const QList<AnalysisArg> &args)
{
    const auto resolve
        = [&args](const QString &text) { return AnalysisCharts::resolveArgs(text, args); };
    AnalysisMetric out = metric;
    out.provider.address = resolve(metric.provider.address);
    out.provider.query = resolve(metric.provider.query);
    out.provider.url = resolve(metric.provider.url);
    out.provider.command = resolve(metric.provider.command);
    for (QString &query : out.provider.queries)
        query = resolve(query);
    for (ProviderSetting &setting : out.provider.settings)
        setting.value = resolve(setting.value);
    out.successCondition = resolve(metric.successCondition);
    out.failureCondition = resolve(metric.failureCondition);
    out.interval = resolve(metric.interval);
    out.initialDelay = resolve(metric.initialDelay);
    for (IntOrString *limit : {&out.count, &out.failureLimit, &out.inconclusiveLimit,
                               &out.consecutiveErrorLimit, &out.consecutiveSuccessLimit}) {
        if (!limit->isString())
            continue;
        const QString value = resolve(limit->stringValue);
        bool isNumber = false;
        const qint32 number = value.trimmed().toInt(&isNumber);
        *limit = isNumber ? IntOrString::fromInt(number) : IntOrString::fromString(value);
    }
    return out;
}

QString definitionKey(M::Definition part)
{
    switch (part) {
    case M::Definition::Provider:
        return QStringLiteral("#provider");
    case M::Definition::Request:
        return QStringLiteral("#request");
    case M::Definition::Conditions:
        return QStringLiteral("#conditions");
    case M::Definition::Limits:
        return QStringLiteral("#limits");
    case M::Definition::Schedule:
        return QStringLiteral("#schedule");
    }
    return QString();
}

void appendDefinition(M::Node *node, const AnalysisMetric &d, const AnalysisMetric &written)
{
    using D = MetricDescription;
    const auto add = [node](M::Definition part, const QString &label, const QString &value,
                            const QString &toolTip, const QString &copied) {
        node->append(definitionKey(part), definitionRow(label, value, toolTip, copied));
    };
    const QString provider = D::provider(d.provider);
    add(M::Definition::Provider, AnalysisRunsModel::tr("Provider"), provider, provider, provider);
    const QString request = D::request(d.provider);
    if (!request.isEmpty()) {
        // Copied as the controller sends it, line breaks kept, ready to paste into Prometheus;
        // the tooltip also shows the run's template when arguments were filled in.
        const QString sent = requestOf(d.provider);
        const QString template_ = requestOf(written.provider);
        const QString toolTip = sent == template_
            ? sent
            : AnalysisRunsModel::tr("%1\n\nIn the AnalysisRun, before its arguments:\n%2")
                  .arg(sent, template_);
        add(M::Definition::Request, D::requestLabel(d.provider), request, toolTip, sent);
    }
    const QString conditions = D::conditions(d);
    add(M::Definition::Conditions, AnalysisRunsModel::tr("Conditions"), conditions,
        AnalysisRunsModel::tr("successCondition: %1\nfailureCondition: %2")
            .arg(orNotSet(d.successCondition), orNotSet(d.failureCondition)),
        conditions);
    const QString limits = D::limits(d);
    add(M::Definition::Limits, AnalysisRunsModel::tr("Limits"), limits, D::limitsExplained(d),
        limits);
    const QString schedule = D::schedule(d);
    add(M::Definition::Schedule, AnalysisRunsModel::tr("Schedule"), schedule,
        AnalysisRunsModel::tr("count: %1\ninterval: %2\ninitialDelay: %3")
            .arg(orNotSet(d.count.toString()), orNotSet(d.interval), orNotSet(d.initialDelay)),
        schedule);
}

DetailCell judgedCell(const Measurement &m, const AnalysisMetric *definition)
{
    QString judged = MetricDescription::judgement(m, definition);
    QString explained = MetricDescription::judgementExplained(m, definition);
    // An Error's message is its judgement; any other message (rare) follows the rule.
    if (!m.message.isEmpty() && m.phase != QLatin1String("Error")) {
        judged = AnalysisRunsModel::tr("%1 \u00b7 %2")
                     .arg(judged, MetricDescription::oneLine(m.message));
        explained += QLatin1Char('\n') + m.message;
    }
    return DetailCell(judged, explained);
}

} // namespace AnalysisMetricRows
