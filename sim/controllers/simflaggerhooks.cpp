// SPDX-License-Identifier: GPL-3.0-or-later
// Flagger's webhooks (scheduler_hooks.go, webhook.go). A webhook whose URL's host is the
// Service `flagger-loadtester` (`flagger-loadtester.<ns>[.svc[.cluster.local]]`, or bare for
// the Canary's namespace) is answered by the cluster's load tester, as if posted; without
// that Service the call fails as an unknown host would. Other URLs reach nothing real in the
// simulation and count as answered 200.
#include "simflaggercontroller.h"

#include "jsonutil.h"
#include "kinds.h"
#include "simflaggerphases.h"

#include "core/objectstore.h"
#include "core/simloadtester.h"

#include <QJsonDocument>
#include <QUrl>

namespace rdsim {

using namespace FlaggerPhases;

bool FlaggerController::callWebhook(const Run &run, const FlaggerCanarySpec::Webhook &hook,
                                    const QString &phase, QString *error) const
{
    const QUrl url(hook.url);
    const QStringList labels = url.host().toLower().split(u'.');
    if (labels.first() != FlaggerLoadTester::serviceName())
        return true;
    const QString ns = labels.size() >= 2 ? labels.at(1) : run.ns;
    if (!m_store.get(Kinds::services(), ns, labels.first())) {
        *error = QStringLiteral("Post \"%1\": dial tcp: lookup %2: no such host")
                     .arg(hook.url, url.host());
        return false;
    }
    const QJsonObject payload {{QStringLiteral("name"), run.name},
                               {QStringLiteral("namespace"), run.ns},
                               {QStringLiteral("phase"), phase},
                               {QStringLiteral("checksum"), run.checksum},
                               {QStringLiteral("metadata"), QJsonObject()}};
    const FlaggerLoadTester::Reply reply
        = m_loadTester.handle(ns, url.path().isEmpty() ? QStringLiteral("/") : url.path(),
                              QJsonDocument(payload).toJson(QJsonDocument::Compact));
    if (reply.status > 202) {
        *error = QString::fromUtf8(reply.body);
        return false;
    }
    return true;
}

// The pre-rollout hooks, or the rollout hooks (type "rollout" or none).
bool FlaggerController::callHooks(Run &run, const QString &type, const QString &phase)
{
    const bool rolloutHooks = type == QLatin1String("rollout");
    for (const FlaggerCanarySpec::Webhook &hook : std::as_const(run.spec.webhooks)) {
        if (hook.type != type && !(rolloutHooks && hook.type.isEmpty()))
            continue;
        QString error;
        if (!callWebhook(run, hook, phase, &error)) {
            warning(run,
                    QStringLiteral("Halt %1 advancement %2 check %3 failed %4")
                        .arg(run.id(), rolloutHooks ? QStringLiteral("external") : type, hook.name,
                             error));
            return false;
        }
        if (!rolloutHooks)
            info(run, QStringLiteral("Pre-rollout check %1 passed").arg(hook.name));
    }
    return true;
}

bool FlaggerController::confirmRollout(Run &run)
{
    for (const FlaggerCanarySpec::Webhook &hook : std::as_const(run.spec.webhooks)) {
        if (hook.type != QLatin1String("confirm-rollout"))
            continue;
        QString error;
        if (!callWebhook(run, hook, run.phase(), &error)) {
            if (run.phase() != waitingPhase()) {
                setPhase(run, waitingPhase());
                warning(run,
                        QStringLiteral("Halt %1 advancement waiting for approval %2")
                            .arg(run.id(), hook.name));
            }
            return false;
        }
        info(run, QStringLiteral("Confirm-rollout check %1 passed").arg(hook.name));
    }
    return true;
}

bool FlaggerController::confirmPromotion(Run &run)
{
    for (const FlaggerCanarySpec::Webhook &hook : std::as_const(run.spec.webhooks)) {
        if (hook.type != QLatin1String("confirm-promotion"))
            continue;
        QString error;
        if (!callWebhook(run, hook, progressingPhase(), &error)) {
            if (run.phase() != waitingPromotionPhase()) {
                setPhase(run, waitingPromotionPhase());
                warning(run,
                        QStringLiteral("Halt %1 advancement waiting for promotion approval %2")
                            .arg(run.id(), hook.name));
            } else {
                setStatusField(run, "iterations", run.spec.iterations - 1);
            }
            return false;
        }
        info(run, QStringLiteral("Confirm-promotion check %1 passed").arg(hook.name));
    }
    return true;
}

bool FlaggerController::confirmTrafficIncrease(Run &run)
{
    for (const FlaggerCanarySpec::Webhook &hook : std::as_const(run.spec.webhooks)) {
        if (hook.type != QLatin1String("confirm-traffic-increase"))
            continue;
        QString error;
        if (!callWebhook(run, hook, progressingPhase(), &error)) {
            warning(run,
                    QStringLiteral("Halt %1 advancement waiting for traffic increase "
                                   "approval %2")
                        .arg(run.id(), hook.name));
            return false;
        }
        info(run, QStringLiteral("Confirm-traffic-increase check %1 passed").arg(hook.name));
    }
    return true;
}

// A rollback hook that answers 2xx rolls the canary back.
bool FlaggerController::rollbackRequested(Run &run)
{
    for (const FlaggerCanarySpec::Webhook &hook : std::as_const(run.spec.webhooks)) {
        if (hook.type != QLatin1String("rollback"))
            continue;
        QString error;
        if (callWebhook(run, hook, run.phase(), &error)) {
            warning(run, QStringLiteral("Rollback check %1 passed").arg(hook.name));
            return true;
        }
        info(run, QStringLiteral("Rollback hook %1 not signaling a rollback").arg(hook.name));
    }
    return false;
}

} // namespace rdsim
