// SPDX-License-Identifier: GPL-3.0-or-later
#include "prometheusclients.h"

std::unique_ptr<PrometheusClient> makePrometheusClient(const Kubeconfig &kubeconfig,
                                                       const EnvironmentSpec &environment,
                                                       PromError *error)
{
    if (environment.prometheus.mode != PrometheusEndpoint::Mode::ServiceProxy)
        return std::make_unique<PrometheusClient>(environment.prometheus);
    ClusterConnection connection;
    QString problem;
    if (!ClusterConnection::resolve(kubeconfig, environment.context, &connection, &problem)) {
        *error = PromError::transport(PromError::Kind::Config, problem);
        return nullptr;
    }
    return std::make_unique<PrometheusClient>(environment.prometheus, connection);
}
