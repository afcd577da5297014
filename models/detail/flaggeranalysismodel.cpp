// SPDX-License-Identifier: GPL-3.0-or-later
#include "flaggeranalysismodel.h"

#include "flaggeranalysistext.h"
#include "flaggerstrategy.h"

#include <QSet>
#include <QStringList>

#include <algorithm>

using Tone = DetailRoles::Tone;

namespace {

const QString separator = QStringLiteral(" \u00b7 ");

DetailRow textRow(const QString &item, const QString &value, const QString &toolTip = {})
{
    DetailRow row(FlaggerAnalysisModel::ColumnCount);
    row.cell(FlaggerAnalysisModel::Item) = {item, toolTip};
    row.cell(FlaggerAnalysisModel::Value) = {value, toolTip.isEmpty() ? value : toolTip};
    return row;
}

// The spec's value, or Flagger's default in the muted tone and said to be one.
DetailRow valueOrDefault(const QString &item, const QString &value, const QString &fallback)
{
    if (!value.isEmpty())
        return textRow(item, value);
    DetailRow row = textRow(item, FlaggerAnalysisModel::tr("%1 (default)").arg(fallback));
    row.cell(FlaggerAnalysisModel::Value).tone = Tone::Muted;
    return row;
}

// A group's heading ("Metrics (3)"), open when it first appears.
DetailRow groupRow(const QString &item)
{
    DetailRow row = textRow(item, QString());
    row.cell(FlaggerAnalysisModel::Item).bold = true;
    row.expandedByDefault = true;
    return row;
}

QString objectRefText(const FlaggerObjectRef &ref)
{
    const QString name
        = ref.namespaceName.isEmpty() ? ref.name : ref.namespaceName + QLatin1Char('/') + ref.name;
    return ref.kind.isEmpty() ? name : ref.kind + QLatin1Char(' ') + name;
}

// Flagger calls the webhooks in this order in a run (rollback and event at any time).
int webhookOrder(const QString &type)
{
    static const QStringList order {
        QStringLiteral("confirm-rollout"),   QStringLiteral("pre-rollout"),
        QStringLiteral("rollout"),           QStringLiteral("confirm-traffic-increase"),
        QStringLiteral("confirm-promotion"), QStringLiteral("post-rollout"),
        QStringLiteral("rollback"),          QStringLiteral("event")};
    const int at = order.indexOf(type.isEmpty() ? QStringLiteral("rollout") : type);
    return at < 0 ? int(order.size()) : at;
}

// A key not used yet under the same parent (a hostile spec may repeat names).
QString uniqueKey(QSet<QString> &used, const QString &key)
{
    QString unique = key;
    for (int n = 2; used.contains(unique); ++n)
        unique = key + QLatin1Char('#') + QString::number(n);
    used.insert(unique);
    return unique;
}

} // namespace

FlaggerAnalysisModel::FlaggerAnalysisModel(QObject *parent) : KeyedTreeModel(parent) { }

void FlaggerAnalysisModel::setCanary(const FlaggerCanary &canary, DetailUpdate how)
{
    Node wanted;
    appendSpecRows(wanted, canary);
    if (canary.spec.analysis) {
        appendAnalysisRows(wanted, canary);
        const QString &ns = canary.metadata.namespaceName;
        appendMetrics(wanted, *canary.spec.analysis, ns);
        appendWebhooks(wanted, *canary.spec.analysis);
        appendAlerts(wanted, *canary.spec.analysis, ns);
    } else {
        DetailRow none = textRow(tr("Analysis"), tr("None: Flagger promotes without checks"));
        none.cell(Value).tone = Tone::Warning;
        wanted.append(QStringLiteral("analysis"), std::move(none));
    }
    apply(std::move(wanted), how);
}

