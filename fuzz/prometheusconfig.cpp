// SPDX-License-Identifier: GPL-3.0-or-later
// One prometheus: block on its own, so the fuzzer need not first find a valid environment
// around it. Loaded as EnvironmentConfig does: YamlGuard first, then yaml-cpp.
#include "endpointconfig_p.h"
#include "fuzzinput.h"
#include "yamlguard.h"

RD_FUZZ_TARGET(data, size)
{
    const QByteArray yaml = fuzzBytes(data, size);
    const QString fileName = QStringLiteral("/fuzz/config.yaml");
    QString error;
    if (!YamlGuard::check(yaml, fileName, &error))
        return 0;
    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const YAML::Exception &) {
        return 0; // a syntax error: EnvironmentConfig reports it before this parser runs
    }
    EndpointConfigParser parser(fileName);
    ServiceEndpoint endpoint;
    const bool ok = parser.parse(root, QStringLiteral("environments[0].prometheus"), &endpoint);
    RD_FUZZ_CHECK(ok || !parser.error().isEmpty());
    if (ok) { // what the app does with an endpoint: describe it, build its proxy path
        endpoint.describe();
        endpoint.serviceProxyPath();
    }
    return 0;
}
