// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/selectors.h"
#include "api/tableview.h"

#include <QString>

#include <optional>

namespace httplib {
struct Request;
}

namespace rdsim {

struct ApiError;
struct ResourceType;

// How the client wants objects back, from its Accept header (kubectl's Table request looks
// like `application/json;as=Table;v=v1;g=meta.k8s.io,application/json`) and `includeObject`.
struct OutputFormat
{
    enum class Shape { Object, Table, PartialMetadata };
    Shape shape = Shape::Object;
    QString apiVersion; // "meta.k8s.io/v1" or "meta.k8s.io/v1beta1" for Table / partial
    TableView::IncludeObject include = TableView::IncludeObject::Metadata;

    // The first media range the server supports wins, as in Kubernetes.
    static std::optional<OutputFormat> negotiate(const QString &accept,
                                                 const QString &includeObject, ApiError *error);
};

// A query parameter's value as text (empty when absent).
QString queryParam(const httplib::Request &request, const char *name);

// The list and watch query parameters.
struct ListOptions
{
    LabelSelector labels;
    FieldSelector fields;
    int limit = 0; // 0: everything
    QString continueToken;
    bool watch = false;
    QString resourceVersion;
    bool allowBookmarks = false;
    int timeoutSeconds = -1; // -1: the server default

    static std::optional<ListOptions> parse(const httplib::Request &request,
                                            const ResourceType &type, ApiError *error);
    static bool isTrue(const QString &value); // "1", "true"
};

// The opaque `continue` token of a paged list: base64 of {"rv":N,"lastKey":"ns/name"}.
struct ContinueToken
{
    qint64 resourceVersion = 0;
    QString lastKey;

    QString encode() const;
    static std::optional<ContinueToken> decode(const QString &token);
};

} // namespace rdsim
