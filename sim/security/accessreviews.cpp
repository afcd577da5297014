// SPDX-License-Identifier: GPL-3.0-or-later
// The review endpoints' bodies, shaped exactly as a real API server returns them: spec
// echoed with empty fields left out (Go's omitempty), metadata.creationTimestamp null,
// status.denied and status.reason omitted when empty.
#include "security/accesscontrol.h"

#include <QJsonArray>
#include <QJsonValue>

namespace rdsim {

namespace {

const QString kSpec = QStringLiteral("spec");
const QString kResourceAttributes = QStringLiteral("resourceAttributes");
const QString kNonResourceAttributes = QStringLiteral("nonResourceAttributes");

// Field order as in the Go type; QJsonObject sorts keys anyway, this is the list to copy.
const QStringList &resourceAttributeFields()
{
    static const QStringList fields = {
        QStringLiteral("namespace"), QStringLiteral("verb"),     QStringLiteral("group"),
        QStringLiteral("version"),   QStringLiteral("resource"), QStringLiteral("subresource"),
        QStringLiteral("name"),
    };
    return fields;
}

const QStringList &nonResourceAttributeFields()
{
    static const QStringList fields = {QStringLiteral("path"), QStringLiteral("verb")};
    return fields;
}

QJsonObject echoStrings(const QJsonObject &attributes, const QStringList &fields)
{
    QJsonObject echoed;
    for (const QString &field : fields) {
        const QString value = attributes.value(field).toString();
        if (!value.isEmpty())
            echoed.insert(field, value);
    }
    return echoed;
}

QJsonObject nullCreationTimestamp()
{
    return QJsonObject {{QStringLiteral("creationTimestamp"), QJsonValue(QJsonValue::Null)}};
}

// How Go's encoding/json names a JSON value's type in "cannot unmarshal X into ...".
QString goJsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return QStringLiteral("bool");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    default:
        return QStringLiteral("null");
    }
}

ApiError decodeError(const QJsonValue &value, const QString &goField, const QString &goType)
{
    ApiError error;
    error.code = 400;
    error.reason = QStringLiteral("BadRequest");
    error.message = QStringLiteral("SelfSubjectAccessReview in version \"v1\" cannot be handled as "
                                   "a SelfSubjectAccessReview: json: cannot unmarshal %1 into Go "
                                   "struct field %2 of type %3")
                        .arg(goJsonTypeName(value), goField, goType);
    return error;
}

// Go's %q for the plain strings a review carries.
QString goQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    quoted.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

ApiError invalidError(const QString &field, const QString &value, const QString &detail)
{
    const QString causeMessage = QStringLiteral("Invalid value: %1: %2").arg(value, detail);
    ApiError error;
    error.code = 422;
    error.reason = QStringLiteral("Invalid");
    error.message
        = QStringLiteral("SelfSubjectAccessReview.authorization.k8s.io \"\" is invalid: %1: %2")
              .arg(field, causeMessage);
    error.details = QJsonObject {
        {QStringLiteral("group"), QStringLiteral("authorization.k8s.io")},
        {QStringLiteral("kind"), QStringLiteral("SelfSubjectAccessReview")},
        {QStringLiteral("causes"),
         QJsonArray {QJsonObject {{QStringLiteral("reason"), QStringLiteral("FieldValueInvalid")},
                                  {QStringLiteral("message"), causeMessage},
                                  {QStringLiteral("field"), field}}}},
    };
    return error;
}

bool isAbsent(const QJsonValue &value)
{
    return value.isUndefined() || value.isNull();
}

} // namespace

