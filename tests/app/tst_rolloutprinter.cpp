// SPDX-License-Identifier: GPL-3.0-or-later
// The output formats of `release-dashboard get`: kubectl's table and ages, the stable JSON.
#include "rolloutprinter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

RolloutSummary canary()
{
    RolloutSummary r;
    r.environment = QStringLiteral("prod");
    r.context = QStringLiteral("prod-admin");
    r.namespaceName = QStringLiteral("shop");
    r.name = QStringLiteral("checkout");
    r.strategy = QStringLiteral("Canary");
    r.phase = QStringLiteral("Paused");
    r.message = QStringLiteral("CanaryPauseStep");
    r.step = QStringLiteral("1/7");
    r.currentStepIndex = 1;
    r.stepCount = 7;
    r.setWeight = 20;
    r.actualWeight = 25;
    r.counts.desired = 4;
    r.counts.current = 5;
    r.counts.ready = 5;
    r.counts.updated = 1;
    r.counts.available = 5;
    r.revision = 2;
    r.situation = QStringLiteral("Waiting for promotion at step 2 of 7");
    r.waitsForPerson = true;
    r.images = {ImageInfo {QStringLiteral("acme/checkout:1.4.1"), {QStringLiteral("stable")}},
                ImageInfo {QStringLiteral("acme/checkout:1.4.2"), {QStringLiteral("canary")}}};
    r.generation = 2;
    r.observedGeneration = QStringLiteral("2");
    r.creationTimestamp = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    return r;
}

RolloutSummary blueGreen()
{
    RolloutSummary r;
    r.environment = QStringLiteral("staging");
    r.context = QStringLiteral("staging");
    r.namespaceName = QStringLiteral("shop");
    r.name = QStringLiteral("frontend");
    r.strategy = QStringLiteral("BlueGreen");
    r.phase = QStringLiteral("Healthy");
    r.counts.desired = 3;
    r.counts.ready = 3;
    r.creationTimestamp = QDateTime(QDate(2024, 4, 1), QTime(12, 0), Qt::UTC);
    return r;
}

} // namespace

