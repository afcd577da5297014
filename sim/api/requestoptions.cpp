// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestoptions.h"

#include "core/apierror.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <httplib.h>

namespace rdsim {

QString queryParam(const httplib::Request &request, const char *name)
{
    return QString::fromStdString(request.get_param_value(name));
}

std::optional<OutputFormat> OutputFormat::negotiate(const QString &accept,
                                                    const QString &includeObject, ApiError *error)
{
    OutputFormat format;
    const auto include = TableView::includeObjectFromName(includeObject);
    if (!include) {
        *error = ApiError::badRequest(
            QStringLiteral("includeObject: Unsupported value: \"%1\": supported values: \"None\", "
                           "\"Metadata\", \"Object\"")
                .arg(includeObject));
        return std::nullopt;
    }
    format.include = *include;
    for (const QString &range : accept.split(u',', Qt::SkipEmptyParts)) {
        const QStringList parts = range.split(u';');
        const QString mediaType = parts.first().trimmed().toLower();
        if (mediaType != QStringLiteral("application/json")
            && mediaType != QStringLiteral("application/*") && mediaType != QStringLiteral("*/*"))
            continue;
        QString as, version, group;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QString name = parts.at(i).section(u'=', 0, 0).trimmed();
            const QString value = parts.at(i).section(u'=', 1).trimmed();
            if (name == QStringLiteral("as"))
                as = value;
            else if (name == QStringLiteral("v"))
                version = value;
            else if (name == QStringLiteral("g"))
                group = value;
        }
        if (as.isEmpty())
            return format; // plain JSON objects
        const bool metaVersion = group == QStringLiteral("meta.k8s.io")
            && (version == QStringLiteral("v1") || version == QStringLiteral("v1beta1"));
        if (!metaVersion)
            continue;
        if (as == QStringLiteral("Table")) {
            format.shape = Shape::Table;
        } else if (as == QStringLiteral("PartialObjectMetadata")
                   || as == QStringLiteral("PartialObjectMetadataList")) {
            format.shape = Shape::PartialMetadata;
        } else {
            continue;
        }
        format.apiVersion = QStringLiteral("meta.k8s.io/") + version;
        return format;
    }
    return format; // nothing we know: plain JSON, like an Accept of */*
}

bool ListOptions::isTrue(const QString &value)
{
    return value == QStringLiteral("1")
        || value.compare(QStringLiteral("true"), Qt::CaseInsensitive) == 0;
}

std::optional<ListOptions> ListOptions::parse(const httplib::Request &request,
                                              const ResourceType &type, ApiError *error)
{
    ListOptions options;
    QString message;
    const auto labels = LabelSelector::parse(queryParam(request, "labelSelector"), &message);
    if (!labels) {
        *error = ApiError::badRequest(message);
        return std::nullopt;
    }
    options.labels = *labels;
    const auto fields = FieldSelector::parse(queryParam(request, "fieldSelector"), type, &message);
    if (!fields) {
        *error = ApiError::badRequest(message);
        return std::nullopt;
    }
    options.fields = *fields;
    const QString limit = queryParam(request, "limit");
    if (!limit.isEmpty()) {
        bool ok = false;
        options.limit = limit.toInt(&ok);
        if (!ok || options.limit < 0) {
            *error = ApiError::badRequest(
                QStringLiteral("limit: Invalid value: \"%1\": must be a non-negative integer")
                    .arg(limit));
            return std::nullopt;
        }
    }
    options.continueToken = queryParam(request, "continue");
    options.watch = isTrue(queryParam(request, "watch"));
    options.resourceVersion = queryParam(request, "resourceVersion");
    options.allowBookmarks = isTrue(queryParam(request, "allowWatchBookmarks"));
    const QString timeout = queryParam(request, "timeoutSeconds");
    if (!timeout.isEmpty()) {
        bool ok = false;
        options.timeoutSeconds = timeout.toInt(&ok);
        if (!ok || options.timeoutSeconds < 0) {
            *error = ApiError::badRequest(
                QStringLiteral("timeoutSeconds: Invalid value: \"%1\": must be a non-negative "
                               "integer")
                    .arg(timeout));
            return std::nullopt;
        }
    }
    return options;
}

QString ContinueToken::encode() const
{
    const QJsonObject token {{QStringLiteral("rv"), resourceVersion},
                             {QStringLiteral("lastKey"), lastKey}};
    return QString::fromLatin1(
        QJsonDocument(token)
            .toJson(QJsonDocument::Compact)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<ContinueToken> ContinueToken::decode(const QString &token)
{
    const auto bytes = QByteArray::fromBase64Encoding(
        token.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!bytes)
        return std::nullopt;
    const QJsonDocument document = QJsonDocument::fromJson(*bytes);
    const QJsonObject object = document.object();
    if (!object.value(QStringLiteral("rv")).isDouble()
        || !object.value(QStringLiteral("lastKey")).isString())
        return std::nullopt;
    ContinueToken result;
    result.resourceVersion = object.value(QStringLiteral("rv")).toInteger();
    result.lastKey = object.value(QStringLiteral("lastKey")).toString();
    return result;
}

} // namespace rdsim
