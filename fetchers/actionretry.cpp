// SPDX-License-Identifier: GPL-3.0-or-later
#include "actionretry.h"

#include <QCoreApplication>
#include <QLocale>

#include <curl/curl.h>

class ActionRetryText
{
    Q_DECLARE_TR_FUNCTIONS(ActionRetry)
};

namespace {

bool transient(const NetError &error)
{
    switch (error.kind) {
    case NetError::Kind::TooManyRequests:
    case NetError::Kind::Server:
    case NetError::Kind::Timeout:
    case NetError::Kind::Network:
        return true;
    default:
        return false;
    }
}

} // namespace

ActionRetry::ActionRetry(const ActionRetryPolicy &policy, const QDateTime &start) :
    m_policy(policy), m_deadline(start.addMSecs(policy.deadlineMs))
{ }

bool ActionRetry::notProcessed(const NetError &error)
{
    if (error.kind == NetError::Kind::TooManyRequests)
        return true;
    // No connection was made, so nothing was sent.
    return error.kind == NetError::Kind::Network
        && (error.curlCode == CURLE_COULDNT_CONNECT || error.curlCode == CURLE_COULDNT_RESOLVE_HOST
            || error.curlCode == CURLE_COULDNT_RESOLVE_PROXY);
}

ActionRetry::Decision ActionRetry::decide(Request request, const NetError &error, int attempts,
                                          const QDateTime &now) const
{
    Decision decision;
    if (!transient(error))
        return decision;
    if (request == Request::Write && !notProcessed(error)) {
        decision.note = ActionRetryText::tr(
            "It was not sent again: the server may have applied it. Look at the "
            "rollout before you try again.");
        return decision;
    }
    if (attempts >= m_policy.maxAttempts) {
        decision.note = ActionRetryText::tr("Gave up after %n attempts.", nullptr, attempts);
        return decision;
    }
    const int backoffMs = m_policy.firstDelayMs << std::min(attempts - 1, 8);
    const int delayMs = error.retryAfterSeconds >= 0 ? error.retryAfterSeconds * 1000 : backoffMs;
    if (now.addMSecs(delayMs) > m_deadline) {
        decision.note = error.retryAfterSeconds >= 0
            ? ActionRetryText::tr(
                "The server asked to wait %n s (Retry-After), past this action's deadline: "
                "not retried. Try again later.",
                nullptr, error.retryAfterSeconds)
            : ActionRetryText::tr("Not retried: this action's deadline has passed.");
        return decision;
    }
    decision.retry = true;
    decision.delayMs = delayMs;
    decision.note
        = ActionRetryText::tr("%1 Trying again in %2 s (attempt %3 of %4; gives up at %5).")
              .arg(error.message)
              .arg((delayMs + 999) / 1000)
              .arg(attempts + 1)
              .arg(m_policy.maxAttempts)
              .arg(QLocale().toString(m_deadline.toLocalTime().time(), QStringLiteral("HH:mm:ss")));
    return decision;
}