class TestRolloutPrinter : public QObject
{
    Q_OBJECT

private slots:
    void humanDuration_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("text");
        QTest::addRow("future") << qint64(-5) << "<invalid>";
        QTest::addRow("skew") << qint64(-1) << "0s";
        QTest::addRow("0") << qint64(0) << "0s";
        QTest::addRow("119") << qint64(119) << "119s";
        QTest::addRow("2m") << qint64(120) << "2m";
        QTest::addRow("5m30s") << qint64(330) << "5m30s";
        QTest::addRow("10m") << qint64(600 + 59) << "10m";
        QTest::addRow("179m") << qint64(179 * 60 + 59) << "179m";
        QTest::addRow("3h") << qint64(3 * 3600) << "3h";
        QTest::addRow("5h3m") << qint64(5 * 3600 + 3 * 60) << "5h3m";
        QTest::addRow("8h") << qint64(8 * 3600 + 59 * 60) << "8h";
        QTest::addRow("47h") << qint64(47 * 3600) << "47h";
        QTest::addRow("2d") << qint64(48 * 3600) << "2d";
        QTest::addRow("3d4h") << qint64(76 * 3600) << "3d4h";
        QTest::addRow("40d") << qint64(40 * 86400 + 5 * 3600) << "40d";
        QTest::addRow("2y") << qint64(730 * 86400) << "2y";
        QTest::addRow("2y30d") << qint64(760 * 86400) << "2y30d";
        QTest::addRow("9y") << qint64(9 * 365 * 86400) << "9y";
    }

    void humanDuration()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, text);
        QCOMPARE(RolloutPrinter::humanDuration(seconds), text);
    }

    void table()
    {
        const QDateTime now(QDate(2024, 5, 1), QTime(12, 5, 30), Qt::UTC);
        const QString text = RolloutPrinter::table({canary(), blueGreen()}, false, now);
        QCOMPARE(
            text,
            QStringLiteral("ENVIRONMENT   NAMESPACE   NAME       STRATEGY    STATUS    STEP   "
                           "SET-WEIGHT   ACTUAL-WEIGHT   READY   AGE\n"
                           "prod          shop        checkout   Canary      Paused    1/7    20"
                           "           25              5/4     5m30s\n"
                           "staging       shop        frontend   BlueGreen   Healthy   -      -"
                           "            -               3/3     30d\n"));
    }

    void wideTable()
    {
        const QDateTime now(QDate(2024, 5, 1), QTime(12, 5, 30), Qt::UTC);
        const QStringList lines
            = RolloutPrinter::table({canary(), blueGreen()}, true, now).split(u'\n');
        QCOMPARE(lines.size(), 4);
        QVERIFY(lines.at(0).endsWith(QStringLiteral(
            "AGE     REVISION   IMAGES                                                       "
            "SITUATION")));
        QVERIFY(lines.at(1).endsWith(QStringLiteral(
            "5m30s   2          acme/checkout:1.4.1 (stable), acme/checkout:1.4.2 (canary)   "
            "Waiting for promotion at step 2 of 7")));
        QVERIFY(lines.at(2).endsWith(QStringLiteral(
            "30d     -          -                                                            -")));
        QCOMPARE(lines.at(3), QString());
    }

    void json()
    {
        const QByteArray bytes = RolloutPrinter::jsonList(
            {canary(), blueGreen()}, {{QStringLiteral("qa"), QStringLiteral("Unreachable")}});
        QVERIFY(bytes.endsWith('\n'));
        const QJsonObject list = QJsonDocument::fromJson(bytes).object();
        QCOMPARE(list.value(QStringLiteral("apiVersion")).toString(),
                 QStringLiteral("release-dashboard/v1"));
        QCOMPARE(list.value(QStringLiteral("kind")).toString(), QStringLiteral("RolloutList"));
        const QJsonArray items = list.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 2);
        const QJsonObject expected = QJsonDocument::fromJson(R"({
            "environment": "prod", "context": "prod-admin", "namespace": "shop",
            "name": "checkout", "strategy": "Canary", "phase": "Paused",
            "message": "CanaryPauseStep", "requiresAttention": false,
            "situation": "Waiting for promotion at step 2 of 7", "waitsForPerson": true,
            "step": "1/7",
            "currentStepIndex": 1, "stepCount": 7, "setWeight": 20, "actualWeight": 25,
            "replicas": {"desired": 4, "current": 5, "ready": 5, "updated": 1, "available": 5},
            "revision": 2,
            "images": [{"image": "acme/checkout:1.4.1", "tags": ["stable"]},
                       {"image": "acme/checkout:1.4.2", "tags": ["canary"]}],
            "paused": false, "aborted": false, "generation": 2, "observedGeneration": "2",
            "creationTimestamp": "2024-05-01T12:00:00Z"})")
                                         .object();
        QCOMPARE(items.at(0).toObject(), expected);
        const QJsonObject bg = items.at(1).toObject();
        QVERIFY(bg.value(QStringLiteral("step")).isNull());
        QVERIFY(bg.value(QStringLiteral("setWeight")).isNull());
        QVERIFY(bg.value(QStringLiteral("actualWeight")).isNull());
        QVERIFY(bg.value(QStringLiteral("currentStepIndex")).isNull());
        QVERIFY(bg.value(QStringLiteral("observedGeneration")).isNull());
        QCOMPARE(bg.value(QStringLiteral("stepCount")).toInt(), 0);
        QCOMPARE(
            list.value(QStringLiteral("errors")).toArray(),
            QJsonArray({QJsonObject {{QStringLiteral("environment"), QStringLiteral("qa")},
                                     {QStringLiteral("message"), QStringLiteral("Unreachable")}}}));
    }

    void jsonObject()
    {
        const QJsonObject object
            = QJsonDocument::fromJson(RolloutPrinter::jsonObject(canary())).object();
        QCOMPARE(object.value(QStringLiteral("kind")).toString(), QStringLiteral("RolloutSummary"));
        QCOMPARE(object.value(QStringLiteral("apiVersion")).toString(),
                 QStringLiteral("release-dashboard/v1"));
        QCOMPARE(object.value(QStringLiteral("name")).toString(), QStringLiteral("checkout"));
    }
};

QTEST_GUILESS_MAIN(TestRolloutPrinter)
#include "tst_rolloutprinter.moc"
