// SPDX-License-Identifier: GPL-3.0-or-later
// `get applications`' table and JSON from hand-written applications: columns, the short
// revision, multi-source and chart sources, operations, absent values and RFC 3339 times.
#include "applicationprinter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

const QDateTime now = QDateTime(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC);

qint64 minutesAgo(int minutes)
{
    return now.addSecs(-60 * minutes).toMSecsSinceEpoch();
}

ArgoApplication gitApplication()
{
    ArgoApplication a;
    a.environment = QStringLiteral("dev");
    a.instance = QStringLiteral("argocd");
    a.name = QStringLiteral("checkout-dev");
    a.appNamespace = QStringLiteral("argocd");
    a.project = QStringLiteral("shop");
    ArgoSource source;
    source.repoUrl = QStringLiteral("https://github.com/acme/shop-deploy.git");
    source.path = QStringLiteral("envs/dev/checkout");
    source.targetRevision = QStringLiteral("main");
    a.sources = {source};
    a.syncStatus = QStringLiteral("Synced");
    a.syncRevision = QStringLiteral("95b40c8bf85cbf34047b5d74257d5cb0f84c4c8b");
    a.health = QStringLiteral("Healthy");
    a.operation.phase = QStringLiteral("Succeeded");
    a.operation.message = QStringLiteral("successfully synced (all tasks run)");
    a.operation.initiatedBy.username = QStringLiteral("admin");
    a.operation.startedAtMs = minutesAgo(5) - 4000;
    a.operation.finishedAtMs = minutesAgo(5);
    return a;
}

ArgoApplication chartApplication()
{
    ArgoApplication a;
    a.environment = QStringLiteral("prod");
    a.instance = QStringLiteral("central");
    a.name = QStringLiteral("storefront-prod");
    a.appNamespace = QStringLiteral("argocd");
    a.project = QStringLiteral("shop");
    ArgoSource chart;
    chart.repoUrl = QStringLiteral("https://charts.acme.example");
    chart.chart = QStringLiteral("storefront");
    chart.targetRevision = QStringLiteral("3.2.0");
    a.sources = {chart};
    a.syncStatus = QStringLiteral("OutOfSync");
    a.syncRevision = QStringLiteral("3.2.0");
    a.health = QStringLiteral("Progressing");
    a.autoSync = true;
    a.operation.phase = QStringLiteral("Running");
    a.operation.initiatedBy.automated = true;
    a.operation.startedAtMs = minutesAgo(1);
    return a;
}

// Nothing compared yet: no source, status or operation.
ArgoApplication newApplication()
{
    ArgoApplication a;
    a.environment = QStringLiteral("staging");
    a.instance = QStringLiteral("argocd");
    a.name = QStringLiteral("fresh");
    return a;
}

} // namespace

class TestApplicationPrinter : public QObject
{
    Q_OBJECT

private slots:
    void shortRevision()
    {
        QCOMPARE(ApplicationPrinter::shortRevision(
                     QStringLiteral("95b40c8bf85cbf34047b5d74257d5cb0f84c4c8b")),
                 QStringLiteral("95b40c8"));
        // A chart version, a branch or an abbreviated SHA is shown as it is.
        QCOMPARE(ApplicationPrinter::shortRevision(QStringLiteral("3.2.0")),
                 QStringLiteral("3.2.0"));
        QCOMPARE(ApplicationPrinter::shortRevision(QStringLiteral("95b40c8")),
                 QStringLiteral("95b40c8"));
        QCOMPARE(ApplicationPrinter::shortRevision(QString()), QString());
    }

    void operationText()
    {
        QCOMPARE(ApplicationPrinter::operationText(gitApplication().operation),
                 QStringLiteral("Succeeded (admin)"));
        QCOMPARE(ApplicationPrinter::operationText(chartApplication().operation),
                 QStringLiteral("Running (automated)"));
        QCOMPARE(ApplicationPrinter::operationText(ArgoOperation()), QString());
    }

    void table()
    {
        const QString text = ApplicationPrinter::table(
            {gitApplication(), newApplication(), chartApplication()}, false, now);
        QCOMPARE(
            text,
            QStringLiteral("ENVIRONMENT   NAME              PROJECT   SYNC        HEALTH        "
                           "REVISION   TARGET\n"
                           "dev           checkout-dev      shop      Synced      Healthy       "
                           "95b40c8    main\n"
                           "staging       fresh             -         -           -             "
                           "-          -\n"
                           "prod          storefront-prod   shop      OutOfSync   Progressing   "
                           "3.2.0      3.2.0\n"));
    }

