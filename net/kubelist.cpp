// SPDX-License-Identifier: GPL-3.0-or-later
// KubeClient::list: client-go's ListPager (tools/pager/pager.go) over raw pages.
#include "kubeclient.h"

#include "jsonscan.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QueryItems listQuery(const KubeListOptions &options, int limit, const QString &continueToken)
{
    QueryItems query;
    if (limit > 0)
        query.append({QStringLiteral("limit"), QString::number(limit)});
    if (!continueToken.isEmpty())
        query.append({QStringLiteral("continue"), continueToken});
    if (!options.resourceVersion.isEmpty())
        query.append({QStringLiteral("resourceVersion"), options.resourceVersion});
    if (!options.resourceVersionMatch.isEmpty())
        query.append({QStringLiteral("resourceVersionMatch"), options.resourceVersionMatch});
    if (!options.labelSelector.isEmpty())
        query.append({QStringLiteral("labelSelector"), options.labelSelector});
    if (!options.fieldSelector.isEmpty())
        query.append({QStringLiteral("fieldSelector"), options.fieldSelector});
    if (options.timeoutSeconds > 0)
        query.append({QStringLiteral("timeoutSeconds"), QString::number(options.timeoutSeconds)});
    return query;
}

// Reads metadata.continue and metadata.resourceVersion without parsing the items.
bool listMetadata(const QByteArray &page, QString *continueToken, QString *resourceVersion)
{
    const QByteArray raw = JsonScan::topLevelMember(page, "metadata");
    if (raw.isNull())
        return false;
    const QJsonDocument doc = QJsonDocument::fromJson(raw);
    if (!doc.isObject())
        return false;
    const QJsonObject metadata = doc.object();
    *continueToken = metadata.value(QStringLiteral("continue")).toString();
    *resourceVersion = metadata.value(QStringLiteral("resourceVersion")).toString();
    return true;
}

} // namespace

KubeListResult KubeClient::list(const QString &path, const KubeListOptions &requested,
                                const CancelToken &cancel)
{
    return list(path, requested, cancel, PageSink());
}

KubeListResult KubeClient::list(const QString &path, const KubeListOptions &requested,
                                const CancelToken &cancel, const PageSink &onPage)
{
    KubeListResult result;
    KubeListOptions options = requested;
    QString continueToken;
    qint64 listedBytes = 0;
    int pages = 0;
    while (true) {
        KubeResponse page
            = get(path, listQuery(options, options.limit, continueToken), cancel, options.accept);
        result.warnings += page.warnings;
        if (page.error) {
            // Only a continue token that expired falls back, and only to one full list at
            // the requested resourceVersion (FullListIfExpired).
            const bool expired
                = page.error.httpStatus == 410 && page.error.reason == QStringLiteral("Expired");
            if (!expired || continueToken.isEmpty()) {
                result.error = page.error;
                return result;
            }
            result.pages.clear();
            result.fullListFallback = true;
            KubeResponse full
                = get(path, listQuery(requested, 0, QString()), cancel, requested.accept);
            result.warnings += full.warnings;
            if (full.error) {
                result.error = full.error;
                return result;
            }
            page = std::move(full);
            continueToken.clear();
        }
        QString next;
        QString resourceVersion;
        if (!listMetadata(page.body, &next, &resourceVersion)) {
            result.pages.clear();
            result.error = NetError::decode(
                QCoreApplication::translate(
                    "KubeClient", "The list response from %1 is not a JSON object with metadata")
                    .arg(path));
            return result;
        }
        listedBytes += page.body.size();
        ++pages;
        result.resourceVersion = resourceVersion;
        if (!onPage) {
            result.pages << page.body;
        } else if (!onPage(page.body, result.fullListFallback)) {
            result.error = NetError::cancelled();
            return result;
        }
        if (result.fullListFallback || next.isEmpty())
            return result;
        const bool endless = pages >= options.maxPages;
        if (endless || listedBytes > options.maxBytes) {
            result.pages.clear();
            result.error = NetError::tooLarge(options.maxBytes);
            result.error.message = endless
                ? QCoreApplication::translate("KubeClient",
                                              "The list of %1 did not end after %2 pages: the "
                                              "server keeps sending continue tokens")
                      .arg(path)
                      .arg(options.maxPages)
                : QCoreApplication::translate("KubeClient",
                                              "The list of %1 is larger than the limit of %2 MiB")
                      .arg(path)
                      .arg(options.maxBytes / (1024 * 1024));
            return result;
        }
        if (next == continueToken) {
            result.pages.clear();
            result.error = NetError::decode(
                QCoreApplication::translate("KubeClient",
                                            "The server repeated the same continue token for %1")
                    .arg(path));
            return result;
        }
        continueToken = next;
        // "specifying resource version is not allowed when using continue"
        options.resourceVersion.clear();
        options.resourceVersionMatch.clear();
    }
}
