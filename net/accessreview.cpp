// SPDX-License-Identifier: GPL-3.0-or-later
#include "accessreview.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

class AccessReviewText
{
    Q_DECLARE_TR_FUNCTIONS(AccessReviewText)
};

namespace {

// A 2xx answer whose body is not the review we asked for (a proxy page, a truncated body).
NetError undecodable(const char *kind)
{
    return NetError::decode(AccessReviewText::tr("The server's answer to the %1 is not valid JSON.")
                                .arg(QLatin1String(kind)));
}

} // namespace

QByteArray AccessReview::requestBody(const AccessReviewRequest &request)
{
    QJsonObject attributes {{QStringLiteral("verb"), request.verb},
                            {QStringLiteral("group"), request.group},
                            {QStringLiteral("resource"), request.resource}};
    if (!request.namespaceName.isEmpty())
        attributes.insert(QStringLiteral("namespace"), request.namespaceName);
    if (!request.subresource.isEmpty())
        attributes.insert(QStringLiteral("subresource"), request.subresource);
    if (!request.name.isEmpty())
        attributes.insert(QStringLiteral("name"), request.name);
    const QJsonObject review {
        {QStringLiteral("apiVersion"), QStringLiteral("authorization.k8s.io/v1")},
        {QStringLiteral("kind"), QStringLiteral("SelfSubjectAccessReview")},
        {QStringLiteral("spec"), QJsonObject {{QStringLiteral("resourceAttributes"), attributes}}}};
    return QJsonDocument(review).toJson(QJsonDocument::Compact);
}

AccessReviewResult AccessReview::check(KubeClient &client, const AccessReviewRequest &request,
                                       const CancelToken &cancel)
{
    AccessReviewResult result;
    const KubeResponse response
        = client.post(QStringLiteral("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"),
                      requestBody(request), {}, cancel);
    if (!response.isOk()) {
        result.error = response.error;
        return result;
    }
    const QJsonObject status
        = QJsonDocument::fromJson(response.body).object().value(QLatin1String("status")).toObject();
    if (status.isEmpty()) {
        result.error = undecodable("SelfSubjectAccessReview");
        return result;
    }
    result.allowed = status.value(QLatin1String("allowed")).toBool();
    result.denied = status.value(QLatin1String("denied")).toBool();
    result.reason = status.value(QLatin1String("reason")).toString();
    return result;
}

SelfIdentity AccessReview::whoAmI(KubeClient &client, const CancelToken &cancel)
{
    SelfIdentity identity;
    const QJsonObject review {
        {QStringLiteral("apiVersion"), QStringLiteral("authentication.k8s.io/v1")},
        {QStringLiteral("kind"), QStringLiteral("SelfSubjectReview")}};
    const KubeResponse response
        = client.post(QStringLiteral("/apis/authentication.k8s.io/v1/selfsubjectreviews"),
                      QJsonDocument(review).toJson(QJsonDocument::Compact), {}, cancel);
    if (!response.isOk()) {
        identity.error = response.error;
        return identity;
    }
    const QJsonObject userInfo = QJsonDocument::fromJson(response.body)
                                     .object()
                                     .value(QLatin1String("status"))
                                     .toObject()
                                     .value(QLatin1String("userInfo"))
                                     .toObject();
    identity.username = userInfo.value(QLatin1String("username")).toString();
    if (identity.username.isEmpty()) {
        identity.error = undecodable("SelfSubjectReview");
        return identity;
    }
    identity.uid = userInfo.value(QLatin1String("uid")).toString();
    for (const QJsonValue &group : userInfo.value(QLatin1String("groups")).toArray())
        identity.groups.append(group.toString());
    return identity;
}
