// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// rd-sim with one canary paused at 25 % (tests/data/prometheus/canary.yaml) and the real
// Prometheus scraping its /metrics over HTTPS (the cluster's CA, a bearer token) every
// second: canary and stable series for the client and chart tests.

#include "prometheusfixture.h"

#include "core/virtualclock.h"
#include "fleet/simulator.h"
#include "scenario/scenario.h"

#include <memory>
#include <QUrl>

class SimScrape
{
public:
    ~SimScrape() { stop(); }

    bool start(QString *error)
    {
        rdsim::Scenario scenario;
        if (!rdsim::Scenario::fromFile(QStringLiteral(RD_TEST_DATA_DIR "/prometheus/canary.yaml"),
                                       &scenario, error))
            return false;
        rdsim::SimulatorOptions options;
        options.frozen = true;
        options.runControllers = false;
        m_sim = std::make_unique<rdsim::Simulator>(scenario, options);
        if (!m_sim->start(error))
            return false;
        // Virtual time, driven by hand: the stable revision rolls out, then the canary
        // starts and pauses at 25 %; pods start 5 virtual seconds after they are created.
        for (int i = 0; i < 600 && !bothRolesRunning(); ++i) {
            m_sim->reconcileOnce();
            m_sim->clock().advance(1000);
        }
        if (!bothRolesRunning()) {
            *error = QStringLiteral("the canary did not start");
            return false;
        }
        // From here the counters grow in real time, as the scrapes see it.
        m_sim->clock().setFrozen(false);

        const QString caFile = m_prometheus.filePath(QStringLiteral("rd-sim-ca.pem"));
        QFile ca(caFile);
        if (!ca.open(QIODevice::WriteOnly)) {
            *error = ca.errorString();
            return false;
        }
        ca.write(m_sim->caPem());
        ca.close();
        const QUrl server(m_sim->cluster(QStringLiteral("staging"))->url());
        const QByteArray config = "global:\n"
                                  "  scrape_interval: 1s\n"
                                  "  scrape_timeout: 1s\n"
                                  "scrape_configs:\n"
                                  "  - job_name: rd-sim\n"
                                  "    scheme: https\n"
                                  "    authorization: { credentials: staging-admin-token }\n"
                                  "    tls_config: { ca_file: '"
            + caFile.toUtf8() + "' }\n    static_configs: [{ targets: ['127.0.0.1:"
            + QByteArray::number(server.port()) + "'] }]\n";
        return m_prometheus.start(config, {}, error);
    }

    void stop()
    {
        m_prometheus.stop();
        if (m_sim)
            m_sim->stop();
    }

    rdsim::Simulator &simulator() { return *m_sim; }
    PrometheusFixture &prometheus() { return m_prometheus; }

private:
    bool bothRolesRunning()
    {
        rdsim::SimCluster *cluster = m_sim->cluster(QStringLiteral("staging"));
        const QByteArray text
            = cluster->metrics().exposition(cluster->store(), m_sim->clock().nowMs());
        return text.contains("rd_http_requests_total{") && text.contains("role=\"canary\"")
            && text.contains("role=\"stable\"");
    }

    std::unique_ptr<rdsim::Simulator> m_sim;
    PrometheusFixture m_prometheus;
};
