// SPDX-License-Identifier: GPL-3.0-or-later
// Decoding watch events of every type and the API server's Status objects.
#include "jsondecoderfixture.h"

#include <QTest>

using namespace JsonDecoderTest;

class TestJsonDecoderWatch : public QObject
{
    Q_OBJECT

private slots:
    void statusObjects()
    {
        const Decoded<KubeStatus> invalid = decodeStatus(
            R"({"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",)"
            "\"message\":\"Rollout.argoproj.io \\\"checkout\\\" is invalid: spec.replicas: Invalid "
            "value: -1\","
            R"("reason":"Invalid","details":{"name":"checkout","group":"argoproj.io",)"
            R"("kind":"Rollout",)"
            R"("causes":[{"reason":"FieldValueInvalid","message":"Invalid value: -1",)"
            R"("field":"spec.replicas"}]},)"
            R"("code":422})");
        QVERIFY(invalid.isOk());
        QVERIFY(invalid.value.isFailure());
        QCOMPARE(invalid.value.code, 422);
        QCOMPARE(invalid.value.reason, QStringLiteral("Invalid"));
        QCOMPARE(invalid.value.detailsName, QStringLiteral("checkout"));
        QCOMPARE(invalid.value.detailsGroup, QStringLiteral("argoproj.io"));
        QCOMPARE(invalid.value.detailsKind, QStringLiteral("Rollout"));
        QCOMPARE(invalid.value.causes.size(), 1);
        QCOMPARE(invalid.value.causes.at(0).field, QStringLiteral("spec.replicas"));
        QCOMPARE(invalid.value.causes.at(0).reason, QStringLiteral("FieldValueInvalid"));
        QVERIFY(!invalid.value.isExpired());

        const Decoded<KubeStatus> busy = decodeStatus(
            R"({"kind":"Status","status":"Failure",)"
            R"("message":"the server is currently unable to handle the request",)"
            R"("reason":"ServiceUnavailable","details":{"retryAfterSeconds":7},"code":503})");
        QCOMPARE(busy.value.retryAfterSeconds, 7);
        QCOMPARE(busy.value.code, 503);
    }

    void watchEvents()
    {
        JsonDecoder decoder;
        const QByteArray rolloutJson = domainTestData(QStringLiteral("rollout-canary-paused.json"));
        const Decoded<WatchEvent<Rollout>> added = decoder.decodeWatchEvent<Rollout>(
            "{\"type\":\"ADDED\",\"object\":" + rolloutJson + '}');
        QVERIFY(added.isOk());
        QCOMPARE(int(added.value.type), int(WatchEventType::Added));
        QCOMPARE(added.value.object, rollout(QStringLiteral("rollout-canary-paused.json")));

        // "object" before "type" is valid JSON too.
        const Decoded<WatchEvent<Rollout>> modified = decoder.decodeWatchEvent<Rollout>(
            "{\"object\":" + rolloutJson + ",\"type\":\"MODIFIED\"}");
        QCOMPARE(int(modified.value.type), int(WatchEventType::Modified));
        QCOMPARE(modified.value.object.metadata.name, QStringLiteral("search"));

        const Decoded<WatchEvent<Pod>> deleted = decoder.decodeWatchEvent<Pod>(
            R"({"type":"DELETED","object":{"kind":"Pod",)"
            R"("metadata":{"name":"p","namespace":"n","resourceVersion":"9"}}})");
        QCOMPARE(int(deleted.value.type), int(WatchEventType::Deleted));
        QCOMPARE(deleted.value.object.metadata.resourceVersion, QStringLiteral("9"));

        const Decoded<WatchEvent<Pod>> bookmark = decoder.decodeWatchEvent<Pod>(
            R"({"type":"BOOKMARK","object":{"kind":"Pod","apiVersion":"v1",)"
            R"("metadata":{"resourceVersion":"12345",)"
            R"("annotations":{"k8s.io/initial-events-end":"true"}}}})");
        QVERIFY(bookmark.isOk());
        QCOMPARE(int(bookmark.value.type), int(WatchEventType::Bookmark));
        QCOMPARE(bookmark.value.object.metadata.resourceVersion, QStringLiteral("12345"));
        QCOMPARE(bookmark.value.object.metadata.annotations.value(u"k8s.io/initial-events-end"),
                 QStringLiteral("true"));

        const Decoded<WatchEvent<Pod>> error = decoder.decodeWatchEvent<Pod>(
            R"({"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","metadata":{},)"
            R"("status":"Failure",)"
            R"j("message":"too old resource version: 123 (456)","reason":"Expired","code":410}})j");
        QVERIFY(error.isOk());
        QCOMPARE(int(error.value.type), int(WatchEventType::Error));
        QCOMPARE(error.value.status.code, 410);
        QCOMPARE(error.value.status.message, QStringLiteral("too old resource version: 123 (456)"));
        QVERIFY(error.value.status.isExpired());
    }

    void wrongTypedWatchObjectNamesThePath()
    {
        const Decoded<WatchEvent<Rollout>> event
            = decodeWatchEvent<Rollout>(R"({"type":"MODIFIED","object":{"metadata":{"name":"r"},)"
                                        R"("spec":{"replicas":"three"}}})");
        QVERIFY(event.isOk());
        QCOMPARE(event.report.issues.size(), 1);
        QCOMPARE(event.report.issues.at(0).text(),
                 QStringLiteral("object.spec.replicas: expected an integer"));
        QCOMPARE(event.value.object.metadata.name, QStringLiteral("r"));
    }
};

QTEST_GUILESS_MAIN(TestJsonDecoderWatch)
#include "tst_jsondecoderwatch.moc"