void FlaggerAnalysisModel::appendSpecRows(Node &root, const FlaggerCanary &canary) const
{
    const FlaggerCanarySpec &spec = canary.spec;
    root.append(
        QStringLiteral("target"),
        textRow(
            tr("Target"),
            tr("%1 (primary %2-primary)").arg(objectRefText(spec.targetRef), spec.targetRef.name)));
    root.append(QStringLiteral("provider"),
                valueOrDefault(tr("Provider"), spec.provider, tr("Flagger's mesh provider")));
    QString service = spec.serviceName.isEmpty() ? spec.targetRef.name : spec.serviceName;
    if (spec.servicePort > 0)
        service += QLatin1Char(':') + QString::number(spec.servicePort);
    if (!spec.servicePortName.isEmpty())
        service += QStringLiteral(" (%1)").arg(spec.servicePortName);
    root.append(QStringLiteral("service"), textRow(tr("Service"), service));
    if (!spec.autoscalerRef.name.isEmpty())
        root.append(QStringLiteral("autoscaler"),
                    textRow(tr("Autoscaler"), objectRefText(spec.autoscalerRef)));
    root.append(QStringLiteral("deadline"),
                textRow(tr("Deadline"), FlaggerAnalysisText::progressDeadline(spec)));
    if (spec.revertOnDeletion)
        root.append(QStringLiteral("revert"),
                    textRow(tr("On deletion"), tr("The target is reverted (revertOnDeletion)")));
}

void FlaggerAnalysisModel::appendAnalysisRows(Node &root, const FlaggerCanary &canary) const
{
    const FlaggerAnalysis &analysis = *canary.spec.analysis;
    root.append(QStringLiteral("strategy"),
                textRow(tr("Strategy"), FlaggerAnalysisText::strategy(canary)));
    root.append(QStringLiteral("interval"),
                textRow(tr("Interval"), FlaggerAnalysisText::interval(analysis)));
    root.append(QStringLiteral("threshold"),
                textRow(tr("Threshold"), FlaggerAnalysisText::threshold(analysis)));
    QStringList steps;
    for (const qint32 weight : flaggerWeightSchedule(canary))
        steps.append(tr("%1%").arg(weight));
    // The whole schedule in the tooltip: the text shortens a long one.
    root.append(
        QStringLiteral("traffic"),
        textRow(tr("Traffic"), FlaggerAnalysisText::weights(canary),
                steps.isEmpty()
                    ? QString()
                    : tr("Canary weights: %1").arg(steps.join(QStringLiteral(" \u2192 ")))));
    root.append(QStringLiteral("ready"),
                textRow(tr("Ready thresholds"),
                        tr("primary %1% \u00b7 canary %2%")
                            .arg(analysis.primaryReadyThreshold.value_or(100))
                            .arg(analysis.canaryReadyThreshold.value_or(100))));
    if (canary.spec.analysisFromDeprecatedAlias) {
        DetailRow alias = textRow(tr("Note"), tr("From the deprecated spec.canaryAnalysis"));
        alias.cell(Value).tone = Tone::Muted;
        root.append(QStringLiteral("alias"), std::move(alias));
    }
}

void FlaggerAnalysisModel::appendMetrics(Node &root, const FlaggerAnalysis &analysis,
                                         const QString &canaryNamespace) const
{
    Node *group = root.append(QStringLiteral("metrics"),
                              groupRow(tr("Metrics (%1)").arg(analysis.metrics.size())));
    QSet<QString> keys;
    for (const FlaggerMetric &metric : analysis.metrics) {
        // The sentence names the metric: it spans the row.
        const QString text = FlaggerAnalysisText::metric(metric, canaryNamespace);
        QStringList details;
        for (const StringMap::Entry &variable : metric.templateVariables)
            details.append(QStringLiteral("%1 = %2").arg(variable.first, variable.second));
        if (!metric.query.isEmpty())
            details.append(metric.query);
        DetailRow row = textRow(text, QString(),
                                details.isEmpty() ? QString()
                                                  : text + QLatin1Char('\n') + details.join('\n'));
        row.firstColumnSpanned = true;
        group->append(uniqueKey(keys, metric.name), std::move(row));
    }
}

