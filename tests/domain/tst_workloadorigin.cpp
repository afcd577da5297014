// SPDX-License-Identifier: GPL-3.0-or-later
#include "workloadorigin.h"

#include <QtTest>

class TestWorkloadOrigin : public QObject
{
    Q_OBJECT

private slots:
    void helm_data();
    void helm();
    void kustomizeAndNone();
};

void TestWorkloadOrigin::helm_data()
{
    QTest::addColumn<QString>("chartLabel");
    QTest::addColumn<QString>("chart");
    QTest::addColumn<QString>("version");
    QTest::newRow("plain") << "checkout-1.4.2"
                           << "checkout"
                           << "1.4.2";
    QTest::newRow("dash in name") << "my-app-0.3.0"
                                  << "my-app"
                                  << "0.3.0";
    QTest::newRow("pre-release") << "my-app-1.2.3-rc.1"
                                 << "my-app"
                                 << "1.2.3-rc.1";
    QTest::newRow("v prefix") << "web-v2.0.1"
                              << "web"
                              << "v2.0.1";
    QTest::newRow("no version") << "oddchart"
                                << "oddchart"
                                << "";
}

void TestWorkloadOrigin::helm()
{
    QFETCH(QString, chartLabel);
    QFETCH(QString, chart);
    QFETCH(QString, version);
    ObjectMeta meta;
    meta.labels
        = StringMap({{QStringLiteral("helm.sh/chart"), chartLabel},
                     {QStringLiteral("app.kubernetes.io/managed-by"), QStringLiteral("Helm")}});
    meta.annotations
        = StringMap({{QStringLiteral("meta.helm.sh/release-name"), QStringLiteral("shop")}});
    const WorkloadOrigin origin = WorkloadOrigin::of(meta);
    QCOMPARE(origin.tool, WorkloadOrigin::Tool::Helm);
    QCOMPARE(origin.chart, chart);
    QCOMPARE(origin.chartVersion, version);
    QCOMPARE(origin.release, QStringLiteral("shop"));
}

void TestWorkloadOrigin::kustomizeAndNone()
{
    ObjectMeta meta;
    QCOMPARE(WorkloadOrigin::of(meta).tool, WorkloadOrigin::Tool::None);
    meta.annotations = StringMap(
        {{QStringLiteral("config.kubernetes.io/origin"), QStringLiteral("path: base/app.yaml")}});
    QCOMPARE(WorkloadOrigin::of(meta).tool, WorkloadOrigin::Tool::Kustomize);
    ObjectMeta labelled;
    labelled.labels = StringMap(
        {{QStringLiteral("app.kubernetes.io/managed-by"), QStringLiteral("kustomize")}});
    QCOMPARE(WorkloadOrigin::of(labelled).tool, WorkloadOrigin::Tool::Kustomize);
    // Another manager is no tool we know.
    labelled.labels
        = StringMap({{QStringLiteral("app.kubernetes.io/managed-by"), QStringLiteral("argocd")}});
    QCOMPARE(WorkloadOrigin::of(labelled).tool, WorkloadOrigin::Tool::None);
}

QTEST_GUILESS_MAIN(TestWorkloadOrigin)
#include "tst_workloadorigin.moc"
