// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/serviceproxy.h"

namespace rdsim {

class FlaggerLoadTester;
class ObjectStore;

// Flagger's load tester behind the service proxy: the Service `flagger-loadtester` (port 80
// or "http") in any namespace where the cluster has that Service, as a real API server proxies
// only to a Service that exists. The gates are the cluster's FlaggerLoadTester, which the
// Flagger controller's webhooks consult too.
class LoadTesterService final : public ProxiedService
{
public:
    LoadTesterService(const ObjectStore &store, FlaggerLoadTester &loadTester);

    bool matches(const QString &ns, const QString &segment) const override;
    void serveProxied(const httplib::Request &request, httplib::Response &response,
                      const QString &apiPath) override;

private:
    const ObjectStore &m_store;
    FlaggerLoadTester &m_loadTester;
};

} // namespace rdsim
