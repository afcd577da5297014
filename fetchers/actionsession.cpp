// SPDX-License-Identifier: GPL-3.0-or-later
#include "actionsession.h"

#include "accesscache.h"
#include "auditlog.h"

#include <QCoreApplication>
#include <QUuid>

class ActionSessionText
{
    Q_DECLARE_TR_FUNCTIONS(RolloutActionExecutorText)
};

ActionSession::ActionSession(KubeClient *client, AuditLog *audit, AccessCache *access,
                             const ActionRetryPolicy &policy, const CancelToken &cancel,
                             const Progress &progress) :
    m_client(client),
    m_audit(audit),
    m_access(access),
    m_cancel(cancel),
    m_progress(progress),
    m_retry(policy, QDateTime::currentDateTimeUtc())
{
    // The client's own retries would hide sends from the audit and repeat writes.
    m_client->setRetryPolicy(0, 0);
}

void ActionSession::identify()
{
    const QString environment = record.environment;
    std::optional<SelfIdentity> identity
        = m_access ? m_access->identity(environment) : std::nullopt;
    if (!identity) {
        identity = AccessReview::whoAmI(*m_client, m_cancel);
        if (m_access && identity->error.kind != NetError::Kind::Cancelled)
            m_access->setIdentity(environment, *identity);
    }
    if (identity->isOk()) {
        record.user = identity->username;
        record.userSource = QStringLiteral("SelfSubjectReview");
    } else {
        record.user = m_client->connection().userName;
        record.userSource = QStringLiteral("kubeconfig");
    }
}

bool ActionSession::start(bool readOnly, QString *message)
{
    record.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    record.time = QDateTime::currentDateTimeUtc();
    if (readOnly) {
        record.user = m_client->connection().userName;
        record.userSource = QStringLiteral("kubeconfig");
    } else {
        identify();
    }
    QString auditError;
    if (m_audit->append(record, &auditError))
        return true;
    *message = ActionSessionText::tr("Nothing was sent: the attempt could not be recorded. %1")
                   .arg(auditError);
    return false;
}

bool ActionSession::open(bool readOnly, const QString &target, AuditRecord::Result *outcome,
                         QString *message)
{
    *outcome = AuditRecord::Result::Failed;
    if (!start(readOnly, message))
        return false;
    if (!readOnly)
        return true;
    *outcome = AuditRecord::Result::Refused;
    *message = finish(
        *outcome, 0,
        ActionSessionText::tr("Read-only: %1 was not sent to %2.").arg(record.action, target));
    return false;
}

KubeResponse ActionSession::send(ActionRetry::Request kind,
                                 const std::function<KubeResponse()> &once,
                                 const QByteArray &described)
{
    for (int attempts = 1;; ++attempts) {
        KubeResponse response = once();
        if (kind == ActionRetry::Request::Write) {
            requests.append(described);
            responses.append(response.isOk() ? response.status : response.error.httpStatus);
        }
        if (response.isOk() || m_cancel.isCancelled())
            return response;
        const ActionRetry::Decision decision
            = m_retry.decide(kind, response.error, attempts, QDateTime::currentDateTimeUtc());
        if (!decision.retry) {
            if (!decision.note.isEmpty())
                response.error.message += QLatin1Char(' ') + decision.note;
            return response;
        }
        if (m_progress)
            m_progress(decision.note);
        if (!m_cancel.sleepFor(decision.delayMs)) {
            response.error = NetError::cancelled();
            return response;
        }
    }
}

QString ActionSession::finish(AuditRecord::Result outcome, int httpStatus, const QString &message)
{
    record.setOutcome(outcome, httpStatus, message);
    record.requests = requests;
    record.responses = responses;
    QString auditError;
    if (!m_audit->append(record, &auditError))
        return message + QLatin1Char('\n') + auditError;
    return message;
}
