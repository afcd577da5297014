// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/tableview.h"
#include "core/resourcecatalog.h"
#include "core/virtualclock.h"

#include <QJsonArray>
#include <QTest>

using namespace rdsim;

class TestTableView : public QObject
{
    Q_OBJECT

private slots:
    void humanDuration_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("future") << qint64(-5) << "<invalid>";
        QTest::newRow("now") << qint64(0) << "0s";
        QTest::newRow("45s") << qint64(45) << "45s";
        QTest::newRow("119s") << qint64(119) << "119s";
        QTest::newRow("5m") << qint64(300) << "5m";
        QTest::newRow("5m30s") << qint64(330) << "5m30s";
        QTest::newRow("42m") << qint64(42 * 60 + 10) << "42m";
        QTest::newRow("3h") << qint64(3 * 3600) << "3h";
        QTest::newRow("3h20m") << qint64(3 * 3600 + 20 * 60) << "3h20m";
        QTest::newRow("20h") << qint64(20 * 3600 + 59) << "20h";
        QTest::newRow("2d") << qint64(48 * 3600) << "2d";
        QTest::newRow("2d4h") << qint64(52 * 3600) << "2d4h";
        QTest::newRow("30d") << qint64(30 * 86400) << "30d";
        QTest::newRow("2y10d") << qint64((2 * 365 + 10) * 86400) << "2y10d";
        QTest::newRow("9y") << qint64(9 * 365 * 86400) << "9y";
    }

    void humanDuration()
    {
        QFETCH(qint64, seconds);
        QTEST(TableView::humanDuration(seconds * 1000), "text");
    }

    void rolloutTable()
    {
        const ResourceType *rollouts
            = ResourceCatalog::find(QStringLiteral("argoproj.io"), QStringLiteral("rollouts"));
        QVERIFY(rollouts);
        const qint64 created = VirtualClock::fromRfc3339(QStringLiteral("2026-01-01T10:00:00Z"));
        const QJsonObject web {
            {"metadata",
             QJsonObject {{"name", "web"},
                          {"namespace", "shop"},
                          {"creationTimestamp", "2026-01-01T10:00:00Z"}}},
            {"spec", QJsonObject {{"replicas", 5}}},
            {"status",
             QJsonObject {{"replicas", 5}, {"updatedReplicas", 1}, {"availableReplicas", 5}}}};
        const QJsonObject fresh {{"metadata",
                                  QJsonObject {{"name", "fresh"},
                                               {"namespace", "shop"},
                                               {"creationTimestamp", "2026-01-01T10:04:15Z"}}},
                                 {"spec", QJsonObject {{"replicas", 2}}}};
        const QJsonObject table = TableView::table(
            *rollouts, {web, fresh}, created + 5 * 60 * 1000, TableView::IncludeObject::Metadata,
            true, QJsonObject {{"resourceVersion", "1234"}}, QStringLiteral("meta.k8s.io/v1"));
        QCOMPARE(table.value("kind").toString(), QStringLiteral("Table"));
        QCOMPARE(table.value("apiVersion").toString(), QStringLiteral("meta.k8s.io/v1"));
        QCOMPARE(table.value("metadata").toObject().value("resourceVersion").toString(),
                 QStringLiteral("1234"));
        QStringList names;
        for (const QJsonValue &column : table.value("columnDefinitions").toArray())
            names << column.toObject().value("name").toString();
        QCOMPARE(names,
                 (QStringList {"Name", "Desired", "Current", "Up-to-date", "Available", "Age"}));
        QCOMPARE(
            table.value("columnDefinitions").toArray().at(0).toObject().value("format").toString(),
            QStringLiteral("name"));
        const QJsonArray rows = table.value("rows").toArray();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).toObject().value("cells").toArray(),
                 (QJsonArray {"web", 5, 5, 1, 5, "5m"}));
        // A custom resource prints missing fields as <none> (null cells).
        QCOMPARE(rows.at(1).toObject().value("cells").toArray(),
                 (QJsonArray {"fresh", 2, QJsonValue(), QJsonValue(), QJsonValue(), "45s"}));
        const QJsonObject object = rows.at(0).toObject().value("object").toObject();
        QCOMPARE(object.value("kind").toString(), QStringLiteral("PartialObjectMetadata"));
        QCOMPARE(object.value("apiVersion").toString(), QStringLiteral("meta.k8s.io/v1"));
        QCOMPARE(object.value("metadata").toObject().value("namespace").toString(),
                 QStringLiteral("shop"));
        QVERIFY(!object.contains("spec"));
    }

    void includeObject()
    {
        const ResourceType *rollouts
            = ResourceCatalog::find(QStringLiteral("argoproj.io"), QStringLiteral("rollouts"));
        const QJsonObject web {{"metadata", QJsonObject {{"name", "web"}}},
                               {"spec", QJsonObject {}}};
        QVERIFY(
            !TableView::row(*rollouts, web, 0, TableView::IncludeObject::None).contains("object"));
        QCOMPARE(
            TableView::row(*rollouts, web, 0, TableView::IncludeObject::Object).value("object"),
            QJsonValue(web));
        QCOMPARE(TableView::includeObjectFromName(QString()),
                 std::optional(TableView::IncludeObject::Metadata));
        QCOMPARE(TableView::includeObjectFromName(QStringLiteral("None")),
                 std::optional(TableView::IncludeObject::None));
        QVERIFY(!TableView::includeObjectFromName(QStringLiteral("All")));
    }

    void podColumns()
    {
        const ResourceType *pods = ResourceCatalog::find(QString(), QStringLiteral("pods"));
        QVERIFY(pods);
        const qint64 now = VirtualClock::fromRfc3339(QStringLiteral("2026-01-01T12:00:00Z"));
        const QJsonObject pod {
            {"metadata",
             QJsonObject {{"name", "web-abc"}, {"creationTimestamp", "2026-01-01T09:00:00Z"}}},
            {"spec",
             QJsonObject {{"containers", QJsonArray {QJsonObject {}, QJsonObject {}}},
                          {"nodeName", "node-1"}}},
            {"status",
             QJsonObject {
                 {"phase", "Running"},
                 {"podIP", "10.0.0.7"},
                 {"containerStatuses",
                  QJsonArray {
                      QJsonObject {
                          {"ready", true},
                          {"restartCount", 2},
                          {"state", QJsonObject {{"running", QJsonObject {}}}},
                          {"lastState",
                           QJsonObject {{"terminated",
                                         QJsonObject {{"finishedAt", "2026-01-01T11:55:00Z"}}}}}},
                      QJsonObject {
                          {"ready", false},
                          {"restartCount", 0},
                          {"state",
                           QJsonObject {
                               {"waiting", QJsonObject {{"reason", "CrashLoopBackOff"}}}}}}}}}}};
        const QJsonObject row = TableView::row(*pods, pod, now, TableView::IncludeObject::None);
        QCOMPARE(row.value("cells").toArray(),
                 (QJsonArray {"web-abc", "1/2", "CrashLoopBackOff", "2 (5m ago)", "3h", "10.0.0.7",
                              "node-1"}));
    }
};

QTEST_GUILESS_MAIN(TestTableView)
#include "tst_tableview.moc"
