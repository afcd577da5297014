// SPDX-License-Identifier: GPL-3.0-or-later
// Conformance: the machine's real kubectl against the real rd-sim executable, over HTTPS with
// the kubeconfig rd-sim writes. Proves the simulator speaks Kubernetes as kubectl expects.
#include "kubectlrunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

class TestKubectl : public QObject
{
    Q_OBJECT

private:
    using Result = KubectlSim::Result;

    KubectlSim m_k;

    Result kubectl(const QStringList &args, int timeoutMs = 60000)
    {
        return m_k.run(args, {}, timeoutMs);
    }

    QString jsonPath(const QString &rollout, const QString &path)
    {
        return kubectl({QStringLiteral("get"), QStringLiteral("rollout.argoproj.io"), rollout,
                        QStringLiteral("-n"), QStringLiteral("shop"), QStringLiteral("-o"),
                        QStringLiteral("jsonpath={") + path + u'}'})
            .out;
    }

private slots:
    void initTestCase()
    {
        m_k.start(QStringLiteral(RD_TEST_DATA_DIR "/kubectl/scenario.yaml"));
        if (QTest::currentTestFailed())
            return;
        QVERIFY(m_k.banner.contains(QStringLiteral("kubeconfig: ") + m_k.kubeconfig));
        QVERIFY(QRegularExpression(QStringLiteral("cluster conf: https://127\\.0\\.0\\.1:\\d+"))
                    .match(m_k.banner)
                    .hasMatch());
    }

    void cleanupTestCase()
    {
        m_k.sim.terminate();
        QVERIFY(m_k.sim.waitForFinished(10000));
        QCOMPARE(m_k.sim.exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_k.sim.exitCode(), 0);
    }

