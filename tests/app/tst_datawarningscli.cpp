// SPDX-License-Identifier: GPL-3.0-or-later
// `get` lists a rollout whose spec.replicas no integer can hold, and says so on stderr
// instead of printing a plausible wrong value without a word.
#include "../fetchers/unreadableserver.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestDataWarningsCli : public QObject
{
    Q_OBJECT

private slots:
    void getWarnsOnStderr()
    {
        UnreadableServer server;
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString kubeconfig = dir.filePath(QStringLiteral("kubeconfig"));
        QFile file(kubeconfig);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("apiVersion: v1\nkind: Config\ncurrent-context: c\nclusters:\n- name: c\n"
                   "  cluster:\n    server: "
                   + server.url().toUtf8()
                   + "\nusers:\n- name: u\n  user: {}\ncontexts:\n- name: c\n"
                     "  context: {cluster: c, user: u, namespace: shop}\n");
        file.close();

        QProcess process;
        process.start(QStringLiteral(RD_APP_EXE),
                      {QStringLiteral("get"), QStringLiteral("rollouts"),
                       QStringLiteral("--kubeconfig"), kubeconfig});
        QVERIFY(process.waitForFinished(60000));
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QCOMPARE(
            err,
            QStringLiteral("release-dashboard: c: warning: rollouts.argoproj.io shop/checkout: "
                           "spec.replicas: integer out of range\n"));
        QVERIFY(process.readAllStandardOutput().contains("checkout"));
        QCOMPARE(process.exitCode(), 0); // listed, with the warning
    }
};

QTEST_GUILESS_MAIN(TestDataWarningsCli)
#include "tst_datawarningscli.moc"
