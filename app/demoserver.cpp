// SPDX-License-Identifier: GPL-3.0-or-later
#include "demoserver.h"

DemoServer::~DemoServer() = default;

EnvironmentConfig DemoServer::environmentConfig()
{
    // Written as a config file would be, so the demo exercises the same parser.
    static const QByteArray yaml = R"(environments:
  - { name: dev, context: dev, colour: "#2e9d5b" }
  - { name: staging, context: staging, colour: "#d68910" }
  - { name: prod, context: prod, colour: "#c0392b", protected: true, onGateFail: pause }
)";
    EnvironmentConfig config;
    QString error;
    if (!EnvironmentConfig::fromYaml(yaml, QStringLiteral("<demo>"), &config, &error))
        qFatal("built-in demo configuration: %s", qPrintable(error));
    return config;
}
