// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "simprocess.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// The machine's real kubectl against a real rd-sim executable, for the kubectl conformance
// tests: start() in initTestCase, stop() in cleanupTestCase, run() for each kubectl command.
class KubectlSim
{
public:
    struct Result
    {
        int exitCode = -1;
        QString out;
        QString err;
        QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
    };

    QTemporaryDir home;
    QProcess sim;
    QString kubeconfig;
    QString kubectl;
    QString banner; // rd-sim's standard output up to its "ready" banner

    // Finds kubectl and starts rd-sim on `scenario` (QVERIFY: check QTest::currentTestFailed()).
    void start(const QString &scenario)
    {
        QVERIFY(home.isValid());
        kubectl = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
        QVERIFY2(!kubectl.isEmpty(), "kubectl is not installed: run scripts/install-deps");
        kubeconfig = home.filePath(QStringLiteral("kubeconfig"));
        banner = startSimProcess(sim, scenario, kubeconfig);
        QVERIFY2(banner.contains(QStringLiteral("ready")), qPrintable(banner));
    }

    void stop()
    {
        sim.terminate();
        QVERIFY(sim.waitForFinished(10000));
        QCOMPARE(sim.exitCode(), 0);
    }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KUBECONFIG"), kubeconfig);
        env.insert(QStringLiteral("HOME"), home.path()); // a fresh discovery cache per run
        return env;
    }

    // Runs kubectl with `input` on its standard input; a timeout leaves exitCode -1.
    Result run(const QStringList &args, const QByteArray &input = {}, int timeoutMs = 60000)
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(kubectl, args);
        process.write(input);
        process.closeWriteChannel();
        Result result;
        if (!process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished();
            result.err = QStringLiteral("kubectl timed out: ") + args.join(u' ');
            return result;
        }
        result.exitCode = process.exitCode();
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }
};
