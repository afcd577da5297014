// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/loadtesterservice.h"

#include "api/httpreply.h"
#include "core/objectstore.h"
#include "core/resourcecatalog.h"
#include "core/simloadtester.h"

#include <QRegularExpression>

#include <httplib.h>

namespace rdsim {

namespace {

// The namespace segment of /api/v1/namespaces/NS/services/SEGMENT/proxy/...
QString namespaceOf(const std::string &path)
{
    static const QRegularExpression proxy(QStringLiteral("^/api/v1/namespaces/([^/]+)/services/"));
    return proxy.match(QString::fromStdString(path)).captured(1);
}

} // namespace

LoadTesterService::LoadTesterService(const ObjectStore &store, FlaggerLoadTester &loadTester) :
    m_store(store), m_loadTester(loadTester)
{ }

bool LoadTesterService::matches(const QString &ns, const QString &segment) const
{
    const QStringList parts = segment.split(u':');
    if (parts.size() > 3)
        return false;
    const QString scheme = parts.size() == 3 ? parts.at(0) : QString();
    const QString name = parts.size() == 3 ? parts.at(1) : parts.at(0);
    const QString port = parts.size() == 3 ? parts.at(2) : parts.value(1);
    if (name != FlaggerLoadTester::serviceName()
        || !(scheme.isEmpty() || scheme == QLatin1String("http"))
        || !(port.isEmpty() || port == QLatin1String("80") || port == QLatin1String("http")))
        return false;
    const ResourceType *services = ResourceCatalog::find(QString(), QStringLiteral("services"));
    return services && m_store.get(*services, ns, name).has_value();
}

void LoadTesterService::serveProxied(const httplib::Request &request, httplib::Response &response,
                                     const QString &apiPath)
{
    if (request.body.size() > std::size_t(FlaggerLoadTester::kMaxBodyBytes))
        return HttpReply::text(response, 413, "request body too large",
                               "text/plain; charset=utf-8");
    const FlaggerLoadTester::Reply reply = m_loadTester.handle(
        namespaceOf(request.path), apiPath.isEmpty() ? QStringLiteral("/") : apiPath,
        QByteArray::fromStdString(request.body));
    HttpReply::text(response, reply.status, reply.body, "text/plain; charset=utf-8");
}

} // namespace rdsim
