// SPDX-License-Identifier: GPL-3.0-or-later
#include "neterror.h"

#include <QTest>

#include <curl/curl.h>

class TestNetError : public QObject
{
    Q_OBJECT

private slots:
    void kindsFromStatus_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<NetError::Kind>("kind");
        QTest::newRow("400") << 400 << NetError::Kind::Http;
        QTest::newRow("401") << 401 << NetError::Kind::Unauthorized;
        QTest::newRow("403") << 403 << NetError::Kind::Forbidden;
        QTest::newRow("404") << 404 << NetError::Kind::NotFound;
        QTest::newRow("409") << 409 << NetError::Kind::Conflict;
        QTest::newRow("410") << 410 << NetError::Kind::Gone;
        QTest::newRow("415") << 415 << NetError::Kind::Http;
        QTest::newRow("422") << 422 << NetError::Kind::Http;
        QTest::newRow("429") << 429 << NetError::Kind::TooManyRequests;
        QTest::newRow("500") << 500 << NetError::Kind::Server;
        QTest::newRow("503") << 503 << NetError::Kind::Server;
    }

    void kindsFromStatus()
    {
        QFETCH(int, status);
        QFETCH(NetError::Kind, kind);
        const NetError error = NetError::fromHttp(status, QByteArray());
        QCOMPARE(error.kind, kind);
        QCOMPARE(error.httpStatus, status);
        QVERIFY(error.isError());
    }

    void parsesKubernetesStatus()
    {
        const QByteArray body
            = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\n"
              "            \"status\":\"Failure\",\"message\":\"rollouts.argoproj.io \\\"web\\\" "
              "not found\",\n"
              "            \"reason\":\"NotFound\",\"details\":{\"name\":\"web\"},\"code\":404}";
        const NetError error = NetError::fromHttp(404, body);
        QCOMPARE(error.kind, NetError::Kind::NotFound);
        QCOMPARE(error.reason, QStringLiteral("NotFound"));
        QCOMPARE(error.statusMessage, QStringLiteral("rollouts.argoproj.io \"web\" not found"));
        QCOMPARE(error.message,
                 QStringLiteral("Not found (HTTP 404): rollouts.argoproj.io \"web\" not found"));
        QCOMPARE(NetError::kindName(error.kind), QStringLiteral("NotFound"));
    }

    void expiredReason()
    {
        const QByteArray body
            = "{\"kind\":\"Status\",\"status\":\"Failure\",\"reason\":\"Expired\",\n"
              "            \"message\":\"The provided continue parameter is too "
              "old\",\"code\":410}";
        const NetError error = NetError::fromHttp(410, body);
        QCOMPARE(error.kind, NetError::Kind::Gone);
        QCOMPARE(error.reason, QStringLiteral("Expired"));
        QCOMPARE(error.message,
                 QStringLiteral("The data expired on the server (HTTP 410): The "
                                "provided continue parameter is too old"));
    }

    void plainTextBody()
    {
        // API Priority and Fairness answers in plain text.
        const NetError error = NetError::fromHttp(
            429, QByteArray("Too many requests, please try again later.\n"), 3);
        QCOMPARE(error.kind, NetError::Kind::TooManyRequests);
        QCOMPARE(error.retryAfterSeconds, 3);
        QCOMPARE(error.reason, QString());
        QCOMPARE(error.message,
                 QStringLiteral("The server is busy (HTTP 429): Too many requests, "
                                "please try again later."));
    }

    void bigOrForeignBodiesAreNotParsed()
    {
        QByteArray big = "{\"kind\":\"Status\",\"message\":\"" + QByteArray(70000, 'x') + "\"}";
        NetError error = NetError::fromHttp(500, big);
        QCOMPARE(error.statusMessage, QString());
        QCOMPARE(error.message, QStringLiteral("Server error (HTTP 500)"));
        error = NetError::fromHttp(403, "{\"kind\":\"Pod\",\"message\":\"not a status\"}");
        QCOMPARE(error.statusMessage, QString());
        QCOMPARE(error.message, QStringLiteral("Permission denied (HTTP 403)"));
    }

    void curlKinds()
    {
        NetError error
            = NetError::fromCurl(CURLE_OPERATION_TIMEDOUT, QStringLiteral("took too long"));
        QCOMPARE(error.kind, NetError::Kind::Timeout);
        QCOMPARE(error.curlCode, int(CURLE_OPERATION_TIMEDOUT));
        QCOMPARE(error.message, QStringLiteral("The server did not answer in time: took too long"));
        error = NetError::fromCurl(CURLE_PEER_FAILED_VERIFICATION, QString());
        QCOMPARE(error.kind, NetError::Kind::Tls);
        QCOMPARE(error.message,
                 QStringLiteral("Secure connection failed: SSL peer certificate or "
                                "SSH remote key was not OK"));
        error = NetError::fromCurl(CURLE_COULDNT_CONNECT, QStringLiteral("Connection refused"));
        QCOMPARE(error.kind, NetError::Kind::Network);
        QCOMPARE(error.message, QStringLiteral("Cannot reach the server: Connection refused"));
        QCOMPARE(NetError::fromCurl(CURLE_ABORTED_BY_CALLBACK, QString()).kind,
                 NetError::Kind::Cancelled);
    }

    void helpers()
    {
        QVERIFY(!NetError().isError());
        QVERIFY(!NetError());
        QCOMPARE(NetError::config(QStringLiteral("bad")).kind, NetError::Kind::Config);
        QCOMPARE(NetError::decode(QStringLiteral("bad")).kind, NetError::Kind::Decode);
        QCOMPARE(NetError::cancelled().message, QStringLiteral("Cancelled"));
        const NetError large = NetError::tooLarge(512 * 1024 * 1024);
        QCOMPARE(large.kind, NetError::Kind::TooLarge);
        QCOMPARE(large.message, QStringLiteral("The response is larger than the limit of 512 MiB"));
    }
};

QTEST_GUILESS_MAIN(TestNetError)
#include "tst_neterror.moc"
