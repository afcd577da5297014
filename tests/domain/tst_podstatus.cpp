// SPDX-License-Identifier: GPL-3.0-or-later
// kubectl's STATUS / READY / RESTARTS for every pod state in tests/data/domain/pods.json.
#include "jsondecoder.h"
#include "podstatus.h"
#include "testdata.h"
#include "timestamps.h"

#include <QTest>

class TestPodStatus : public QObject
{
    Q_OBJECT

private:
    QList<Pod> m_pods;

    const Pod *pod(const QString &name) const
    {
        for (const Pod &p : m_pods) {
            if (p.metadata.name == name)
                return &p;
        }
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        const ObjectList<Pod> list = decodeList<Pod>(domainTestData(QStringLiteral("pods.json")));
        QVERIFY(list.isOk());
        m_pods = list.items;
        QCOMPARE(m_pods.size(), 22);
    }

    void status_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("ready");
        QTest::addColumn<qint32>("restarts");

        const auto row
            = [](const char *name, const char *status, const char *ready, qint32 restarts) {
                  QTest::newRow(name) << QString::fromLatin1(name) << QString::fromLatin1(status)
                                      << QString::fromLatin1(ready) << restarts;
              };
        row("running", "Running", "2/2", 0);
        row("container-creating", "ContainerCreating", "0/1", 0);
        row("crash-loop", "CrashLoopBackOff", "0/1", 5);
        row("image-pull", "ImagePullBackOff", "0/1", 0);
        row("init-progress", "Init:1/2", "0/1", 0);
        row("init-crash", "Init:CrashLoopBackOff", "0/1", 3);
        row("init-exit-code", "Init:ExitCode:1", "0/1", 0);
        row("init-signal", "Init:Signal:9", "0/1", 0);
        row("init-waiting", "Init:0/1", "0/1", 0);
        row("exit-code", "ExitCode:137", "0/1", 2);
        row("signal", "Signal:15", "0/1", 0);
        row("oom-killed", "OOMKilled", "0/1", 0);
        row("completed", "Completed", "0/1", 0);
        row("terminating", "Terminating", "1/1", 0);
        row("node-lost", "Unknown", "1/1", 0);
        row("evicted", "Evicted", "0/1", 0);
        row("completed-not-ready", "NotReady", "1/2", 0);
        row("completed-ready", "Running", "1/2", 0);
        row("scheduling-gated", "SchedulingGated", "0/1", 0);
        row("sidecar", "Running", "2/2", 1);
        row("unschedulable", "Pending", "0/1", 0);
        row("terminating-succeeded", "Completed", "0/1", 0);
    }

    void status()
    {
        QFETCH(QString, name);
        QFETCH(QString, status);
        QFETCH(QString, ready);
        QFETCH(qint32, restarts);
        const Pod *p = pod(name);
        QVERIFY(p);
        const PodStatusSummary summary = podStatus(*p);
        QCOMPARE(summary.status, status);
        QCOMPARE(summary.readyText(), ready);
        QCOMPARE(summary.restarts, restarts);
    }

    void lastRestartTime()
    {
        QCOMPARE(podStatus(*pod(QStringLiteral("crash-loop"))).lastRestart,
                 parseRfc3339(u"2024-05-05T10:20:00Z"));
        // An init container's restarts count only while the pod is initializing.
        QCOMPARE(podStatus(*pod(QStringLiteral("init-crash"))).lastRestart,
                 parseRfc3339(u"2024-05-05T10:10:00Z"));
        QCOMPARE(podStatus(*pod(QStringLiteral("sidecar"))).lastRestart,
                 parseRfc3339(u"2024-05-05T09:59:30Z"));
        QVERIFY(!podStatus(*pod(QStringLiteral("running"))).lastRestart.isValid());
    }

    void initializedPodShowsContainerState()
    {
        // Initialized=True wins over a lingering init status (kubectl checks the condition).
        Pod p = *pod(QStringLiteral("init-exit-code"));
        for (Condition &c : p.conditions) {
            if (c.type == QLatin1String("Initialized"))
                c.status = QStringLiteral("True");
        }
        QCOMPARE(podStatus(p).status, QStringLiteral("PodInitializing"));
    }

    void emptyPod()
    {
        const PodStatusSummary summary = podStatus(Pod());
        QCOMPARE(summary.status, QString());
        QCOMPARE(summary.readyText(), QStringLiteral("0/0"));
        QCOMPARE(summary.restarts, 0);
    }
};

QTEST_GUILESS_MAIN(TestPodStatus)
#include "tst_podstatus.moc"
