// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the AnalysisController tests: a frozen virtual clock, the store with a canary
// rollout "web" in namespace "shop" (stable ReplicaSet aaa, canary bbb, one pod each), the
// synthetic metrics (the canary errs from the start), and helpers to create and read runs.

#include "controllers/analysiscontroller.h"
#include "core/objectstore.h"
#include "core/resourcecatalog.h"
#include "core/virtualclock.h"
#include "metrics/syntheticmetrics.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTest>

#include <memory>

using namespace rdsim;

namespace AnalysisControllerTest {

inline const QString kCanaryQuery = QStringLiteral(
    "sum(rate(rd_http_request_errors_total{rollout=\"web\",role=\"canary\"}[1m])) / "
    "sum(rate(rd_http_requests_total{rollout=\"web\",role=\"canary\"}[1m]))");
inline const QString kStableQuery = QStringLiteral(
    "sum(rate(rd_http_request_errors_total{rollout=\"web\",role=\"stable\"}[1m])) / "
    "sum(rate(rd_http_requests_total{rollout=\"web\",role=\"stable\"}[1m]))");

inline const ResourceType &type(const char *group, const char *plural)
{
    return *ResourceCatalog::find(QString::fromLatin1(group), QString::fromLatin1(plural));
}

inline QJsonObject prometheus(const QString &query)
{
    return QJsonObject {{QStringLiteral("prometheus"),
                         QJsonObject {{QStringLiteral("address"), QStringLiteral("http://prom")},
                                      {QStringLiteral("query"), query}}}};
}

// One metric of spec.metrics: name, provider and any extra fields.
inline QJsonObject metric(const QString &name, const QJsonObject &provider,
                          const QJsonObject &fields = {})
{
    QJsonObject m = fields;
    m.insert(QStringLiteral("name"), name);
    m.insert(QStringLiteral("provider"), provider);
    return m;
}

inline QString goFloat(double v)
{
    return QString::number(v, 'f', QLocale::FloatingPointShortest);
}

// The test classes derive from this privately; their init() and cleanup() call setUp() and
// tearDown().
class AnalysisControllerFixture
{
protected:
    void setUp();
    void tearDown();

    QJsonObject createRun(const QString &name, const QJsonArray &metrics,
                          const QJsonObject &specExtra = {});
    QJsonObject run(const QString &name) const;
    QJsonObject status(const QString &name) const;
    QJsonObject result(const QString &name, int index = 0) const;
    void step(qint64 ms);

