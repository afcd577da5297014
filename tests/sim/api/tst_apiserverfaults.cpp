// SPDX-License-Identifier: GPL-3.0-or-later
// Every injected fault kind as a client sees it over HTTPS.
#include "apitestfixture.h"

#include <QElapsedTimer>
#include <QJsonParseError>
#include <QTest>

using namespace rdsim;

class TestApiServerFaults : public QObject
{
    Q_OBJECT

private:
    ApiFixture *f = nullptr;
    const std::string shopRollouts = "/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts";

    static FaultRule rule(FaultRule::Kind kind, const char *path = "")
    {
        FaultRule rule;
        rule.kind = kind;
        rule.path = QRegularExpression(QString::fromLatin1(path));
        return rule;
    }

private slots:
    void init()
    {
        f = new ApiFixture;
        QString error;
        QVERIFY2(f->start(&error), qPrintable(error));
    }

    void cleanup()
    {
        delete f;
        f = nullptr;
    }

    void delay()
    {
        FaultRule slow = rule(FaultRule::Kind::Delay);
        slow.delayMs = 300;
        slow.remaining = 1;
        f->faults.add(slow);
        auto client = f->client();
        QElapsedTimer timer;
        timer.start();
        auto response = client->Get(shopRollouts);
        QVERIFY(timer.elapsed() >= 300);
        QCOMPARE(response->status, 200);
        QCOMPARE(parseObject(response->body).value("items").toArray().size(), 2);
    }

    void status429WithRetryAfter()
    {
        FaultRule limited = rule(FaultRule::Kind::Status, "/rollouts");
        limited.status = 429;
        limited.retryAfterSeconds = 7;
        limited.remaining = 1;
        f->faults.add(limited);
        auto client = f->client();
        auto response = client->Get(shopRollouts);
        QCOMPARE(response->status, 429);
        QCOMPARE(response->get_header_value("Retry-After"), std::string("7"));
        QCOMPARE(response->get_header_value("Content-Type"), std::string("application/json"));
        QVERIFY(response->has_header("Audit-Id"));
        QCOMPARE(parseObject(response->body),
                 (QJsonObject {{"kind", "Status"},
                               {"apiVersion", "v1"},
                               {"metadata", QJsonObject()},
                               {"status", "Failure"},
                               {"message", "Too many requests, please try again later."},
                               {"reason", "TooManyRequests"},
                               {"details", QJsonObject {{"retryAfterSeconds", 7}}},
                               {"code", 429}}));
        QCOMPARE(client->Get(shopRollouts)->status, 200); // remaining: 1
    }

