// SPDX-License-Identifier: GPL-3.0-or-later
// The demo's experiment and traffic-routing case (resources/scenarios/demo.yaml, dev
// shop/recommendations): with nobody acting, the release starts with a Running Experiment
// whose smoke test runs as a Job, then Istio routing steps: 10 % and a header route, a mirror
// route, 50 %, each in the VirtualService as Argo Rollouts' Istio router writes it, within the
// first minutes at clock speed 1 and for a minute or more each. The built-in demo is played in
// process on a frozen virtual clock, so every time here is virtual and exact.
#include "core/objectstore.h"
#include "core/resourcecatalog.h"
#include "core/virtualclock.h"
#include "demo/demoscenario.h"
#include "fleet/simulator.h"
#include "frozendemo.h"
#include "scenario/scenario.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <functional>
#include <memory>

using namespace rdsim;

namespace {

const qint64 kSecond = 1000;
const QString kShop = QStringLiteral("shop");
const QString kRecommendations = QStringLiteral("recommendations");

QJsonObject routeNamed(const QJsonArray &http, const QString &name)
{
    for (const QJsonValue &value : http) {
        if (value.toObject().value(QLatin1String("name")).toString() == name)
            return value.toObject();
    }
    return {};
}

// "stable-host=weight canary-host=weight" of a route's destinations.
QString weightsText(const QJsonObject &route)
{
    QStringList parts;
    for (const QJsonValue &value : route.value(QLatin1String("route")).toArray())
        parts << valueAt(value.toObject(), QStringLiteral("destination.host")).toString() + u'='
                + QString::number(value.toObject().value(QLatin1String("weight")).toInt());
    return parts.join(u' ');
}

} // namespace

class TestDemoTrafficRouting : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void experimentRunsWithItsSmokeTestAtOnce();
    void headerRouteAndTenPercent();
    void mirrorRouteBesideTheHeaderRoute();
    void fiftyPercentThenPromoted();

private:
    // Plays the clock a second at a time until `done` or `limitSeconds` have passed.
    bool playUntil(const std::function<bool()> &done, int limitSeconds);
    int elapsedSeconds() const { return int((m_sim->clock().nowMs() - m_startMs) / kSecond); }
    SimCluster &dev() { return *m_sim->cluster(QStringLiteral("dev")); }
    QJsonObject get(const ResourceType &kind, const QString &name)
    {
        return dev().store().get(kind, kShop, name).value_or(QJsonObject());
    }
    QJsonObject rollout() { return get(servedKind("argoproj.io", "rollouts"), kRecommendations); }
    QJsonArray http()
    {
        return valueAt(get(servedKind("networking.istio.io", "virtualservices"), kRecommendations),
                       QStringLiteral("spec.http"))
            .toArray();
    }
    int stepIndex()
    {
        return valueAt(rollout(), QStringLiteral("status.currentStepIndex")).toInt(-1);
    }

    Scenario m_scenario;
    std::unique_ptr<Simulator> m_sim;
    qint64 m_startMs = 0;
};

void TestDemoTrafficRouting::initTestCase()
{
    QString error;
    m_sim = startFrozenDemo(&m_scenario, &error);
    QVERIFY2(m_sim, qPrintable(error));
    m_startMs = m_sim->clock().nowMs();
    m_sim->reconcileOnce();
}

bool TestDemoTrafficRouting::playUntil(const std::function<bool()> &done, int limitSeconds)
{
    for (int played = 0; played < limitSeconds; ++played) {
        if (done())
            return true;
        m_sim->clock().advance(kSecond);
        m_sim->reconcileOnce();
    }
    return done();
}

void TestDemoTrafficRouting::experimentRunsWithItsSmokeTestAtOnce()
{
    const ResourceType &experiments = servedKind("argoproj.io", "experiments");
    QString experiment;
    QVERIFY(playUntil(
        [&] {
            experiment
                = valueAt(rollout(), QStringLiteral("status.canary.currentExperiment")).toString();
            return !experiment.isEmpty()
                && valueAt(get(experiments, experiment), QStringLiteral("status.phase"))
                == QJsonValue(QStringLiteral("Running"));
        },
        60));
    QCOMPARE(stepIndex(), 0);
    const QJsonArray templates
        = valueAt(get(experiments, experiment), QStringLiteral("spec.templates")).toArray();
    QCOMPARE(templates.size(), 2);
    QCOMPARE(valueAt(templates.at(0).toObject(), QStringLiteral("name")).toString(),
             QStringLiteral("baseline"));

    // The smoke test's Job, against the canary's Service, within the first minute.
    QJsonObject job;
    QVERIFY(playUntil(
        [&] {
            for (const QJsonObject &j : dev().store().list(servedKind("batch", "jobs"), kShop)) {
                const QString args = QString::fromUtf8(QJsonDocument(j).toJson());
                if (args.contains(QLatin1String("http://recommendations.shop/healthz")))
                    job = j;
            }
            return !job.isEmpty();
        },
        60));
    QVERIFY2(elapsedSeconds() <= 60, qPrintable(QString::number(elapsedSeconds())));
    QCOMPARE(valueAt(get(experiments, experiment), QStringLiteral("status.phase")).toString(),
             QStringLiteral("Running"));
    // No traffic for the canary while the experiment runs.
    QCOMPARE(weightsText(routeNamed(http(), QStringLiteral("primary"))),
             QStringLiteral("recommendations-stable=100 recommendations-canary=0"));
}

