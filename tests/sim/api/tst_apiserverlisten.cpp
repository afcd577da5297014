// SPDX-License-Identifier: GPL-3.0-or-later
// The simulator's listening queue is as long as a real API server's. With httplib's own
// queue of 5 an environment's eight watches opened at once lost their seventh and eighth
// connection, and TCP resent those a second later: the demo's first data came after 1.1 s.
// `ss` (iproute2) reads the queue length of the listening socket from the kernel.

#include "apitestfixture.h"

#include <QFile>
#include <QProcess>

#include <sys/socket.h>

class TestApiServerListen : public QObject
{
    Q_OBJECT

private:
    // The accept queue's length of the socket listening on `port`, as `ss -ltn` shows it in
    // its Send-Q column; -1 when no such socket is listed.
    static int listenQueue(int port)
    {
        QProcess ss;
        ss.start(QStringLiteral("ss"),
                 {QStringLiteral("-Hltn"), QStringLiteral("sport = :%1").arg(port)});
        if (!ss.waitForFinished(10000) || ss.exitCode() != 0)
            return -1;
        // "LISTEN 0 4096 127.0.0.1:40123 0.0.0.0:*"
        const QList<QByteArray> fields = ss.readAllStandardOutput().simplified().split(' ');
        return fields.size() >= 3 ? fields.at(2).toInt() : -1;
    }

private slots:
    void queueIsTheSystemsLongest()
    {
        ApiFixture fixture;
        QString error;
        QVERIFY2(fixture.start(&error), qPrintable(error));
        QFile limitFile(QStringLiteral("/proc/sys/net/core/somaxconn"));
        QVERIFY(limitFile.open(QIODevice::ReadOnly));
        const int systemLimit = limitFile.readAll().trimmed().toInt();
        QVERIFY(systemLimit > 0);
        // listen() takes the smaller of what is asked and the system's limit.
        QCOMPARE(listenQueue(fixture.server->port()), qMin(SOMAXCONN, systemLimit));
        QVERIFY(listenQueue(fixture.server->port()) >= 128);
    }
};

QTEST_GUILESS_MAIN(TestApiServerListen)
#include "tst_apiserverlisten.moc"
