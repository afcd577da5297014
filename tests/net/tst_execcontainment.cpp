// SPDX-License-Identifier: GPL-3.0-or-later
#include "boundedprocess.h"
#include "execcredentialcache.h"
#include "execscripts.h"
#include "kubeclient.h"
#include "secretredaction.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <thread>

// Hostile or broken exec plugins: floods, hangs, children left behind, cancels. Each ends in
// a clear error within its bound, with nothing left running and no secret in the message.
class TestExecContainment : public QObject
{
    Q_OBJECT

private:
    ExecScripts m_scripts;

    // True once the process has exited (a zombie counts: no init may reap it here).
    static bool processGone(qint64 pid)
    {
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 3000) {
            QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
            if (!stat.open(QIODevice::ReadOnly))
                return true;
            const QByteArray text = stat.readAll();
            const qsizetype close = text.lastIndexOf(')');
            if (close > 0 && text.mid(close + 2, 1) == "Z")
                return true;
            QTest::qWait(20);
        }
        return false;
    }

    qint64 pidFrom(const QString &name) const
    {
        QFile file(m_scripts.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            return 0;
        return file.readAll().trimmed().toLongLong();
    }

    static NetError run(const QString &path, int timeoutMs, ExecCredential *credential,
                        const CancelToken &cancel = CancelToken())
    {
        return ExecPlugin::run(ExecScripts::connection(path), timeoutMs, cancel, credential);
    }

private slots:
    void initTestCase() { QVERIFY(m_scripts.isValid()); }

    void stdoutFloodIsStopped()
    {
        const QString path
            = m_scripts.script(QStringLiteral("flood-out.sh"),
                               "echo $$ > '" + m_scripts.filePath("flood-out.pid").toUtf8()
                                   + "'\nexec yes credential\n");
        QElapsedTimer timer;
        timer.start();
        ExecCredential credential;
        const NetError error = run(path, 30000, &credential);
        QVERIFY2(timer.elapsed() < 10000, "the flood must end at the cap, not at the timeout");
        QCOMPARE(error.kind, NetError::Kind::Config);
        QCOMPARE(error.message,
                 QStringLiteral("exec plugin \"%1\" (user \"dev\") printed more than 1024 KiB "
                                "and was stopped; a credential is never that large\n"
                                "Install it with: apt install dev-plugin")
                     .arg(path));
        QVERIFY(processGone(pidFrom(QStringLiteral("flood-out.pid"))));
    }

    void stderrFloodIsCutShort()
    {
        // 2 MB on stderr, then a failure: the message keeps a short, marked excerpt.
        const QString path = m_scripts.script(QStringLiteral("flood-err.sh"),
                                              "head -c 2000000 /dev/zero | tr '\\0' x >&2\n"
                                              "exit 4\n");
        ExecCredential credential;
        const NetError error = run(path, 30000, &credential);
        const QString head
            = QStringLiteral("exec plugin \"%1\" (user \"dev\") failed with exit code 4: ")
                  .arg(path);
        QVERIFY2(error.message.startsWith(head), qPrintable(error.message.left(300)));
        QVERIFY(error.message.contains(QStringLiteral("xxxx …\nInstall it with")));
        QCOMPARE(error.message.size(),
                 head.size() + 2000 + QStringLiteral(" …\n").size()
                     + QStringLiteral("Install it with: apt install dev-plugin").size());
    }

    void stderrIsBoundedWhileRunning()
    {
        ProcessLimits limits;
        limits.timeoutMs = 1500;
        const QString path
            = m_scripts.script(QStringLiteral("flood-err-forever.sh"), "exec yes error >&2\n");
        const ProcessOutcome outcome
            = BoundedProcess::run(path, {}, {QStringLiteral("PATH=/usr/bin:/bin")}, limits);
        QCOMPARE(outcome.end, ProcessOutcome::End::TimedOut);
        QCOMPARE(outcome.standardError.size(), limits.maxStderrBytes);
        QVERIFY(outcome.standardErrorTruncated);
    }

    void hangKillsTheWholeGroup()
    {
        const QString path = m_scripts.script(
            QStringLiteral("hang.sh"),
            "sleep 300 &\necho $! > '" + m_scripts.filePath("hang-child.pid").toUtf8()
                + "'\necho $$ > '" + m_scripts.filePath("hang.pid").toUtf8() + "'\nsleep 300\n");
        QElapsedTimer timer;
        timer.start();
        ExecCredential credential;
        const NetError error = run(path, 500, &credential);
        QVERIFY(timer.elapsed() < 5000);
        QVERIFY2(error.message.contains(QStringLiteral(
                     "did not finish within 0.5 seconds; it was stopped with every process it "
                     "started")),
                 qPrintable(error.message));
        QVERIFY(processGone(pidFrom(QStringLiteral("hang.pid"))));
        QVERIFY(processGone(pidFrom(QStringLiteral("hang-child.pid"))));
    }

    void childHoldingThePipeDoesNotHoldTheResult()
    {
        // The plugin answers and exits, but a process it left behind keeps stdout open.
        const QString path = m_scripts.script(
            QStringLiteral("straggler.sh"),
            "sleep 300 &\necho $! > '" + m_scripts.filePath("straggler.pid").toUtf8() + "'\n"
                + ExecScripts::printToken("straggler-token"));
        QElapsedTimer timer;
        timer.start();
        ExecCredential credential;
        const NetError error = run(path, 30000, &credential);
        QVERIFY2(!error, qPrintable(error.message));
        QCOMPARE(credential.token, QStringLiteral("straggler-token"));
        QVERIFY(timer.elapsed() < 5000);
        QVERIFY(processGone(pidFrom(QStringLiteral("straggler.pid"))));
    }

    void cancelStopsARunningPlugin()
    {
        const QString path = m_scripts.script(
            QStringLiteral("slow.sh"),
            "echo $$ > '" + m_scripts.filePath("slow.pid").toUtf8() + "'\nexec sleep 300\n");
        CancelToken cancel;
        NetError error;
        QElapsedTimer timer;
        timer.start();
        std::thread worker([&] {
            ExecCredential credential;
            error = run(path, 60000, &credential, cancel);
        });
        QTRY_VERIFY(pidFrom(QStringLiteral("slow.pid")) > 0);
        cancel.cancel();
        worker.join();
        QVERIFY(timer.elapsed() < 5000);
        QCOMPARE(error.kind, NetError::Kind::Cancelled);
        QVERIFY(processGone(pidFrom(QStringLiteral("slow.pid"))));
    }

    void cancelEndsTheWaitForAnotherCallersRun()
    {
        // Two workers need the same credential; the first runs a slow plugin. The second
        // is closed meanwhile and must not wait for the first.
        const QString path = m_scripts.script(QStringLiteral("shared.sh"), "exec sleep 300\n");
        const ClusterConnection c = ExecScripts::connection(path);
        ExecCredentialCache cache;
        CancelToken first;
        CancelToken second;
        NetError firstError;
        NetError secondError;
        std::thread runner([&] {
            ExecCredential credential;
            cache.credential(c, &credential, &firstError, first);
        });
        QTRY_COMPARE(cache.runCount(c), 1);
        QElapsedTimer timer;
        timer.start();
        std::thread waiter([&] {
            ExecCredential credential;
            cache.credential(c, &credential, &secondError, second);
        });
        QTest::qWait(100);
        second.cancel();
        waiter.join();
        QVERIFY(timer.elapsed() < 2000);
        QCOMPARE(secondError.kind, NetError::Kind::Cancelled);
        first.cancel();
        runner.join();
        QCOMPARE(firstError.kind, NetError::Kind::Cancelled);
    }

    void stderrIsRedacted()
    {
        const QString path = m_scripts.script(
            QStringLiteral("leaky.sh"),
            "echo 'refresh failed: refresh_token=rt-9f8e7d6c5b4a status=400' >&2\n"
            "echo 'retry with Authorization: Bearer abcdef0123456789' >&2\n"
            "echo '{\"client_secret\": \"s3cr3t-value\"}' >&2\nexit 1\n");
        ExecCredential credential;
        const NetError error = run(path, 30000, &credential);
        for (const char *secret : {"rt-9f8e7d6c5b4a", "abcdef0123456789", "s3cr3t-value"})
            QVERIFY2(!error.message.contains(QLatin1String(secret)), qPrintable(error.message));
        QVERIFY2(error.message.contains(
                     QStringLiteral("refresh failed: refresh_token=[redacted] status=400\n"
                                    "retry with Authorization: Bearer [redacted]\n"
                                    "{\"client_secret\": \"[redacted]\"}")),
                 qPrintable(error.message));
    }

    void waitIsAnnounced()
    {
        // A client that needs the plugin says so before it waits, once per run: a cached
        // credential needs no notice.
        const QString path = m_scripts.script(QStringLiteral("announced.sh"),
                                              ExecScripts::printToken("announced-token"));
        ClusterConnection c = ExecScripts::connection(path);
        c.server = QStringLiteral("http://127.0.0.1:1"); // nothing listens: only auth matters
        ExecCredentialCache cache;
        cache.setTimeoutMs(45000);
        KubeClient client(c);
        client.setExecCredentialCache(&cache);
        client.setRetryPolicy(0, 0);
        QStringList notices;
        client.setExecWaitNotice([&notices](const QString &text) { notices.append(text); });
        client.get(QStringLiteral("/version"));
        client.get(QStringLiteral("/version"));
        QCOMPARE(notices,
                 QStringList {QStringLiteral("Waiting for exec plugin \"%1\" (user \"dev\"); it is "
                                             "stopped after 45 s if it does not answer")
                                  .arg(path)});
        QCOMPARE(cache.runCount(c), 1);
    }

    void issuedTokenIsRememberedForRedaction()
    {
        const QString path = m_scripts.script(QStringLiteral("issues.sh"),
                                              ExecScripts::printToken("issued-7c1d2e3f"));
        ExecCredential credential;
        QVERIFY(!run(path, 30000, &credential));
        QCOMPARE(SecretRedaction::redact(QStringLiteral("echoed issued-7c1d2e3f back")),
                 QStringLiteral("echoed [redacted] back"));
    }
};

QTEST_GUILESS_MAIN(TestExecContainment)
#include "tst_execcontainment.moc"
