// SPDX-License-Identifier: GPL-3.0-or-later
// A server that never stops: endless continue tokens, pages that add up, one huge body,
// a flood of headers. Each ends in a clear error within its bound.
#include "kubeclient.h"

#include "../loopbackserver.h"

#include <QTest>

#include <atomic>
#include <chrono>
#include <thread>

namespace {

class EndlessServer
{
public:
    EndlessServer()
    {
        // Every page names a new continue token, so the list never ends by itself.
        m_server.routes.Get(
            "/api/v1/pods", [this](const httplib::Request &, httplib::Response &res) {
                const int page = ++m_pages;
                res.set_content(
                    R"({"kind":"PodList","metadata":{"resourceVersion":"7","continue":"t)"
                        + std::to_string(page) + R"("},"items":[)" + std::string(m_padding, ' ')
                        + "]}",
                    "application/json");
            });
        m_server.routes.Get("/api/v1/huge", [](const httplib::Request &, httplib::Response &res) {
            res.set_content(std::string(3 * 1024 * 1024, 'x'), "application/json");
        });
        m_server.routes.Get("/api/v1/headers",
                            [](const httplib::Request &, httplib::Response &res) {
                                for (int i = 0; i < 400; ++i)
                                    res.set_header("X-Flood-" + std::to_string(i), "1");
                                res.set_content("{}", "application/json");
                            });
        m_server.start();
    }
    ClusterConnection connection() const
    {
        ClusterConnection c;
        c.server = m_server.url();
        c.contextName = QStringLiteral("endless");
        return c;
    }
    int pages() const { return m_pages; }
    void setPadding(int bytes) { m_padding = bytes; }

private:
    std::atomic<int> m_pages = 0;
    std::atomic<int> m_padding = 0;
    LoopbackServer m_server; // last: stopped first, while the members its routes use live
};

} // namespace

class TestHostileServer : public QObject
{
    Q_OBJECT

    EndlessServer m_server;

private slots:
    void endlessContinueTokensStop()
    {
        KubeClient client(m_server.connection());
        KubeListOptions options;
        options.maxPages = 25;
        const int before = m_server.pages();
        const KubeListResult result = client.list(QStringLiteral("/api/v1/pods"), options);
        QCOMPARE(result.error.kind, NetError::Kind::TooLarge);
        QCOMPARE(result.error.message,
                 QStringLiteral("The list of /api/v1/pods did not end after 25 pages: the server "
                                "keeps sending continue tokens"));
        QCOMPARE(m_server.pages() - before, 25);
        QVERIFY(result.pages.isEmpty());
    }

    void endlessContinueTokensStopWithAPageSink()
    {
        // The caller consumes the pages, so none are kept: the count still stops the list.
        KubeClient client(m_server.connection());
        KubeListOptions options;
        options.maxPages = 25;
        const int before = m_server.pages();
        int consumed = 0;
        const KubeListResult result = client.list(QStringLiteral("/api/v1/pods"), options,
                                                  CancelToken(), [&](QByteArray &page, bool) {
                                                      page = QByteArray();
                                                      ++consumed;
                                                      return true;
                                                  });
        QCOMPARE(result.error.kind, NetError::Kind::TooLarge);
        QCOMPARE(m_server.pages() - before, 25);
        QCOMPARE(consumed, 25);
    }

    void listBytesAddUp()
    {
        m_server.setPadding(400 * 1024);
        KubeClient client(m_server.connection());
        KubeListOptions options;
        options.maxBytes = 2 * 1024 * 1024;
        const int before = m_server.pages();
        const KubeListResult result = client.list(QStringLiteral("/api/v1/pods"), options);
        m_server.setPadding(0);
        QCOMPARE(result.error.kind, NetError::Kind::TooLarge);
        QCOMPARE(result.error.message,
                 QStringLiteral("The list of /api/v1/pods is larger than the limit of 2 MiB"));
        QCOMPARE(m_server.pages() - before, 6); // 6 × 400 KiB is the first over 2 MiB
    }

    void defaultsAreBounded()
    {
        // What an informer gets when it sets nothing: bounded, and enough for 500 objects.
        const KubeListOptions options;
        QCOMPARE(options.maxPages, 1000);
        QCOMPARE(options.maxBytes, qint64(256) * 1024 * 1024);
        QCOMPARE(HttpLimits().maxResponseBytes, qint64(64) * 1024 * 1024);
    }

    void oneResponseTooLarge()
    {
        KubeClient client(m_server.connection());
        HttpLimits limits;
        limits.maxResponseBytes = 2 * 1024 * 1024;
        client.setLimits(limits);
        const KubeResponse response = client.get(QStringLiteral("/api/v1/huge"));
        QCOMPARE(response.error.kind, NetError::Kind::TooLarge);
        QCOMPARE(response.error.message,
                 QStringLiteral("The response is larger than the limit of 2 MiB"));
        QVERIFY(response.body.size() <= limits.maxResponseBytes);
    }

    void headerFlood()
    {
        KubeClient client(m_server.connection());
        const KubeResponse response = client.get(QStringLiteral("/api/v1/headers"));
        QCOMPARE(response.error.kind, NetError::Kind::Decode);
        QCOMPARE(response.error.message,
                 QStringLiteral("The server sent more than 256 header lines: stopped"));
    }
};

QTEST_GUILESS_MAIN(TestHostileServer)
#include "tst_hostileserver.moc"
