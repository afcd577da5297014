// SPDX-License-Identifier: GPL-3.0-or-later
#include "canaryprinter.h"

#include "flaggeranalysistext.h"
#include "flaggerstatus.h"
#include "flaggerstrategy.h"
#include "rolloutprinter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

QString waitName(FlaggerWait wait)
{
    switch (wait) {
    case FlaggerWait::None:
        break;
    case FlaggerWait::Suspended:
        return QStringLiteral("suspended");
    case FlaggerWait::ConfirmRollout:
        return QStringLiteral("confirm-rollout");
    case FlaggerWait::ConfirmPromotion:
        return QStringLiteral("confirm-promotion");
    }
    return QString();
}

QJsonValue timeOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODate)) : QJsonValue();
}

} // namespace

QString CanaryPrinter::strategyName(const FlaggerCanary &canary)
{
    switch (flaggerStrategy(canary)) {
    case FlaggerStrategy::Canary:
        break;
    case FlaggerStrategy::BlueGreen:
        return QStringLiteral("BlueGreen");
    case FlaggerStrategy::ABTesting:
        return QStringLiteral("ABTesting");
    }
    return QStringLiteral("Canary");
}

QString CanaryPrinter::table(const QList<CanaryListItem> &canaries, const QDateTime &now)
{
    QList<QStringList> rows;
    rows.append({QStringLiteral("ENVIRONMENT"), QStringLiteral("NAMESPACE"), QStringLiteral("NAME"),
                 QStringLiteral("STRATEGY"), QStringLiteral("PHASE"), QStringLiteral("STATUS"),
                 QStringLiteral("WEIGHT"), QStringLiteral("FAILED-CHECKS"), QStringLiteral("STEP"),
                 QStringLiteral("AGE"), QStringLiteral("SUMMARY")});
    for (const CanaryListItem &item : canaries) {
        const FlaggerCanary &c = item.canary;
        const QDateTime created = c.metadata.creationTimestamp;
        rows.append({item.environment, c.metadata.namespaceName, c.metadata.name, strategyName(c),
                     orDash(c.status.phase), FlaggerStatus::phase(c).phase,
                     QString::number(FlaggerStatus::routedWeight(c)),
                     QStringLiteral("%1/%2").arg(c.status.failedChecks).arg(flaggerThreshold(c)),
                     orDash(FlaggerStatus::stepString(c)),
                     created.isValid() ? RolloutPrinter::humanDuration(created.secsTo(now))
                                       : QStringLiteral("<unknown>"),
                     FlaggerStatus::summary(c)});
    }
    return RolloutPrinter::columns(rows);
}

QJsonObject CanaryPrinter::toJson(const CanaryListItem &item)
{
    const FlaggerCanary &c = item.canary;
    const RolloutPhaseInfo status = FlaggerStatus::phase(c);
    QJsonArray gates;
    for (const FlaggerGateWebhook &gate : flaggerGateWebhooks(c))
        gates.append(
            QJsonObject {{QStringLiteral("type"), flaggerGateWebhookType(gate.kind)},
                         {QStringLiteral("name"), gate.webhook.name},
                         {QStringLiteral("url"), FlaggerAnalysisText::shownUrl(gate.webhook.url)}});
    const QString wait = waitName(FlaggerStatus::wait(c));
    return QJsonObject {
        {QStringLiteral("environment"), item.environment},
        {QStringLiteral("context"), item.context},
        {QStringLiteral("namespace"), c.metadata.namespaceName},
        {QStringLiteral("name"), c.metadata.name},
        {QStringLiteral("target"), c.spec.targetRef.name},
        {QStringLiteral("strategy"), strategyName(c)},
        {QStringLiteral("phase"), c.status.phase},
        {QStringLiteral("status"), status.phase},
        {QStringLiteral("message"), status.message},
        {QStringLiteral("summary"), FlaggerStatus::summary(c)},
        {QStringLiteral("waitsFor"), wait.isEmpty() ? QJsonValue() : QJsonValue(wait)},
        {QStringLiteral("step"), FlaggerStatus::stepString(c)},
        {QStringLiteral("canaryWeight"), c.status.canaryWeight},
        // What the router gives the canary (at WaitingPromotion Flagger's status says 0).
        {QStringLiteral("routedWeight"), FlaggerStatus::routedWeight(c)},
        {QStringLiteral("failedChecks"), c.status.failedChecks},
        {QStringLiteral("threshold"), flaggerThreshold(c)},
        {QStringLiteral("iterations"), c.status.iterations},
        {QStringLiteral("suspended"), c.spec.suspend},
        {QStringLiteral("skipAnalysis"), c.spec.skipAnalysis},
        {QStringLiteral("gates"), gates},
        {QStringLiteral("lastTransitionTime"), timeOrNull(c.status.lastTransitionTime)},
        {QStringLiteral("creationTimestamp"), timeOrNull(c.metadata.creationTimestamp)},
    };
}

QByteArray CanaryPrinter::jsonList(const QList<CanaryListItem> &canaries,
                                   const QList<QPair<QString, QString>> &errors)
{
    QJsonArray items;
    for (const CanaryListItem &item : canaries)
        items.append(toJson(item));
    QJsonArray errorItems;
    for (const auto &error : errors)
        errorItems.append(QJsonObject {{QStringLiteral("environment"), error.first},
                                       {QStringLiteral("message"), error.second}});
    const QJsonObject list {
        {QStringLiteral("apiVersion"), QStringLiteral("release-dashboard/v1")},
        {QStringLiteral("kind"), QStringLiteral("CanaryList")},
        {QStringLiteral("items"), items},
        {QStringLiteral("errors"), errorItems},
    };
    return QJsonDocument(list).toJson(QJsonDocument::Indented);
}
