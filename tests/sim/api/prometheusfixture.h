// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One simulated cluster serving the Prometheus API over HTTPS, with a release in flight and a
// known past, built step by step on a frozen clock (as the simulator's controllers would):
//   T0 - 1 h   rollout shop/web stable on hash aaa: pods web-aaa-1, web-aaa-2
//   T0         canary hash bbb: pod web-bbb-1; its error ratio jumps to 30 % and its p99 to
//              900 ms 90 s later
//   T0 + 600 s web-aaa-2 is deleted
//   T0 + 900 s now
// T0 lies on the 15 s scrape grid, so sample times are whole multiples of 15 s after it.

#include "apitestfixture.h"
#include "metrics/podhistory.h"

#include <QUrl>

class PrometheusFixture : public ApiFixture
{
public:
    static constexpr qint64 kSec = 1000;

    PrometheusFixture()
    {
        t0 = (clock.nowMs() / 15000 + 1) * 15000;
        MetricBehaviour b;
        b.ns = QStringLiteral("shop");
        b.rollout = QStringLiteral("web");
        b.canaryErrorRatio = 0.3;
        b.canaryLatencyP99Ms = 900;
        b.regressAfterSeconds = 90;
        metrics.setBehaviour(b);
    }

    // Builds the timeline above and starts the server; clock at T0 + 900 s.
    bool startWithHistory(QString *error)
    {
        clock.advance(t0 - 3600 * kSec - clock.nowMs());
        setRolloutHashes(QStringLiteral("aaa"), QStringLiteral("aaa"));
        addReplicaSet(QStringLiteral("aaa"));
        addPod(QStringLiteral("web-aaa-1"), QStringLiteral("aaa"));
        addPod(QStringLiteral("web-aaa-2"), QStringLiteral("aaa"));
        history.observe(store, clock.nowMs());
        clock.advance(3600 * kSec);
        setRolloutHashes(QStringLiteral("aaa"), QStringLiteral("bbb"));
        addReplicaSet(QStringLiteral("bbb"));
        addPod(QStringLiteral("web-bbb-1"), QStringLiteral("bbb"));
        history.observe(store, clock.nowMs());
        clock.advance(600 * kSec);
        if (!store.remove(typeOf("", "pods"), QStringLiteral("shop"), QStringLiteral("web-aaa-2"))
                 .ok())
            return false;
        history.observe(store, clock.nowMs());
        clock.advance(300 * kSec);

        const PemKeyPair certificate = ca.issueServerCertificate({"localhost"}, {"127.0.0.1"});
        ApiServer::Context context {"test", &store, &access, &faults, &metrics, &clock, &history};
        server = std::make_unique<ApiServer>(context, certificate, ca.certificatePem());
        return server->listen(QStringLiteral("127.0.0.1"), 0, error);
    }

    // The closed-form counters of a pod as the simulator computes them.
    SyntheticMetrics::PodCounters counters(const QString &pod, qint64 atMs) const
    {
        const bool canary = pod.contains(QLatin1String("bbb"));
        const qint64 start = canary ? t0 : t0 - 3600 * kSec;
        return SyntheticMetrics::countersWith(
            metrics.behaviour(QStringLiteral("shop"), QStringLiteral("web")), canary, pod, start,
            start, atMs);
    }

    // "?query=...&time=..." style encoding of one parameter value.
    static std::string encode(const QString &value)
    {
        return QUrl::toPercentEncoding(value).toStdString();
    }
    // Unix seconds with milliseconds, as clients send `time`, `start` and `end`.
    static std::string seconds(qint64 ms)
    {
        return QString::number(double(ms) / 1000, 'f', 3).toStdString();
    }

    PodHistory history;
    qint64 t0 = 0;

private:
    QJsonObject meta(const QString &name, const QJsonObject &extra = {}) const
    {
        QJsonObject m = extra;
        m.insert(QStringLiteral("name"), name);
        m.insert(QStringLiteral("namespace"), QStringLiteral("shop"));
        m.insert(QStringLiteral("creationTimestamp"), clock.nowRfc3339());
        return m;
    }

    static QJsonArray owner(const QString &kind, const QString &name)
    {
        return QJsonArray {QJsonObject {{QStringLiteral("kind"), kind},
                                        {QStringLiteral("name"), name},
                                        {QStringLiteral("controller"), true}}};
    }

    void setRolloutHashes(const QString &stable, const QString &current)
    {
        const ResourceType &rollouts = typeOf("argoproj.io", "rollouts");
        QJsonObject object = *store.get(rollouts, QStringLiteral("shop"), QStringLiteral("web"));
        QJsonObject spec = object.value(QStringLiteral("spec")).toObject();
        spec.insert(QStringLiteral("strategy"),
                    QJsonObject {{QStringLiteral("canary"), QJsonObject {}}});
        spec.insert(QStringLiteral("selector"),
                    QJsonObject {{QStringLiteral("matchLabels"),
                                  QJsonObject {{QStringLiteral("app"), QStringLiteral("web")}}}});
        object.insert(QStringLiteral("spec"), spec);
        object.insert(QStringLiteral("status"),
                      QJsonObject {{QStringLiteral("stableRS"), stable},
                                   {QStringLiteral("currentPodHash"), current}});
        store.update(rollouts, object, WriteScope::Whole);
    }

    void addReplicaSet(const QString &hash)
    {
        store.create(typeOf("apps", "replicasets"),
                     {{QStringLiteral("metadata"),
                       meta(QStringLiteral("web-") + hash,
                            {{QStringLiteral("ownerReferences"),
                              owner(QStringLiteral("Rollout"), QStringLiteral("web"))}})}});
    }

    void addPod(const QString &name, const QString &hash)
    {
        const QJsonObject pod {
            {QStringLiteral("metadata"),
             meta(name,
                  {{QStringLiteral("ownerReferences"),
                    owner(QStringLiteral("ReplicaSet"), QStringLiteral("web-") + hash)},
                   {QStringLiteral("labels"),
                    QJsonObject {{QStringLiteral("app"), QStringLiteral("web")},
                                 {QStringLiteral("rollouts-pod-template-hash"), hash}}}})},
            {QStringLiteral("status"),
             QJsonObject {{QStringLiteral("phase"), QStringLiteral("Running")},
                          {QStringLiteral("startTime"), clock.nowRfc3339()}}}};
        store.create(typeOf("", "pods"), pod);
    }
};
