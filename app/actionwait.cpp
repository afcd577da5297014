// SPDX-License-Identifier: GPL-3.0-or-later
#include "actionwait.h"

#include "jsondecoder.h"
#include "kubeclient.h"

#include <algorithm>
#include <QElapsedTimer>
#include <QThread>

namespace {

// "2.1": a wait is told to a tenth of a second.
QString tenths(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 1);
}

// "60", "1.5": a timeout as the person gave it, without trailing zeros.
QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'g', 10);
}

QString target(const RolloutActionRequest &request)
{
    return QStringLiteral("%1/%2").arg(request.namespaceName, request.name);
}

// One read of the rollout: true when it shows the effect; a failed read sets *error.
bool readConfirms(KubeClient *client, JsonDecoder *decoder, const RolloutActionRequest &request,
                  const ActionExpectation &expectation, QString *error)
{
    const QString path
        = KubePath::resource(QStringLiteral("argoproj.io"), QStringLiteral("v1alpha1"),
                             QStringLiteral("rollouts"), request.namespaceName, request.name);
    const KubeResponse response = client->get(path);
    if (!response.isOk()) {
        *error = response.error.message;
        return false;
    }
    const Decoded<Rollout> decoded = decoder->decodeObject<Rollout>(response.body);
    if (!decoded.isOk()) {
        *error = decoded.report.error;
        return false;
    }
    error->clear();
    return rolloutActionConfirmed(expectation, decoded.value);
}

} // namespace

ActionWait::Outcome ActionWait::wait(KubeClient *client, const RolloutActionRequest &request,
                                     const ActionExpectation &expectation, qint64 timeoutMs,
                                     int intervalMs)
{
    JsonDecoder decoder;
    return poll(
        client,
        [&](QString *error) { return readConfirms(client, &decoder, request, expectation, error); },
        timeoutMs, intervalMs);
}

ActionWait::Outcome ActionWait::poll(KubeClient *client,
                                     const std::function<bool(QString *error)> &readConfirms,
                                     qint64 timeoutMs, int intervalMs)
{
    QElapsedTimer clock;
    clock.start();
    Outcome outcome;
    for (;;) {
        // A read may not outlast the wait by more than a second (a hung connection would
        // otherwise hold the command for the client's 30 s).
        HttpLimits limits;
        limits.totalTimeoutMs
            = int(std::clamp<qint64>(timeoutMs - clock.elapsed(), 1000, limits.totalTimeoutMs));
        limits.connectTimeoutMs = std::min(limits.connectTimeoutMs, limits.totalTimeoutMs);
        client->setLimits(limits);
        outcome.confirmed = readConfirms(&outcome.lastError);
        outcome.elapsedMs = clock.elapsed();
        const qint64 left = timeoutMs - outcome.elapsedMs;
        if (outcome.confirmed || left <= 0)
            return outcome;
        QThread::msleep(ulong(std::min<qint64>(intervalMs, left)));
    }
}

QString ActionWait::confirmedText(const RolloutActionRequest &request, qint64 elapsedMs)
{
    const QString rollout = target(request);
    const QString after = tenths(elapsedMs);
    // Whole sentences per action, so each language can word them its own way.
    switch (request.action) {
    case RolloutAction::Pause:
        return tr("paused %1; the controller shows it (after %2 s)").arg(rollout, after);
    case RolloutAction::Resume:
        return tr("resumed %1; the controller shows it (after %2 s)").arg(rollout, after);
    case RolloutAction::Promote:
        return tr("promoted %1; the controller shows it (after %2 s)").arg(rollout, after);
    case RolloutAction::PromoteFull:
        return tr("fully promoted %1; the controller shows it (after %2 s)").arg(rollout, after);
    case RolloutAction::Abort:
        return tr("aborted %1; the controller shows it (after %2 s)").arg(rollout, after);
    case RolloutAction::Retry:
        return tr("retried %1; the controller shows it (after %2 s)").arg(rollout, after);
    case RolloutAction::Restart:
        return tr("restarted %1; the controller shows it (after %2 s)").arg(rollout, after);
    case RolloutAction::Undo:
        return tr("rolled back %1; the controller shows it (after %2 s)").arg(rollout, after);
    }
    return QString();
}

QString ActionWait::waitingText(const RolloutActionRequest &request, qint64 timeoutMs)
{
    return tr("The API server accepted %1 for %2; waiting up to %3 s for the controller to "
              "show it.")
        .arg(rolloutActionId(request.action), target(request), seconds(timeoutMs));
}

QString ActionWait::timeoutText(const RolloutActionRequest &request, qint64 timeoutMs,
                                const QString &lastError)
{
    QString text = tr("The API server accepted %1 for %2, but the controller has not shown it "
                      "within %3 s. Is the Argo Rollouts controller running?")
                       .arg(rolloutActionId(request.action), target(request), seconds(timeoutMs));
    if (!lastError.isEmpty())
        text += QLatin1Char(' ') + tr("The last read of the rollout failed: %1").arg(lastError);
    return text;
}
