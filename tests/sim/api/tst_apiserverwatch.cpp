// SPDX-License-Identifier: GPL-3.0-or-later
// Watches over HTTPS: initial events, live events from store writes, resourceVersion
// semantics, selectors, bookmarks, timeouts, 410 ERROR events, Table events and stop().
#include "apitestfixture.h"

#include <QElapsedTimer>
#include <QTest>

using namespace rdsim;

class TestApiServerWatch : public QObject
{
    Q_OBJECT

private:
    ApiFixture *f = nullptr;
    const std::string shopRollouts = "/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts";

    const ResourceType &rollouts() const { return typeOf("argoproj.io", "rollouts"); }

    static QString nameOf(const QJsonObject &event)
    {
        return event.value("object")
            .toObject()
            .value("metadata")
            .toObject()
            .value("name")
            .toString();
    }

    static QStringList summary(const QList<QJsonObject> &events)
    {
        QStringList result;
        for (const QJsonObject &event : events)
            result << event.value("type").toString() + u' ' + nameOf(event);
        return result;
    }

    void pause(const QString &ns, const QString &name)
    {
        QJsonObject object = *f->store.get(rollouts(), ns, name);
        QJsonObject spec = object.value("spec").toObject();
        spec.insert("paused", true);
        object.insert("spec", spec);
        QVERIFY(f->store.update(rollouts(), object, WriteScope::Spec).ok());
    }

private slots:
    void init()
    {
        f = new ApiFixture;
        QString error;
        QVERIFY2(f->start(&error), qPrintable(error));
        f->server->setBookmarkIntervalMs(150);
    }

    void cleanup()
    {
        delete f;
        f = nullptr;
    }

    void initialEventsThenLiveChanges()
    {
        WatchReader watch(f->client(),
                          shopRollouts + "?watch=1&resourceVersion=0&timeoutSeconds=10");
        QCOMPARE(summary(watch.waitForEvents(2)), (QStringList {"ADDED api", "ADDED web"}));
        QCOMPARE(watch.status(), 200);
        QCOMPARE(watch.contentType(), std::string("application/json"));
        pause("shop", "web");
        pause("pay", "cart"); // another namespace: not seen
        f->store.remove(rollouts(), "shop", "api");
        const QList<QJsonObject> events = watch.waitForEvents(4);
        QCOMPARE(summary(events),
                 (QStringList {"ADDED api", "ADDED web", "MODIFIED web", "DELETED api"}));
        QCOMPARE(events.at(2)
                     .value("object")
                     .toObject()
                     .value("spec")
                     .toObject()
                     .value("paused")
                     .toBool(),
                 true);
        QCOMPARE(events.at(2)
                     .value("object")
                     .toObject()
                     .value("metadata")
                     .toObject()
                     .value("resourceVersion")
                     .toString()
                     .toLongLong(),
                 f->store.resourceVersion() - 2);
    }

    void fromResourceVersion()
    {
        const qint64 rv = f->store.resourceVersion();
        pause("shop", "api");
        WatchReader watch(f->client(),
                          shopRollouts + "?watch=true&resourceVersion=" + std::to_string(rv)
                              + "&timeoutSeconds=10");
        QCOMPARE(summary(watch.waitForEvents(1)), QStringList {"MODIFIED api"});
        pause("shop", "web");
        QCOMPARE(summary(watch.waitForEvents(2)), (QStringList {"MODIFIED api", "MODIFIED web"}));
    }

    void allNamespacesAndSelectors()
    {
        WatchReader all(f->client(),
                        "/apis/argoproj.io/v1alpha1/rollouts?watch=1&timeoutSeconds=10");
        QCOMPARE(summary(all.waitForEvents(3)),
                 (QStringList {"ADDED cart", "ADDED api", "ADDED web"}));

        WatchReader front(f->client(),
                          "/apis/argoproj.io/v1alpha1/rollouts?watch=1&timeoutSeconds=10"
                          "&labelSelector=tier%3Dfront");
        QCOMPARE(summary(front.waitForEvents(1)), QStringList {"ADDED web"});
        // web leaves the selector, api enters it: the watcher sees DELETED and ADDED.
        QJsonObject web = *f->store.get(rollouts(), "shop", "web");
        QJsonObject metadata = web.value("metadata").toObject();
        metadata.insert("labels", QJsonObject {{"app", "web"}});
        web.insert("metadata", metadata);
        QVERIFY(f->store.update(rollouts(), web, WriteScope::Spec).ok());
        QJsonObject api = *f->store.get(rollouts(), "shop", "api");
        metadata = api.value("metadata").toObject();
        metadata.insert("labels", QJsonObject {{"app", "api"}, {"tier", "front"}});
        api.insert("metadata", metadata);
        QVERIFY(f->store.update(rollouts(), api, WriteScope::Spec).ok());
        QCOMPARE(summary(front.waitForEvents(3)),
                 (QStringList {"ADDED web", "DELETED web", "ADDED api"}));

        WatchReader byName(f->client(),
                           shopRollouts
                               + "?watch=1&timeoutSeconds=10"
                                 "&fieldSelector=metadata.name%3Dapi");
        QCOMPARE(summary(byName.waitForEvents(1)), QStringList {"ADDED api"});

        auto bad = f->client()->Get(shopRollouts + "?watch=1&labelSelector=a%20in%20b");
        QCOMPARE(bad->status, 400);
    }