    void version()
    {
        const Result r = kubectl({QStringLiteral("version")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Server Version: v1.31.0-rd-sim")),
                 qPrintable(r.out));
    }

    void getRolloutsAllNamespaces()
    {
        const Result r = kubectl(
            {QStringLiteral("get"), QStringLiteral("rollouts.argoproj.io"), QStringLiteral("-A")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY2(
            QRegularExpression(
                QStringLiteral(
                    "^NAMESPACE\\s+NAME\\s+DESIRED\\s+CURRENT\\s+UP-TO-DATE\\s+AVAILABLE\\s+AGE$"))
                .match(lines.at(0))
                .hasMatch(),
            qPrintable(lines.at(0)));
        QVERIFY2(QRegularExpression(QStringLiteral("^shop\\s+api\\s+2\\s+"))
                     .match(lines.at(1))
                     .hasMatch(),
                 qPrintable(lines.at(1)));
        QVERIFY2(QRegularExpression(QStringLiteral("^shop\\s+web\\s+4\\s+"))
                     .match(lines.at(2))
                     .hasMatch(),
                 qPrintable(lines.at(2)));
    }

    void getPodsAsJson()
    {
        // The controllers create the pods; wait until both rollouts have theirs.
        QJsonArray items;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const Result r = kubectl({QStringLiteral("get"), QStringLiteral("pods"),
                                          QStringLiteral("-n"), QStringLiteral("shop"),
                                          QStringLiteral("-o"), QStringLiteral("json")});
                const QJsonObject list = QJsonDocument::fromJson(r.out.toUtf8()).object();
                if (r.exitCode != 0
                    || list.value(QStringLiteral("kind")).toString() != QStringLiteral("List"))
                    return false;
                items = list.value(QStringLiteral("items")).toArray();
                return items.size() >= 6;
            }(),
            30000);
        for (const QJsonValue &item : std::as_const(items)) {
            const QJsonObject pod = item.toObject();
            QCOMPARE(pod.value(QStringLiteral("kind")).toString(), QStringLiteral("Pod"));
            QCOMPARE(pod.value(QStringLiteral("metadata"))
                         .toObject()
                         .value(QStringLiteral("namespace"))
                         .toString(),
                     QStringLiteral("shop"));
            QVERIFY(!pod.value(QStringLiteral("metadata"))
                         .toObject()
                         .value(QStringLiteral("labels"))
                         .toObject()
                         .value(QStringLiteral("rollouts-pod-template-hash"))
                         .toString()
                         .isEmpty());
        }
    }

    void watchSeesControllerUpdate()
    {
        QProcess watch;
        watch.setProcessEnvironment(m_k.environment());
        watch.start(m_k.kubectl,
                    {QStringLiteral("get"), QStringLiteral("rollouts.argoproj.io"),
                     QStringLiteral("-n"), QStringLiteral("shop"), QStringLiteral("-w"),
                     QStringLiteral("--output-watch-events")});
        QVERIFY(watch.waitForStarted());
        QString seen;
        // The canary "web" moves through its steps on its own: a MODIFIED event must arrive.
        QTRY_VERIFY_WITH_TIMEOUT((seen += QString::fromUtf8(watch.readAllStandardOutput()),
                                  seen.contains(QStringLiteral("MODIFIED"))),
                                 30000);
        QVERIFY2(seen.contains(QRegularExpression(QStringLiteral("ADDED\\s+web"))),
                 qPrintable(seen));
        watch.kill();
        watch.waitForFinished();
    }

    void pauseByMergePatch()
    {
        const Result r
            = kubectl({QStringLiteral("patch"), QStringLiteral("rollout.argoproj.io"),
                       QStringLiteral("api"), QStringLiteral("-n"), QStringLiteral("shop"),
                       QStringLiteral("--type"), QStringLiteral("merge"), QStringLiteral("-p"),
                       QStringLiteral("{\"spec\":{\"paused\":true}}")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.trimmed(), QStringLiteral("rollout.argoproj.io/api patched"));
        QTRY_COMPARE_WITH_TIMEOUT(jsonPath(QStringLiteral("api"), QStringLiteral(".status.phase")),
                                  QStringLiteral("Paused"), 20000);
        QCOMPARE(jsonPath(QStringLiteral("api"), QStringLiteral(".status.message")),
                 QStringLiteral("manually paused"));
    }

    void abortByStatusSubresource()
    {
        // Wait until the canary is really in flight (revision 2 beside a stable revision 1).
        QTRY_VERIFY_WITH_TIMEOUT(
            jsonPath(QStringLiteral("web"), QStringLiteral(".status.currentStepIndex")).toInt()
                >= 1,
            30000);
        const Result r = kubectl(
            {QStringLiteral("patch"), QStringLiteral("rollout.argoproj.io"), QStringLiteral("web"),
             QStringLiteral("-n"), QStringLiteral("shop"), QStringLiteral("--subresource=status"),
             QStringLiteral("--type"), QStringLiteral("merge"), QStringLiteral("-p"),
             QStringLiteral("{\"status\":{\"abort\":true}}")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QTRY_COMPARE_WITH_TIMEOUT(jsonPath(QStringLiteral("web"), QStringLiteral(".status.phase")),
                                  QStringLiteral("Degraded"), 20000);
        QVERIFY(jsonPath(QStringLiteral("web"), QStringLiteral(".status.message"))
                    .startsWith(QStringLiteral("RolloutAborted: ")));
        // The canary is scaled away: every ready replica is the stable one.
        const QString stable = jsonPath(QStringLiteral("web"), QStringLiteral(".status.stableRS"));
        QTRY_COMPARE_WITH_TIMEOUT(
            kubectl({QStringLiteral("get"), QStringLiteral("replicaset"),
                     QStringLiteral("web-") + stable, QStringLiteral("-n"), QStringLiteral("shop"),
                     QStringLiteral("-o"), QStringLiteral("jsonpath={.status.readyReplicas}")})
                .out,
            QStringLiteral("4"), 30000);
    }

    void strategicMergeOnCustomResourceIs415()
    {
        const Result r
            = kubectl({QStringLiteral("patch"), QStringLiteral("rollout.argoproj.io"),
                       QStringLiteral("api"), QStringLiteral("-n"), QStringLiteral("shop"),
                       QStringLiteral("-p"), QStringLiteral("{\"spec\":{\"paused\":false}}")});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QStringLiteral("the body of the request was in an unknown format")),
                 qPrintable(r.err));
    }

    void readOnlyUserIsForbidden()
    {
        const Result r = kubectl(
            {QStringLiteral("--context"), QStringLiteral("conf-viewer"), QStringLiteral("patch"),
             QStringLiteral("rollout.argoproj.io"), QStringLiteral("api"), QStringLiteral("-n"),
             QStringLiteral("shop"), QStringLiteral("--type"), QStringLiteral("merge"),
             QStringLiteral("-p"), QStringLiteral("{\"spec\":{\"paused\":false}}")});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(
            r.err.contains(QStringLiteral(
                "rollouts.argoproj.io \"api\" is forbidden: User \"viewer\" cannot patch "
                "resource \"rollouts\" in API group \"argoproj.io\" in the namespace \"shop\"")),
            qPrintable(r.err));
        // Reading is allowed for the same user.
        const Result read = kubectl({QStringLiteral("--context"), QStringLiteral("conf-viewer"),
                                     QStringLiteral("get"), QStringLiteral("rollouts.argoproj.io"),
                                     QStringLiteral("-n"), QStringLiteral("shop")});
        QVERIFY2(read.exitCode == 0, qPrintable(read.err));
    }

    void badTokenIsUnauthorized()
    {
        const Result r = kubectl({QStringLiteral("--context"), QStringLiteral("conf-viewer"),
                                  QStringLiteral("--token"), QStringLiteral("not-a-valid-token"),
                                  QStringLiteral("get"), QStringLiteral("pods"),
                                  QStringLiteral("-n"), QStringLiteral("shop")});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QStringLiteral("Unauthorized")), qPrintable(r.err));
    }

    void canIUsesAccessReviews()
    {
        const Result allowed = kubectl(
            {QStringLiteral("auth"), QStringLiteral("can-i"), QStringLiteral("patch"),
             QStringLiteral("rollouts.argoproj.io"), QStringLiteral("--subresource=status"),
             QStringLiteral("-n"), QStringLiteral("shop")});
        QCOMPARE(allowed.out.trimmed(), QStringLiteral("yes"));
        const Result denied = kubectl(
            {QStringLiteral("--context"), QStringLiteral("conf-viewer"), QStringLiteral("auth"),
             QStringLiteral("can-i"), QStringLiteral("patch"),
             QStringLiteral("rollouts.argoproj.io"), QStringLiteral("-n"), QStringLiteral("shop")});
        QCOMPARE(denied.out.trimmed(), QStringLiteral("no"));
        QCOMPARE(denied.exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestKubectl)
#include "tst_kubectl.moc"
