// SPDX-License-Identifier: GPL-3.0-or-later
// The machine's real kubectl against the real rd-sim executable for the kinds of issue 16:
// `kubectl get jobs,experiments` prints the Job columns kube-apiserver gives (Status,
// Completions, Duration) as the Job controller moves them, the Experiment a canary's
// experiment step created, with its status, and a pod Terminating for its grace period, whether
// kubectl deleted it or the controllers did when the rollout was scaled down.
#include "kubectlrunner.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

class TestKubectlJobs : public QObject
{
    Q_OBJECT

private:
    KubectlSim m_k;

    // kubectl's standard output, or its error text prefixed with "error: " when it failed.
    QString kubectl(const QStringList &args)
    {
        const KubectlSim::Result r = m_k.run(args);
        if (r.exitCode != 0)
            return QStringLiteral("error: ") + r.err;
        return r.out;
    }

    static bool hasLine(const QString &out, const QString &pattern)
    {
        const QRegularExpression re(pattern, QRegularExpression::MultilineOption);
        return re.match(out).hasMatch();
    }

private slots:
    void initTestCase()
    {
        m_k.start(QStringLiteral(RD_TEST_DATA_DIR "/kubectl-jobs/scenario.yaml"));
    }

    void cleanupTestCase() { m_k.stop(); }

    void getJobsAndExperiments()
    {
        const QStringList args {QStringLiteral("get"), QStringLiteral("jobs,experiments"),
                                QStringLiteral("-n"), QStringLiteral("shop")};
        QString out;
        // At clock speed 10 the Jobs finish within a few real seconds; the experiment's
        // ReplicaSets then have their pods and it runs for an hour of virtual time.
        QTRY_VERIFY2_WITH_TIMEOUT(
            (out = kubectl(args),
             hasLine(out, QStringLiteral("^job.batch/smoke\\s+Complete\\s+1/1\\s+"))
                 && hasLine(out, QStringLiteral("^job.batch/broken\\s+Failed\\s+0/1\\s+"))
                 && hasLine(out,
                            QStringLiteral("^experiment.argoproj.io/web-\\w+-2-0\\s+Running\\s+"))),
            qPrintable(out), 60000);
        QVERIFY2(hasLine(out, QStringLiteral("^NAME\\s+STATUS\\s+COMPLETIONS\\s+DURATION\\s+AGE$")),
                 qPrintable(out));
        QVERIFY2(hasLine(out, QStringLiteral("^NAME\\s+STATUS\\s+AGE$")), qPrintable(out));
        // Five seconds to start and five to run.
        QVERIFY2(hasLine(out, QStringLiteral("^job.batch/smoke\\s+Complete\\s+1/1\\s+10s\\s+")),
                 qPrintable(out));
    }

    void jobPodsAreLabelledAndFinished()
    {
        const QString out = kubectl({QStringLiteral("get"), QStringLiteral("pods"),
                                     QStringLiteral("-n"), QStringLiteral("shop"),
                                     QStringLiteral("-l"), QStringLiteral("job-name=smoke")});
        QVERIFY2(hasLine(out, QStringLiteral("^smoke-\\w{5}\\s+0/1\\s+Completed\\s+0\\s+")),
                 qPrintable(out));
        const QString broken = kubectl({QStringLiteral("get"), QStringLiteral("pods"),
                                        QStringLiteral("-n"), QStringLiteral("shop"),
                                        QStringLiteral("-l"), QStringLiteral("job-name=broken")});
        QVERIFY2(hasLine(broken, QStringLiteral("^broken-\\w{5}\\s+0/1\\s+Error\\s+0\\s+")),
                 qPrintable(broken));
    }

    void deletedPodIsTerminatingForItsGracePeriod()
    {
        QString pods;
        QRegularExpressionMatch running;
        QTRY_VERIFY2_WITH_TIMEOUT(
            (pods = kubectl({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"),
                             QStringLiteral("shop"), QStringLiteral("-l"),
                             QStringLiteral("app=web"), QStringLiteral("--no-headers")}),
             running = QRegularExpression(QStringLiteral("^(web-\\w+-\\w{5})\\s+1/1\\s+Running"),
                                          QRegularExpression::MultilineOption)
                           .match(pods),
             running.hasMatch()),
            qPrintable(pods), 30000);
        const QString pod = running.captured(1);
        const QString deleted
            = kubectl({QStringLiteral("delete"), QStringLiteral("pod"), pod, QStringLiteral("-n"),
                       QStringLiteral("shop"), QStringLiteral("--wait=false")});
        QVERIFY2(deleted.contains(QStringLiteral("pod \"%1\" deleted").arg(pod)),
                 qPrintable(deleted));
        const QString terminating = kubectl({QStringLiteral("get"), QStringLiteral("pod"), pod,
                                             QStringLiteral("-n"), QStringLiteral("shop")});
        QVERIFY2(hasLine(terminating, QStringLiteral("^%1\\s+1/1\\s+Terminating\\s+").arg(pod)),
                 qPrintable(terminating));
        // 30 virtual seconds at clock speed 10, then it is gone.
        QTRY_VERIFY_WITH_TIMEOUT(kubectl({QStringLiteral("get"), QStringLiteral("pod"), pod,
                                          QStringLiteral("-n"), QStringLiteral("shop")})
                                     .contains(QStringLiteral("NotFound")),
                                 30000);
    }

    void scaledDownPodIsTerminatingForItsGracePeriod()
    {
        const QStringList getPods {QStringLiteral("get"),         QStringLiteral("pods"),
                                   QStringLiteral("-n"),          QStringLiteral("shop"),
                                   QStringLiteral("-l"),          QStringLiteral("app=web"),
                                   QStringLiteral("--no-headers")};
        const QRegularExpression stablePod(QStringLiteral("^web-\\w+-\\w{5}\\s+1/1\\s+Running"),
                                           QRegularExpression::MultilineOption);
        QString pods;
        QTRY_VERIFY2_WITH_TIMEOUT(
            (pods = kubectl(getPods),
             pods.count(stablePod) == 2 && !pods.contains(QStringLiteral("Terminating"))),
            qPrintable(pods), 30000);
        const QString patched
            = kubectl({QStringLiteral("patch"), QStringLiteral("rollout"), QStringLiteral("web"),
                       QStringLiteral("-n"), QStringLiteral("shop"), QStringLiteral("--type"),
                       QStringLiteral("merge"), QStringLiteral("-p"),
                       QStringLiteral(R"({"spec":{"replicas":1}})")});
        QVERIFY2(patched.contains(QStringLiteral("patched")), qPrintable(patched));
        // The ReplicaSet's scale-down deletes a pod as kubectl delete does: Terminating, still
        // 1/1 while its containers stop, then gone.
        QRegularExpressionMatch terminating;
        QTRY_VERIFY2_WITH_TIMEOUT(
            (pods = kubectl(getPods),
             terminating
             = QRegularExpression(QStringLiteral("^(web-\\w+-\\w{5})\\s+1/1\\s+Terminating\\s+"),
                                  QRegularExpression::MultilineOption)
                   .match(pods),
             terminating.hasMatch()),
            qPrintable(pods), 30000);
        QVERIFY2(pods.count(stablePod) == 1, qPrintable(pods));
        QTRY_VERIFY_WITH_TIMEOUT(!kubectl(getPods).contains(terminating.captured(1)), 30000);
    }
};

QTEST_GUILESS_MAIN(TestKubectlJobs)
#include "tst_kubectljobs.moc"