    void bookmarksAndTimeout()
    {
        QElapsedTimer timer;
        timer.start();
        WatchReader watch(f->client(),
                          shopRollouts
                              + "?watch=1&allowWatchBookmarks=true"
                                "&timeoutSeconds=1&resourceVersion="
                              + std::to_string(f->store.resourceVersion()));
        QVERIFY(watch.waitForEnd(5000));
        QVERIFY(timer.elapsed() >= 1000);
        QCOMPARE(watch.error(), httplib::Error::Success); // ended normally
        const QList<QJsonObject> events = watch.waitForEvents(0);
        QVERIFY2(events.size() >= 3, qPrintable(QString::fromUtf8(watch.raw())));
        for (const QJsonObject &event : events) {
            QCOMPARE(event.value("type").toString(), QStringLiteral("BOOKMARK"));
            QCOMPARE(event.value("object").toObject(),
                     (QJsonObject {{"kind", "Rollout"},
                                   {"apiVersion", "argoproj.io/v1alpha1"},
                                   {"metadata",
                                    QJsonObject {{"resourceVersion",
                                                  QString::number(f->store.resourceVersion())}}}}));
        }
    }

    void bookmarkCarriesLatestResourceVersion()
    {
        WatchReader watch(f->client(),
                          shopRollouts + "?watch=1&allowWatchBookmarks=1&timeoutSeconds=10");
        QCOMPARE(watch.waitForEvents(2).size(), 2);
        // Writes of other kinds advance the store; the bookmark follows so a re-watch is cheap.
        f->store.create(typeOf("", "namespaces"),
                        QJsonObject {{"metadata", QJsonObject {{"name", "new"}}}});
        const QString expected = QString::number(f->store.resourceVersion());
        QString seen;
        for (int i = 3; i < 20 && seen != expected; ++i) {
            const QList<QJsonObject> events = watch.waitForEvents(i);
            seen = events.last()
                       .value("object")
                       .toObject()
                       .value("metadata")
                       .toObject()
                       .value("resourceVersion")
                       .toString();
        }
        QCOMPARE(seen, expected);
    }

    void tooOldResourceVersion()
    {
        const qint64 old = f->store.resourceVersion();
        pause("shop", "web");
        f->store.compact();
        WatchReader watch(
            f->client(),
            shopRollouts + "?watch=1&timeoutSeconds=10&resourceVersion=" + std::to_string(old));
        QVERIFY(watch.waitForEnd());
        QCOMPARE(watch.status(), 200);
        const QList<QJsonObject> events = watch.waitForEvents(1);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.at(0),
                 (QJsonObject {{"type", "ERROR"},
                               {"object",
                                QJsonObject {{"kind", "Status"},
                                             {"apiVersion", "v1"},
                                             {"metadata", QJsonObject()},
                                             {"status", "Failure"},
                                             {"message",
                                              QStringLiteral("too old resource version: %1 (%2)")
                                                  .arg(old)
                                                  .arg(f->store.compactedRv())},
                                             {"reason", "Expired"},
                                             {"code", 410}}}}));
        QCOMPARE(watch.error(), httplib::Error::Success);
    }

    void tableEvents()
    {
        httplib::Headers table {{"Accept", kTableAccept}};
        WatchReader watch(f->client(),
                          shopRollouts + "?watch=1&timeoutSeconds=10&resourceVersion="
                              + std::to_string(f->store.resourceVersion()),
                          table);
        pause("shop", "web");
        pause("shop", "api");
        const QList<QJsonObject> events = watch.waitForEvents(2);
        QCOMPARE(events.size(), 2);
        const QJsonObject first = events.at(0).value("object").toObject();
        const QJsonObject second = events.at(1).value("object").toObject();
        QCOMPARE(first.value("kind").toString(), QStringLiteral("Table"));
        QCOMPARE(first.value("columnDefinitions").toArray().size(), 6);
        QCOMPARE(first.value("rows").toArray().size(), 1);
        QCOMPARE(first.value("rows")
                     .toArray()
                     .at(0)
                     .toObject()
                     .value("cells")
                     .toArray()
                     .at(0)
                     .toString(),
                 QStringLiteral("web"));
        QCOMPARE(second.value("columnDefinitions").toArray().size(), 0);
        QCOMPARE(second.value("rows")
                     .toArray()
                     .at(0)
                     .toObject()
                     .value("cells")
                     .toArray()
                     .at(0)
                     .toString(),
                 QStringLiteral("api"));
    }

    void gzipClientStillGetsPromptEvents()
    {
        httplib::Headers gzip {{"Accept-Encoding", "gzip, deflate"}};
        WatchReader watch(f->client(), shopRollouts + "?watch=1&timeoutSeconds=10", gzip);
        QCOMPARE(watch.waitForEvents(2, 2000).size(), 2);
        QCOMPARE(watch.contentEncoding(), std::string());
        pause("shop", "web");
        QCOMPARE(watch.waitForEvents(3, 2000).size(), 3);
    }

    void stopEndsWatches()
    {
        WatchReader watch(f->client(), shopRollouts + "?watch=1&timeoutSeconds=60");
        QCOMPARE(watch.waitForEvents(2).size(), 2);
        QElapsedTimer timer;
        timer.start();
        f->server->stop();
        QVERIFY2(timer.elapsed() < 1500, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(watch.waitForEnd(2000));
    }

    void stopWithIdleKeepAliveConnection()
    {
        auto client = f->client();
        client->set_keep_alive(true);
        QCOMPARE(client->Get("/version")->status, 200);
        QElapsedTimer timer;
        timer.start();
        f->server->stop();
        QVERIFY2(timer.elapsed() < 1500, qPrintable(QString::number(timer.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestApiServerWatch)
#include "tst_apiserverwatch.moc"