void TestDemoTrafficRouting::headerRouteAndTenPercent()
{
    QVERIFY(playUntil(
        [&] { return !routeNamed(http(), QStringLiteral("canary-header")).isEmpty(); }, 180));
    QVERIFY2(elapsedSeconds() <= 120, qPrintable(QString::number(elapsedSeconds())));
    const qint64 since = elapsedSeconds();
    const QJsonObject header = routeNamed(http(), QStringLiteral("canary-header"));
    QCOMPARE(
        valueAt(header, QStringLiteral("match")).toArray().at(0).toObject(),
        (QJsonObject {
            {QStringLiteral("headers"),
             QJsonObject {{QStringLiteral("x-canary"),
                           QJsonObject {{QStringLiteral("exact"), QStringLiteral("always")}}}}}}));
    QCOMPARE(weightsText(header), QStringLiteral("recommendations-canary=100"));
    QCOMPARE(weightsText(routeNamed(http(), QStringLiteral("primary"))),
             QStringLiteral("recommendations-stable=90 recommendations-canary=10"));
    // The header route comes first, and the pause gives a minute to look at it.
    QCOMPARE(http().at(0).toObject().value(QLatin1String("name")).toString(),
             QStringLiteral("canary-header"));
    QVERIFY(playUntil([&] { return stepIndex() >= 4; }, 120));
    QVERIFY2(elapsedSeconds() - since >= 60, qPrintable(QString::number(elapsedSeconds())));
}

void TestDemoTrafficRouting::mirrorRouteBesideTheHeaderRoute()
{
    QVERIFY(playUntil([&] { return !routeNamed(http(), QStringLiteral("mirror-gets")).isEmpty(); },
                      30));
    QVERIFY2(elapsedSeconds() <= 180, qPrintable(QString::number(elapsedSeconds())));
    const QJsonObject mirror = routeNamed(http(), QStringLiteral("mirror-gets"));
    QCOMPARE(valueAt(mirror, QStringLiteral("mirrorPercentage.value")).toInt(), 20);
    QCOMPARE(valueAt(mirror, QStringLiteral("mirror.host")).toString(),
             QStringLiteral("recommendations-canary"));
    QCOMPARE(valueAt(mirror, QStringLiteral("match")).toArray().at(0).toObject(),
             (QJsonObject {{QStringLiteral("method"),
                            QJsonObject {{QStringLiteral("exact"), QStringLiteral("GET")}}}}));
    QCOMPARE(weightsText(mirror),
             QStringLiteral("recommendations-stable=90 recommendations-canary=10"));
    QVERIFY(!routeNamed(http(), QStringLiteral("canary-header")).isEmpty());
    QCOMPARE(http().size(), 3);
}

void TestDemoTrafficRouting::fiftyPercentThenPromoted()
{
    QVERIFY(playUntil(
        [&] {
            return weightsText(routeNamed(http(), QStringLiteral("primary")))
                == QLatin1String("recommendations-stable=50 recommendations-canary=50");
        },
        120));
    QVERIFY2(elapsedSeconds() <= 240, qPrintable(QString::number(elapsedSeconds())));
    QCOMPARE(weightsText(routeNamed(http(), QStringLiteral("mirror-gets"))),
             QStringLiteral("recommendations-stable=50 recommendations-canary=50"));
    QCOMPARE(valueAt(rollout(), QStringLiteral("status.canary.weights.canary.weight")).toInt(), 50);

    // Fully promoted: the managed routes are gone and the stable Service takes everything.
    QVERIFY(playUntil(
        [&] {
            const QJsonObject status = rollout().value(QLatin1String("status")).toObject();
            return status.value(QLatin1String("phase")) == QJsonValue(QStringLiteral("Healthy"))
                && status.value(QLatin1String("stableRS"))
                == status.value(QLatin1String("currentPodHash"))
                && http().size() == 1;
        },
        300));
    QVERIFY(playUntil(
        [&] {
            return weightsText(http().at(0).toObject())
                == QLatin1String("recommendations-stable=100 recommendations-canary=0");
        },
        5));
}

QTEST_GUILESS_MAIN(TestDemoTrafficRouting)
#include "tst_demotrafficrouting.moc"
