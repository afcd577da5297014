// SPDX-License-Identifier: GPL-3.0-or-later
// A cluster recreated at the same address (kind, k3d, an etcd restore) starts its
// resourceVersions again and may reuse names: after a relist, an object with the same key and
// resourceVersion but a new uid is a new object and must reach the model (found by the soak).
#include "informer.h"
#include "recordingsink.h"

#include "../loopbackserver.h"

#include <QTest>

#include <atomic>
#include <mutex>
#include <thread>

class TestInformerRecreated : public QObject
{
    Q_OBJECT

private slots:
    void sameKeyAndVersionWithANewUidIsDelivered()
    {
        std::atomic<int> generation = 1;
        LoopbackServer server;
        server.routes.Get(
            "/apis/argoproj.io/v1alpha1/rollouts",
            [&](const httplib::Request &request, httplib::Response &response) {
                if (request.has_param("watch")) {
                    // The watch of a recreated cluster: too old, relist.
                    response.status = 410;
                    response.set_content(
                        R"({"kind":"Status","status":"Failure","reason":"Expired","code":410})",
                        "application/json");
                    return;
                }
                response.set_content(
                    R"({"kind":"RolloutList","metadata":{"resourceVersion":"5"},"items":[)"
                    R"({"metadata":{"name":"checkout","namespace":"shop","resourceVersion":"5","uid":"uid-)"
                        + std::to_string(generation.load()) + R"("}}]})",
                    "application/json");
            });
        QVERIFY(server.start());
        ClusterConnection connection;
        connection.server = server.url();
        RecordingSink sink;
        CancelToken cancel;
        InformerOptions options;
        options.backoff.initialMs = 50;
        options.backoff.maxMs = 200;
        Informer informer(0, InformerSpec(), connection, options, &sink, cancel);
        std::thread thread([&] { informer.run(); });
        QTRY_COMPARE(sink.uids(), QStringList {QStringLiteral("uid-1")});
        generation = 2; // the cluster is recreated
        QTRY_COMPARE_WITH_TIMEOUT(
            sink.uids(), QStringList({QStringLiteral("uid-1"), QStringLiteral("uid-2")}), 10000);
        cancel.cancel();
        thread.join();
    }
};

QTEST_GUILESS_MAIN(TestInformerRecreated)
#include "tst_informerrecreated.moc"
