// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

// details.causes[] of a Status (422 Invalid lists one per rejected field).
struct StatusCause
{
    QString reason;
    QString message;
    QString field;

    bool operator==(const StatusCause &o) const
    {
        return reason == o.reason && message == o.message && field == o.field;
    }
    bool operator!=(const StatusCause &o) const { return !(*this == o); }
};

// metav1.Status: the body of a Kubernetes API error, and the object of a watch ERROR event.
struct KubeStatus
{
    QString status; // "Success" or "Failure"
    QString message;
    QString reason; // NotFound, Forbidden, Expired, Gone, Conflict, Invalid, ...
    qint32 code = 0;
    QString detailsName;
    QString detailsGroup;
    QString detailsKind;
    QList<StatusCause> causes;
    qint32 retryAfterSeconds = 0;

    bool isFailure() const { return status == QLatin1String("Failure"); }
    // 410 Gone / Expired: the client must relist.
    bool isExpired() const
    {
        return code == 410 || reason == QLatin1String("Expired") || reason == QLatin1String("Gone");
    }

    bool operator==(const KubeStatus &o) const
    {
        return status == o.status && message == o.message && reason == o.reason && code == o.code
            && detailsName == o.detailsName && detailsGroup == o.detailsGroup
            && detailsKind == o.detailsKind && causes == o.causes
            && retryAfterSeconds == o.retryAfterSeconds;
    }
    bool operator!=(const KubeStatus &o) const { return !(*this == o); }
};

Q_DECLARE_METATYPE(StatusCause)
Q_DECLARE_METATYPE(KubeStatus)