    void serverErrors_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("message");
        QTest::newRow("500") << 500 << "InternalError"
                             << "Internal error occurred: injected fault";
        QTest::newRow("503") << 503 << "ServiceUnavailable"
                             << "the server is currently unable to handle the request";
        QTest::newRow("504") << 504 << "Timeout"
                             << "injected fault: the server answered 504";
        QTest::newRow("409") << 409 << "Conflict"
                             << "injected fault: the server answered 409";
    }

    void serverErrors()
    {
        QFETCH(int, code);
        FaultRule failing = rule(FaultRule::Kind::Status);
        failing.status = code;
        failing.method = QStringLiteral("PATCH");
        f->faults.add(failing);
        auto client = f->client();
        QCOMPARE(client->Get(shopRollouts)->status, 200); // GET is not matched
        auto response = client->Patch(shopRollouts + "/web", "{}", "application/merge-patch+json");
        QCOMPARE(response->status, code);
        QVERIFY(!response->has_header("Retry-After"));
        const QJsonObject body = parseObject(response->body);
        QCOMPARE(body.value("code").toInt(), code);
        QTEST(body.value("reason").toString(), "reason");
        QTEST(body.value("message").toString(), "message");
    }

    void drop()
    {
        f->faults.add(rule(FaultRule::Kind::Drop, "^/version$"));
        auto client = f->client();
        auto dropped = client->Get("/version");
        QVERIFY(!dropped);
        QVERIFY(dropped.error() != httplib::Error::Success);
        QCOMPARE(client->Get("/api")->status, 200);
    }

    void truncate()
    {
        auto client = f->client();
        const std::string whole = client->Get(shopRollouts)->body;
        f->faults.add(rule(FaultRule::Kind::Truncate, "/rollouts$"));
        std::string received;
        int status = 0;
        std::string length;
        auto result = client->Get(
            shopRollouts,
            [&](const httplib::Response &response) {
                status = response.status;
                length = response.get_header_value("Content-Length");
                return true;
            },
            [&](const char *data, size_t size) {
                received.append(data, size);
                return true;
            });
        QVERIFY(!result); // the connection closed before the declared length arrived
        QCOMPARE(status, 200);
        QCOMPARE(length, std::to_string(whole.size()));
        QCOMPARE(received, whole.substr(0, whole.size() / 2));
    }

    void malformed()
    {
        f->faults.add(rule(FaultRule::Kind::Malformed, "/rollouts$"));
        auto response = f->client()->Get(shopRollouts);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->get_header_value("Content-Type"), std::string("application/json"));
        QVERIFY(response->body.rfind(R"({"kind": "List", "items": [)", 0) == 0);
        QJsonParseError error;
        QJsonDocument::fromJson(QByteArray::fromStdString(response->body), &error);
        QVERIFY(error.error != QJsonParseError::NoError);
    }

    void expireContinueToken()
    {
        auto client = f->client();
        auto first = client->Get(shopRollouts + "?limit=1");
        const std::string token = parseObject(first->body)
                                      .value("metadata")
                                      .toObject()
                                      .value("continue")
                                      .toString()
                                      .toStdString();
        FaultRule expire = rule(FaultRule::Kind::Expire);
        expire.listOnly = true;
        f->faults.add(expire);
        auto expired = client->Get(
            shopRollouts + "?limit=1&continue=" + httplib::detail::encode_query_param(token));
        QCOMPARE(expired->status, 410);
        QCOMPARE(parseObject(expired->body).value("reason").toString(), QStringLiteral("Expired"));
        // Without a continue token there is nothing to expire.
        QCOMPARE(client->Get(shopRollouts + "?limit=1")->status, 200);
    }

    void expireWatch()
    {
        FaultRule expire = rule(FaultRule::Kind::Expire);
        expire.watchOnly = true;
        f->faults.add(expire);
        WatchReader watch(f->client(),
                          shopRollouts + "?watch=1&timeoutSeconds=10&resourceVersion=1005");
        QVERIFY(watch.waitForEnd());
        const QList<QJsonObject> events = watch.waitForEvents(1);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.at(0).value("type").toString(), QStringLiteral("ERROR"));
        const QJsonObject status = events.at(0).value("object").toObject();
        QCOMPARE(status.value("code").toInt(), 410);
        QCOMPARE(status.value("message").toString(),
                 QStringLiteral("too old resource version: 1005 (%1)").arg(f->store.compactedRv()));
    }

    void dropWatchMidStream()
    {
        FaultRule dropWatch = rule(FaultRule::Kind::Drop);
        dropWatch.watchOnly = true;
        f->faults.add(dropWatch);
        WatchReader watch(f->client(), shopRollouts + "?watch=1&timeoutSeconds=10");
        QVERIFY(watch.waitForEnd());
        QCOMPARE(watch.status(), 200);
        QCOMPARE(watch.waitForEvents(1).size(), 1); // exactly the first event, then the cut
        QCOMPARE(watch.waitForEvents(1).at(0).value("type").toString(), QStringLiteral("ADDED"));
        QVERIFY(watch.error() != httplib::Error::Success);
    }

    void truncateAndMalformedWatch()
    {
        FaultRule cut = rule(FaultRule::Kind::Truncate);
        cut.watchOnly = true;
        cut.remaining = 1;
        f->faults.add(cut);
        {
            WatchReader watch(f->client(), shopRollouts + "?watch=1&timeoutSeconds=10");
            QVERIFY(watch.waitForEnd());
            QVERIFY(watch.error() != httplib::Error::Success);
            QVERIFY(!watch.raw().isEmpty());
            QVERIFY(!watch.raw().contains('\n'));
        }
        FaultRule garbage = rule(FaultRule::Kind::Malformed);
        garbage.watchOnly = true;
        f->faults.add(garbage);
        WatchReader watch(f->client(), shopRollouts + "?watch=1&timeoutSeconds=10");
        QVERIFY(watch.waitForEnd());
        QCOMPARE(watch.error(), httplib::Error::Success);
        QVERIFY(watch.raw().startsWith(R"({"type":"ADDED","object":{"kind": [)"));
        QCOMPARE(watch.raw().count('\n'), 1);
    }

    void everyNthRequest()
    {
        FaultRule flaky = rule(FaultRule::Kind::Status, "^/version$");
        flaky.status = 500;
        flaky.everyNth = 2;
        f->faults.add(flaky);
        auto client = f->client();
        QList<int> codes;
        for (int i = 0; i < 4; ++i)
            codes << client->Get("/version")->status;
        QCOMPARE(codes, (QList<int> {200, 500, 200, 500}));
    }
};

QTEST_GUILESS_MAIN(TestApiServerFaults)
#include "tst_apiserverfaults.moc"
