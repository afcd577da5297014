// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the gate-check tests judge: a real Prometheus 2.42 holding backfilled series whose
// values are known, labelled like rd-sim's for the demo's staging payments/payments-api
// (a canary paused at 25 %), and config files that point staging's metrics at it.

#include "../net/prometheusfixture.h"
#include "demofleet.h"

#include <QJsonObject>
#include <QTemporaryDir>

class GateCheckFixture
{
public:
    static constexpr int stepSeconds = 15;

    DemoFleet demo {DemoFleet::Options {false}};
    PrometheusFixture prometheus;
    QTemporaryDir dir;
    QString canaryHash;
    QString stableHash;
    qint64 nowSeconds = 0; // data runs to here; --at judges before it

    // Starts the demo, steps it until payments-api has a canary, backfills and starts
    // Prometheus.
    bool start(QString *error)
    {
        if (!dir.isValid() || !demo.start(error))
            return false;
        const bool hasCanary = demo.settleUntil(
            [this] {
                readHashes();
                return !canaryHash.isEmpty();
            },
            120);
        if (!hasCanary) {
            *error = QStringLiteral("payments-api never got a canary");
            return false;
        }
        nowSeconds = QDateTime::currentSecsSinceEpoch();
        return prometheus.backfill(openMetrics(), error)
            && prometheus.start("global: {}\n", {}, error);
    }

    // A config whose staging environment reads metrics from the fixture's Prometheus.
    QString config(const QString &name, const QByteArray &gates) const
    {
        const QString path = dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return QString();
        file.write("environments:\n  - name: staging\n    context: staging\n"
                   "    prometheus: { url: \""
                   + prometheus.url().toUtf8() + "\" }\n" + gates);
        return path;
    }

    // The selector of one role's series in a gate query.
    static QByteArray pods()
    {
        return "rollout=\"{{rollout}}\",rollouts_pod_template_hash=\"{{hash}}\"";
    }

private:
    void readHashes()
    {
        for (const QJsonObject &rollout :
             demo.objects(QStringLiteral("staging"), QStringLiteral("argoproj.io"),
                          QStringLiteral("rollouts"))) {
            const QJsonObject metadata = rollout.value(QStringLiteral("metadata")).toObject();
            if (metadata.value(QStringLiteral("name")).toString() != QLatin1String("payments-api"))
                continue;
            const QJsonObject status = rollout.value(QStringLiteral("status")).toObject();
            const QString current = status.value(QStringLiteral("currentPodHash")).toString();
            const QString stable = status.value(QStringLiteral("stableRS")).toString();
            if (!current.isEmpty() && !stable.isEmpty() && current != stable) {
                canaryHash = current;
                stableHash = stable;
            }
        }
    }

    // One gauge series per role, a point every 15 s over the last two hours:
    // gate_error_ratio canary 0.05 (0.01 until 20 minutes ago) / stable 0.01; gate_latency
    // canary 0.2 / stable 0.19; gate_sparse only 4 canary points in the last ten minutes (every 3
    // min).
    QByteArray openMetrics() const
    {
        QByteArray text;
        const auto series = [&](const char *metric, const QString &hash, double value,
                                qint64 fromSeconds, qint64 toSeconds, int every) {
            for (qint64 t = fromSeconds; t <= toSeconds; t += every) {
                text += QStringLiteral("%1{rollout=\"payments-api\",rollouts_pod_template_hash="
                                       "\"%2\"} %3 %4\n")
                            .arg(QLatin1String(metric), hash)
                            .arg(value)
                            .arg(t)
                            .toUtf8();
            }
        };
        const qint64 from = nowSeconds - 2 * 3600;
        // The canary's error ratio was fine until 20 minutes ago: --at tells the two apart.
        const qint64 turn = nowSeconds - 20 * 60;
        text += "# TYPE gate_error_ratio gauge\n";
        series("gate_error_ratio", canaryHash, 0.01, from, turn - 1, stepSeconds);
        series("gate_error_ratio", canaryHash, 0.05, turn, nowSeconds, stepSeconds);
        series("gate_error_ratio", stableHash, 0.01, from, nowSeconds, stepSeconds);
        text += "# TYPE gate_latency gauge\n";
        series("gate_latency", canaryHash, 0.2, from, nowSeconds, stepSeconds);
        series("gate_latency", stableHash, 0.19, from, nowSeconds, stepSeconds);
        text += "# TYPE gate_sparse gauge\n";
        series("gate_sparse", canaryHash, 1, nowSeconds - 540, nowSeconds, 180);
        text += "# EOF\n";
        return text;
    }
};
