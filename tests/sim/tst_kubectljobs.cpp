// SPDX-License-Identifier: GPL-3.0-or-later
// The machine's real kubectl against the real rd-sim executable for the kinds of issue 16:
// `kubectl get jobs,experiments` prints the Job columns kube-apiserver gives (Status,
// Completions, Duration) as the Job controller moves them, the Experiment a canary's
// experiment step created, with its status, and a deleted pod Terminating for its grace period.
#include "simprocess.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestKubectlJobs : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QProcess m_sim;
    QString m_kubeconfig;
    QString m_kubectl;

    // kubectl's standard output, or its error text prefixed with "error: " when it failed.
    QString kubectl(const QStringList &args)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KUBECONFIG"), m_kubeconfig);
        env.insert(QStringLiteral("HOME"), m_home.path()); // a fresh discovery cache per run
        process.setProcessEnvironment(env);
        process.start(m_kubectl, args);
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
            return QStringLiteral("error: kubectl timed out");
        }
        if (process.exitCode() != 0)
            return QStringLiteral("error: ") + QString::fromUtf8(process.readAllStandardError());
        return QString::fromUtf8(process.readAllStandardOutput());
    }

    static bool hasLine(const QString &out, const QString &pattern)
    {
        const QRegularExpression re(pattern, QRegularExpression::MultilineOption);
        return re.match(out).hasMatch();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        m_kubectl = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
        QVERIFY2(!m_kubectl.isEmpty(), "kubectl is not installed: run scripts/install-deps");
        m_kubeconfig = m_home.filePath(QStringLiteral("kubeconfig"));
        const QString banner = startSimProcess(
            m_sim, QStringLiteral(RD_TEST_DATA_DIR "/kubectl-jobs/scenario.yaml"), m_kubeconfig);
        QVERIFY2(banner.contains(QStringLiteral("ready")), qPrintable(banner));
    }

    void cleanupTestCase()
    {
        m_sim.terminate();
        QVERIFY(m_sim.waitForFinished(10000));
        QCOMPARE(m_sim.exitCode(), 0);
    }

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
};

QTEST_GUILESS_MAIN(TestKubectlJobs)
#include "tst_kubectljobs.moc"
