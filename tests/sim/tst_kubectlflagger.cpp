// SPDX-License-Identifier: GPL-3.0-or-later
// The machine's real kubectl against the rd-sim executable's Flagger: Flagger's printer
// columns, its kinds left out of a cluster, and a canary that waits in WaitingPromotion until
// the load tester's gate is opened through the API server's service proxy.
#include "kubectlrunner.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

class TestKubectlFlagger : public QObject
{
    Q_OBJECT

private:
    using Result = KubectlSim::Result;

    KubectlSim m_k;

    Result kubectl(const QStringList &args, const QByteArray &input = {})
    {
        return m_k.run(args, input);
    }

    QString canaryField(const QString &path)
    {
        return kubectl({QStringLiteral("get"), QStringLiteral("canary"), QStringLiteral("podinfo"),
                        QStringLiteral("-n"), QStringLiteral("test"), QStringLiteral("-o"),
                        QStringLiteral("jsonpath={") + path + u'}'})
            .out;
    }

    // POSTs the gate request through the service proxy as `context`.
    Result gate(const QString &context, const QString &action)
    {
        return kubectl({QStringLiteral("--context"), context, QStringLiteral("create"),
                        QStringLiteral("--raw"),
                        QStringLiteral("/api/v1/namespaces/test/services/flagger-loadtester:80/"
                                       "proxy/gate/")
                            + action,
                        QStringLiteral("-f"), QStringLiteral("-")},
                       R"({"name":"podinfo","namespace":"test"})");
    }

private slots:
    void initTestCase() { m_k.start(QStringLiteral(RD_TEST_DATA_DIR "/flagger/scenario.yaml")); }

    void cleanupTestCase() { m_k.stop(); }

    void printerColumns()
    {
        // The status columns need the controller's first pass.
        QTRY_VERIFY_WITH_TIMEOUT(
            !canaryField(QStringLiteral(".status.lastTransitionTime")).isEmpty(), 60000);
        const Result r
            = kubectl({QStringLiteral("get"), QStringLiteral("canaries"), QStringLiteral("-A")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(QRegularExpression(QStringLiteral("^NAMESPACE\\s+NAME\\s+STATUS\\s+WEIGHT\\s+"
                                                   "LASTTRANSITIONTIME$"))
                     .match(lines.at(0))
                     .hasMatch(),
                 qPrintable(lines.at(0)));
        QVERIFY2(lines.at(1).startsWith(QStringLiteral("test ")), qPrintable(lines.at(1)));

        const Result wide = kubectl({QStringLiteral("get"), QStringLiteral("canaries.flagger.app"),
                                     QStringLiteral("-n"), QStringLiteral("test"),
                                     QStringLiteral("-o"), QStringLiteral("wide")});
        QVERIFY2(wide.exitCode == 0, qPrintable(wide.err));
        // Unset fields (suspend, mirror, stepWeights) print as empty cells.
        QVERIFY2(
            QRegularExpression(
                QStringLiteral("^NAME\\s+STATUS\\s+WEIGHT\\s+SUSPENDED\\s+FAILEDCHECKS\\s+"
                               "INTERVAL\\s+MIRROR\\s+STEPWEIGHT\\s+STEPWEIGHTS\\s+"
                               "MAXWEIGHT\\s+LASTTRANSITIONTIME\\n"
                               "podinfo\\s+\\w+\\s+\\d+\\s+\\d+\\s+10s\\s+50\\s+50\\s+\\d{4}-"))
                .match(wide.out)
                .hasMatch(),
            qPrintable(wide.out));

        const Result others
            = kubectl({QStringLiteral("get"), QStringLiteral("metrictemplates,alertproviders"),
                       QStringLiteral("-n"), QStringLiteral("test")});
        QVERIFY2(others.exitCode == 0, qPrintable(others.err));
        QVERIFY2(
            QRegularExpression(QStringLiteral("NAME\\s+PROVIDER\\n[^\\n]*error-rate\\s+prometheus"))
                .match(others.out)
                .hasMatch(),
            qPrintable(others.out));
        QVERIFY2(QRegularExpression(QStringLiteral("NAME\\s+TYPE\\n[^\\n]*on-call\\s+slack"))
                     .match(others.out)
                     .hasMatch(),
                 qPrintable(others.out));
    }

    void clusterWithoutFlagger()
    {
        const Result r
            = kubectl({QStringLiteral("--context"), QStringLiteral("plain"), QStringLiteral("get"),
                       QStringLiteral("canaries"), QStringLiteral("-A")});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QStringLiteral("the server doesn't have a resource type")),
                 qPrintable(r.err));
    }

    void promotionWaitsForTheGate()
    {
        QTRY_VERIFY_WITH_TIMEOUT(canaryField(QStringLiteral(".status.phase"))
                                     == QLatin1String("WaitingPromotion"),
                                 60000);
        QCOMPARE(canaryField(QStringLiteral(".status.conditions[0].message")),
                 QStringLiteral("Waiting for approval."));
        // The gate stays closed for a viewer: POST through the proxy needs create.
        const Result denied = gate(QStringLiteral("flagger-viewer"), QStringLiteral("open"));
        QVERIFY(denied.exitCode != 0);
        QVERIFY2(denied.err.contains(QStringLiteral("forbidden"), Qt::CaseInsensitive),
                 qPrintable(denied.err));
        QCOMPARE(canaryField(QStringLiteral(".status.phase")), QStringLiteral("WaitingPromotion"));

        const Result opened = gate(QStringLiteral("flagger"), QStringLiteral("open"));
        QVERIFY2(opened.exitCode == 0, qPrintable(opened.err));
        QTRY_VERIFY_WITH_TIMEOUT(
            canaryField(QStringLiteral(".status.phase")) == QLatin1String("Succeeded"), 60000);
        const Result primary = kubectl(
            {QStringLiteral("get"), QStringLiteral("deployment"), QStringLiteral("podinfo-primary"),
             QStringLiteral("-n"), QStringLiteral("test"), QStringLiteral("-o"),
             QStringLiteral("jsonpath={.spec.template.spec.containers[0].image}")});
        QCOMPARE(primary.out, QStringLiteral("ghcr.io/stefanprodan/podinfo:6.0.1"));
    }
};

QTEST_GUILESS_MAIN(TestKubectlFlagger)
#include "tst_kubectlflagger.moc"
