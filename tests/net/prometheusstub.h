// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A tiny Prometheus look-alike on loopback (cpp-httplib, plain HTTP) for what a real server
// cannot show: the exact request the client sent (method, headers, parameters), and the
// failures of the things in front of Prometheus (a proxy's HTML 502, 429 with Retry-After,
// a login page, a server that hangs).
//
// Routes, each under any one-word prefix P (so a test can pick the behaviour by pathPrefix):
//   /P/api/v1/query, /P/api/v1/query_range, /P/api/v1/series: a vector whose one series'
//     labels echo the request (method, authorization, orgid, user_agent, content_type, and
//     every parameter; match[] joined by '|'); its value is the request's number.
//   P = gateway: 502 HTML page; limited: 429 with Retry-After 7; flaky: 503 with Retry-After
//   0 on every other call; login: 200 HTML; slow: waits for release() (at most 5 s);
//   partial: the usual answer with a warning, as Thanos sends for a partial response.

#include <httplib.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

class PrometheusStub
{
public:
    PrometheusStub()
    {
        const auto handler = [this](const httplib::Request &request, httplib::Response &response) {
            handle(request, response);
        };
        const char *pattern = R"(/(\w+)/api/v1/(query|query_range|series|labels))";
        m_server.Get(pattern, handler);
        m_server.Post(pattern, handler);
    }
    ~PrometheusStub() { stop(); }

    bool start()
    {
        m_port = m_server.bind_to_any_port("127.0.0.1");
        if (m_port <= 0)
            return false;
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        while (!m_server.is_running())
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        return true;
    }
    void stop()
    {
        release();
        if (m_thread.joinable()) {
            m_server.stop();
            m_thread.join();
        }
    }

    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    int requests() const { return m_requests.load(); }
    // How many requests are waiting in the slow route.
    int waiting() const { return m_waiting.load(); }
    void release()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_released = true;
        m_condition.notify_all();
    }
    void hold()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_released = false;
    }

private:
    void handle(const httplib::Request &request, httplib::Response &response)
    {
        const int number = ++m_requests;
        const std::string prefix = request.matches[1];
        if (prefix == "gateway") {
            response.status = 502;
            response.set_content("<html><head><title>502 Bad Gateway</title></head><body><h1>502 "
                                 "Bad Gateway</h1></body></html>",
                                 "text/html");
            return;
        }
        if (prefix == "limited") {
            response.status = 429;
            response.set_header("Retry-After", "7");
            response.set_content("rate limited\n", "text/plain");
            return;
        }
        if (prefix == "flaky" && number % 2 == 1) {
            response.status = 503;
            response.set_header("Retry-After", "0");
            response.set_content("busy\n", "text/plain");
            return;
        }
        if (prefix == "login") {
            response.set_content("<html><head><title>Sign in</title></head></html>", "text/html");
            return;
        }
        if (prefix == "slow") {
            std::unique_lock<std::mutex> lock(m_mutex);
            ++m_waiting;
            m_condition.wait_for(lock, std::chrono::seconds(5), [this] { return m_released; });
            --m_waiting;
        }
        QJsonObject labels {
            {QStringLiteral("method"), QString::fromStdString(request.method)},
            {QStringLiteral("path"), QString::fromStdString(request.path)},
            {QStringLiteral("authorization"),
             QString::fromStdString(request.get_header_value("Authorization"))},
            {QStringLiteral("orgid"),
             QString::fromStdString(request.get_header_value("X-Scope-OrgID"))},
            {QStringLiteral("user_agent"),
             QString::fromStdString(request.get_header_value("User-Agent"))},
            {QStringLiteral("content_type"),
             QString::fromStdString(request.get_header_value("Content-Type"))},
        };
        for (const auto &[key, value] : request.params) {
            const QString name = QString::fromStdString(key);
            const QString existing = labels.value(name).toString();
            labels.insert(name,
                          existing.isEmpty()
                              ? QString::fromStdString(value)
                              : QString(existing + u'|' + QString::fromStdString(value)));
        }
        QJsonObject body {
            {QStringLiteral("status"), QStringLiteral("success")},
            {QStringLiteral("data"),
             QJsonObject {{QStringLiteral("resultType"), QStringLiteral("vector")},
                          {QStringLiteral("result"),
                           QJsonArray {QJsonObject {
                               {QStringLiteral("metric"), labels},
                               {QStringLiteral("value"),
                                QJsonArray {1700000000.5, QString::number(number)}}}}}}}};
        if (prefix == "partial")
            body.insert(QStringLiteral("warnings"),
                        QJsonArray {QStringLiteral("partial response: store eu-1 unavailable")});
        response.set_content(QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString(),
                             "application/json");
    }

    httplib::Server m_server;
    std::thread m_thread;
    int m_port = 0;
    std::atomic<int> m_requests {0};
    std::atomic<int> m_waiting {0};
    std::mutex m_mutex;
    std::condition_variable m_condition;
    bool m_released = false;
};
