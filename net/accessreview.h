// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kubeclient.h"
#include "neterror.h"
#include <QString>
#include <QStringList>

// authorization.k8s.io/v1 SelfSubjectAccessReview: may the current user do this?
struct AccessReviewRequest
{
    QString namespaceName;
    QString verb;
    QString group;
    QString resource;
    QString subresource;
    QString name; // empty: any object
};

struct AccessReviewResult
{
    NetError error; // the review itself failed (the answer below is then unknown)
    bool allowed = false;
    bool denied = false; // an explicit deny (status.denied)
    QString reason; // status.reason from the authorizer, as sent
    bool isOk() const { return !error.isError(); }
};

// authentication.k8s.io/v1 SelfSubjectReview: who the server thinks the user is.
struct SelfIdentity
{
    NetError error;
    QString username;
    QString uid;
    QStringList groups;
    bool isOk() const { return !error.isError(); }
};

namespace AccessReview {
// The JSON body of the review (compact), as kubectl auth can-i sends it.
QByteArray requestBody(const AccessReviewRequest &request);
AccessReviewResult check(KubeClient &client, const AccessReviewRequest &request,
                         const CancelToken &cancel = CancelToken());
SelfIdentity whoAmI(KubeClient &client, const CancelToken &cancel = CancelToken());
} // namespace AccessReview