ApiError AccessControl::validateSelfSubjectAccessReview(const QJsonObject &request)
{
    const QJsonValue spec = request.value(kSpec);
    if (!isAbsent(spec) && !spec.isObject())
        return decodeError(spec, QStringLiteral("SelfSubjectAccessReview.spec"),
                           QStringLiteral("v1.SelfSubjectAccessReviewSpec"));
    const QJsonObject specObject = spec.toObject();
    const QJsonValue resource = specObject.value(kResourceAttributes);
    const QJsonValue nonResource = specObject.value(kNonResourceAttributes);
    if (!isAbsent(resource) && !resource.isObject())
        return decodeError(resource,
                           QStringLiteral("SelfSubjectAccessReviewSpec.spec.resourceAttributes"),
                           QStringLiteral("v1.ResourceAttributes"));
    if (!isAbsent(nonResource) && !nonResource.isObject())
        return decodeError(nonResource,
                           QStringLiteral("SelfSubjectAccessReviewSpec.spec.nonResourceAttributes"),
                           QStringLiteral("v1.NonResourceAttributes"));
    const auto checkStrings = [](const QJsonObject &attributes, const QStringList &fields,
                                 const QString &goStruct, const QString &path) {
        for (const QString &field : fields) {
            const QJsonValue value = attributes.value(field);
            if (!isAbsent(value) && !value.isString())
                return decodeError(
                    value, goStruct + QStringLiteral(".spec.") + path + QLatin1Char('.') + field,
                    QStringLiteral("string"));
        }
        return ApiError();
    };
    ApiError error = checkStrings(resource.toObject(), resourceAttributeFields(),
                                  QStringLiteral("ResourceAttributes"), kResourceAttributes);
    if (error.isError())
        return error;
    error = checkStrings(nonResource.toObject(), nonResourceAttributeFields(),
                         QStringLiteral("NonResourceAttributes"), kNonResourceAttributes);
    if (error.isError())
        return error;

    if (resource.isObject() && nonResource.isObject()) {
        const QJsonObject attributes = nonResource.toObject();
        const QString value
            = QStringLiteral("authorization.NonResourceAttributes{Path:%1, Verb:%2}")
                  .arg(goQuote(attributes.value(QStringLiteral("path")).toString()),
                       goQuote(attributes.value(QStringLiteral("verb")).toString()));
        return invalidError(QStringLiteral("spec.nonResourceAttributes"), value,
                            QStringLiteral("cannot be specified in combination with "
                                           "resourceAttributes"));
    }
    if (!resource.isObject() && !nonResource.isObject())
        return invalidError(QStringLiteral("spec.resourceAttributes"), QStringLiteral("\"null\""),
                            QStringLiteral("exactly one of nonResourceAttributes or "
                                           "resourceAttributes must be specified"));
    return ApiError();
}

QJsonObject AccessControl::selfSubjectAccessReview(const UserInfo &user,
                                                   const QJsonObject &request) const
{
    const QJsonObject spec = request.value(kSpec).toObject();
    QJsonObject echoedSpec;
    Decision decision;
    QString evaluationError;
    if (spec.value(kResourceAttributes).isObject()) {
        const QJsonObject attributes = spec.value(kResourceAttributes).toObject();
        echoedSpec.insert(kResourceAttributes, echoStrings(attributes, resourceAttributeFields()));
        const auto field = [&attributes](const char *name) {
            return attributes.value(QLatin1String(name)).toString();
        };
        decision = decide(user, field("verb"), field("group"), field("resource"),
                          field("subresource"), field("namespace"), field("name"));
    } else if (spec.value(kNonResourceAttributes).isObject()) {
        const QJsonObject attributes = spec.value(kNonResourceAttributes).toObject();
        echoedSpec.insert(kNonResourceAttributes,
                          echoStrings(attributes, nonResourceAttributeFields()));
        decision = decideNonResource(user, attributes.value(QStringLiteral("verb")).toString(),
                                     attributes.value(QStringLiteral("path")).toString());
    } else {
        evaluationError = QStringLiteral("neither resourceAttributes nor nonResourceAttributes "
                                         "given");
    }

    QJsonObject status {{QStringLiteral("allowed"), decision.allowed}};
    if (!decision.reason.isEmpty())
        status.insert(QStringLiteral("reason"), decision.reason);
    if (!evaluationError.isEmpty())
        status.insert(QStringLiteral("evaluationError"), evaluationError);
    return QJsonObject {
        {QStringLiteral("apiVersion"), QStringLiteral("authorization.k8s.io/v1")},
        {QStringLiteral("kind"), QStringLiteral("SelfSubjectAccessReview")},
        {QStringLiteral("metadata"), nullCreationTimestamp()},
        {kSpec, echoedSpec},
        {QStringLiteral("status"), status},
    };
}

QJsonObject AccessControl::selfSubjectReview(const UserInfo &user) const
{
    QJsonObject userInfo {{QStringLiteral("username"), user.name}};
    if (!user.groups.isEmpty())
        userInfo.insert(QStringLiteral("groups"), QJsonArray::fromStringList(user.groups));
    return QJsonObject {
        {QStringLiteral("apiVersion"), QStringLiteral("authentication.k8s.io/v1")},
        {QStringLiteral("kind"), QStringLiteral("SelfSubjectReview")},
        {QStringLiteral("metadata"), nullCreationTimestamp()},
        {QStringLiteral("status"), QJsonObject {{QStringLiteral("userInfo"), userInfo}}},
    };
}

} // namespace rdsim