    void wideTable()
    {
        ArgoApplication multi = gitApplication();
        ArgoSource values;
        values.repoUrl = QStringLiteral("https://github.com/acme/values.git");
        values.targetRevision = QStringLiteral("v2");
        multi.sources.append(values);
        const QStringList lines
            = ApplicationPrinter::table({multi, chartApplication()}, true, now).split(u'\n');
        QCOMPARE(lines.size(), 4); // and the final newline
        QVERIFY2(lines.at(0).endsWith(QStringLiteral(
                     "TARGET    INSTANCE   REPO                                              "
                     "                           PATH/CHART          OPERATION             "
                     "LAST SYNC")),
                 qPrintable(lines.at(0)));
        QVERIFY2(lines.at(1).endsWith(
                     QStringLiteral("main,v2   argocd     https://github.com/acme/shop-deploy.git,"
                                    "https://github.com/acme/values.git   envs/dev/checkout   "
                                    "Succeeded (admin)     5m")),
                 qPrintable(lines.at(1)));
        QVERIFY2(lines.at(2).endsWith(QStringLiteral(
                     "3.2.0     central    https://charts.acme.example                       "
                     "                           storefront          Running (automated)   -")),
                 qPrintable(lines.at(2)));
        QCOMPARE(lines.at(3), QString());
    }

    void json()
    {
        const QByteArray text = ApplicationPrinter::jsonList(
            {gitApplication(), chartApplication(), newApplication()},
            {{QStringLiteral("staging"), QStringLiteral("argocd"),
              QStringLiteral("Argo CD argocd: Cannot reach the server")}});
        QVERIFY(text.endsWith('\n'));
        const QJsonObject list = QJsonDocument::fromJson(text).object();
        QCOMPARE(list.value(QStringLiteral("apiVersion")).toString(),
                 QStringLiteral("release-dashboard/v1"));
        QCOMPARE(list.value(QStringLiteral("kind")).toString(), QStringLiteral("ApplicationList"));
        const QJsonArray items = list.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 3);
        const QJsonObject expected
            = QJsonDocument::fromJson(
                  "{\"environment\":\"dev\",\"instance\":\"argocd\",\"name\":\"checkout-dev\","
                  "\"namespace\":\"argocd\",\"project\":\"shop\",\"syncStatus\":\"Synced\","
                  "\"health\":\"Healthy\","
                  "\"revision\":\"95b40c8bf85cbf34047b5d74257d5cb0f84c4c8b\","
                  "\"targetRevision\":\"main\","
                  "\"repo\":\"https://github.com/acme/shop-deploy.git\","
                  "\"path\":\"envs/dev/checkout\",\"chart\":\"\",\"autoSync\":false,"
                  "\"operation\":{\"phase\":\"Succeeded\","
                  "\"message\":\"successfully synced (all tasks run)\","
                  "\"initiatedBy\":{\"username\":\"admin\",\"automated\":false},"
                  "\"startedAt\":\"2026-12-01T11:54:56Z\","
                  "\"finishedAt\":\"2026-12-01T11:55:00Z\"}}")
                  .object();
        QCOMPARE(items.at(0).toObject(), expected);
        const QJsonObject chart = items.at(1).toObject();
        QCOMPARE(chart.value(QStringLiteral("chart")).toString(), QStringLiteral("storefront"));
        QCOMPARE(chart.value(QStringLiteral("revision")).toString(), QStringLiteral("3.2.0"));
        QCOMPARE(chart.value(QStringLiteral("autoSync")).toBool(), true);
        const QJsonObject running = chart.value(QStringLiteral("operation")).toObject();
        QCOMPARE(running.value(QStringLiteral("finishedAt")), QJsonValue(QJsonValue::Null));
        QCOMPARE(items.at(2).toObject().value(QStringLiteral("operation")),
                 QJsonValue(QJsonValue::Null));
        const QJsonArray errors = list.value(QStringLiteral("errors")).toArray();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.at(0).toObject().value(QStringLiteral("instance")).toString(),
                 QStringLiteral("argocd"));
    }
};

QTEST_GUILESS_MAIN(TestApplicationPrinter)
#include "tst_applicationprinter.moc"