QString FlaggerAnalysisModel::webhookTypeHelp(const QString &type)
{
    if (type.isEmpty() || type == QLatin1String("rollout"))
        return tr("Called on every analysis interval; a failure counts as a failed check");
    if (type == QLatin1String("pre-rollout"))
        return tr("Called before traffic reaches the canary; a failure counts as a failed check");
    if (type == QLatin1String("post-rollout"))
        return tr("Called after the promotion or the rollback; its result is only logged");
    if (type == QLatin1String("confirm-rollout"))
        return tr("Gate: the canary waits (phase Waiting) until this URL answers 2xx");
    if (type == QLatin1String("confirm-traffic-increase"))
        return tr("Gate: each weight increase waits until this URL answers 2xx");
    if (type == QLatin1String("confirm-promotion"))
        return tr("Gate: the promotion waits (phase WaitingPromotion) until this URL answers 2xx");
    if (type == QLatin1String("rollback"))
        return tr("Polled during the analysis: a 2xx answer rolls the canary back");
    if (type == QLatin1String("event"))
        return tr("Told of every event Flagger records for this canary");
    return QString();
}

void FlaggerAnalysisModel::appendWebhooks(Node &root, const FlaggerAnalysis &analysis) const
{
    Node *group = root.append(QStringLiteral("webhooks"),
                              groupRow(tr("Webhooks (%1)").arg(analysis.webhooks.size())));
    QList<FlaggerWebhook> webhooks = analysis.webhooks;
    std::stable_sort(webhooks.begin(), webhooks.end(),
                     [](const FlaggerWebhook &a, const FlaggerWebhook &b) {
                         return webhookOrder(a.type) < webhookOrder(b.type);
                     });
    QSet<QString> keys;
    for (const FlaggerWebhook &webhook : webhooks) {
        QStringList parts {FlaggerAnalysisText::webhook(webhook)};
        if (!webhook.timeout.isEmpty())
            parts.append(tr("timeout %1").arg(webhook.timeout));
        if (webhook.retries > 0)
            parts.append(tr("%n retries", nullptr, webhook.retries));
        if (webhook.muteAlert)
            parts.append(tr("alerts muted"));
        if (webhook.disableTls)
            parts.append(tr("TLS verification off"));
        // Only the keys: a metadata value may be a command line or a token.
        if (!webhook.metadataKeys.isEmpty())
            parts.append(tr("metadata: %1").arg(webhook.metadataKeys.join(QStringLiteral(", "))));
        const QString value = parts.join(separator);
        const QString help = webhookTypeHelp(webhook.type);
        DetailRow row = textRow(webhook.name, value,
                                help.isEmpty() ? QString() : value + QLatin1Char('\n') + help);
        if (flaggerGateKind(webhook.type))
            row.cell(Item).tone = Tone::Active;
        group->append(uniqueKey(keys, webhook.type + QLatin1Char('/') + webhook.name),
                      std::move(row));
    }
}

void FlaggerAnalysisModel::appendAlerts(Node &root, const FlaggerAnalysis &analysis,
                                        const QString &canaryNamespace) const
{
    if (analysis.alerts.isEmpty())
        return;
    Node *group = root.append(QStringLiteral("alerts"),
                              groupRow(tr("Alerts (%1)").arg(analysis.alerts.size())));
    QSet<QString> keys;
    for (const FlaggerAlert &alert : analysis.alerts) {
        DetailRow row = textRow(FlaggerAnalysisText::alert(alert, canaryNamespace), QString());
        row.firstColumnSpanned = true;
        group->append(uniqueKey(keys, alert.name), std::move(row));
    }
}

QVariant FlaggerAnalysisModel::rowData(const Node &node, int column, int role) const
{
    return node.row.data(column, role);
}

QVariant FlaggerAnalysisModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case Item:
        return tr("Spec");
    case Value:
        return tr("Value");
    default:
        return QVariant();
    }
}