    std::unique_ptr<VirtualClock> m_clock;
    std::unique_ptr<ObjectStore> m_store;
    std::unique_ptr<SyntheticMetrics> m_metrics;
    std::unique_ptr<AnalysisController> m_controller;
    qint64 m_t0 = 0;
};

inline void AnalysisControllerFixture::setUp()
{
    m_clock = std::make_unique<VirtualClock>();
    m_clock->setFrozen(true);
    // Whole seconds, as stored timestamps are: schedules then land exactly.
    m_clock->advance(1000 - m_clock->nowMs() % 1000);
    m_t0 = m_clock->nowMs();
    m_store = std::make_unique<ObjectStore>(m_clock.get());
    m_metrics = std::make_unique<SyntheticMetrics>(m_clock.get());
    m_controller = std::make_unique<AnalysisController>(*m_store, *m_clock, *m_metrics);

    MetricBehaviour b;
    b.ns = QStringLiteral("shop");
    b.rollout = QStringLiteral("web");
    b.errorRatio = 0.002;
    b.canaryErrorRatio = 0.08;
    b.regressAfterSeconds = 0; // the canary is bad from the start
    m_metrics->setBehaviour(b);

    const auto at = [this](qint64 offsetMs) { return VirtualClock::toRfc3339(m_t0 + offsetMs); };
    const auto meta = [](const QString &name, const QString &created, const QJsonObject &extra) {
        QJsonObject m = extra;
        m.insert(QStringLiteral("name"), name);
        m.insert(QStringLiteral("namespace"), QStringLiteral("shop"));
        m.insert(QStringLiteral("creationTimestamp"), created);
        return m;
    };
    const auto owner = [](const QString &kind, const QString &name) {
        return QJsonArray {QJsonObject {{QStringLiteral("kind"), kind},
                                        {QStringLiteral("name"), name},
                                        {QStringLiteral("controller"), true}}};
    };
    QVERIFY(
        m_store
            ->load(type("argoproj.io", "rollouts"),
                   QJsonObject {
                       {QStringLiteral("metadata"), meta(QStringLiteral("web"), at(-7200000), {})},
                       {QStringLiteral("spec"),
                        QJsonObject {{QStringLiteral("strategy"),
                                      QJsonObject {{QStringLiteral("canary"), QJsonObject {}}}}}},
                       {QStringLiteral("status"),
                        QJsonObject {{QStringLiteral("stableRS"), QStringLiteral("aaa")},
                                     {QStringLiteral("currentPodHash"), QStringLiteral("bbb")}}}})
            .ok());
    for (const char *hash : {"aaa", "bbb"}) {
        const QString h = QString::fromLatin1(hash);
        const QString created = at(h == QLatin1String("aaa") ? -7200000 : -600000);
        QVERIFY(m_store
                    ->load(type("apps", "replicasets"),
                           QJsonObject {
                               {QStringLiteral("metadata"),
                                meta(QStringLiteral("web-") + h, created,
                                     {{QStringLiteral("ownerReferences"),
                                       owner(QStringLiteral("Rollout"), QStringLiteral("web"))}})}})
                    .ok());
        QVERIFY(
            m_store
                ->load(
                    type("", "pods"),
                    QJsonObject {
                        {QStringLiteral("metadata"),
                         meta(QStringLiteral("web-") + h + QStringLiteral("-1"), created,
                              {{QStringLiteral("ownerReferences"),
                                owner(QStringLiteral("ReplicaSet"), QStringLiteral("web-") + h)},
                               {QStringLiteral("labels"),
                                QJsonObject {{QStringLiteral("rollouts-pod-template-hash"), h}}}})},
                        {QStringLiteral("status"),
                         QJsonObject {{QStringLiteral("phase"), QStringLiteral("Running")},
                                      {QStringLiteral("startTime"), created}}}})
                .ok());
    }
}

inline void AnalysisControllerFixture::tearDown()
{
    m_controller.reset();
    m_metrics.reset();
    m_store.reset();
    m_clock.reset();
}

inline QJsonObject AnalysisControllerFixture::createRun(const QString &name,
                                                        const QJsonArray &metrics,
                                                        const QJsonObject &specExtra)
{
    QJsonObject spec = specExtra;
    spec.insert(QStringLiteral("metrics"), metrics);
    QJsonObject object {
        {QStringLiteral("metadata"),
         QJsonObject {{QStringLiteral("name"), name},
                      {QStringLiteral("namespace"), QStringLiteral("shop")},
                      {QStringLiteral("ownerReferences"),
                       QJsonArray {QJsonObject {{QStringLiteral("kind"), QStringLiteral("Rollout")},
                                                {QStringLiteral("name"), QStringLiteral("web")},
                                                {QStringLiteral("controller"), true}}}}}},
        {QStringLiteral("spec"), spec}};
    const StoreResult created = m_store->create(type("argoproj.io", "analysisruns"), object);
    return created.object;
}

inline QJsonObject AnalysisControllerFixture::run(const QString &name) const
{
    return m_store->get(type("argoproj.io", "analysisruns"), QStringLiteral("shop"), name)
        .value_or(QJsonObject());
}

inline QJsonObject AnalysisControllerFixture::status(const QString &name) const
{
    return run(name).value(QStringLiteral("status")).toObject();
}

inline QJsonObject AnalysisControllerFixture::result(const QString &name, int index) const
{
    return status(name).value(QStringLiteral("metricResults")).toArray().at(index).toObject();
}

inline void AnalysisControllerFixture::step(qint64 ms)
{
    m_clock->advance(ms);
    m_controller->reconcile();
}

} // namespace AnalysisControllerTest
