// SPDX-License-Identifier: GPL-3.0-or-later
#include "demoserver.h"

DemoServer::~DemoServer() = default;

EnvironmentConfig DemoServer::environmentConfig()
{
    // Written as a config file would be, so the demo exercises the same parser. Each
    // cluster's Argo CD is reached through its service proxy (the default) as admin.
    static const QByteArray yaml = R"(environments:
  - name: dev
    context: dev
    colour: "#2e9d5b"
    argocd: [{ name: argocd, token: dev-argocd-admin-token }]
  - name: staging
    context: staging
    colour: "#d68910"
    argocd: [{ name: argocd, token: staging-argocd-admin-token }]
  - name: prod
    context: prod
    colour: "#c0392b"
    protected: true
    onGateFail: pause
    argocd: [{ name: argocd, token: prod-argocd-admin-token }]
)";
    EnvironmentConfig config;
    QString error;
    if (!EnvironmentConfig::fromYaml(yaml, QStringLiteral("<demo>"), &config, &error))
        qFatal("built-in demo configuration: %s", qPrintable(error));
    return config;
}
