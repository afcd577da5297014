// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// An API server on loopback whose one rollout (shop/checkout) has spec.replicas of 2^64−1:
// valid JSON, but no int32 can hold it. Its watch sends the rollout repaired (replicas 3)
// once repair() was called (and lists it so from then on). ReplicaSet lists are empty.
#include "clusterconnection.h"

#include <httplib.h>

#include <QString>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

class UnreadableServer
{
public:
    UnreadableServer()
    {
        m_server.Get(
            R"(/apis/argoproj.io/v1alpha1/(namespaces/shop/)?rollouts)",
            [this](const httplib::Request &request, httplib::Response &response) {
                if (request.has_param("watch")) {
                    watch(response);
                    return;
                }
                response.set_content(
                    R"({"kind":"RolloutList","metadata":{"resourceVersion":"5"},"items":[)"
                        + (m_repaired ? rollout("3", "6") : rollout("18446744073709551615", "5"))
                        + "]}",
                    "application/json");
            });
        m_server.Get(
            R"(/apis/apps/v1/(namespaces/shop/)?replicasets)",
            [](const httplib::Request &request, httplib::Response &response) {
                if (request.has_param("watch")) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(1200));
                    return;
                }
                response.set_content(
                    R"({"kind":"ReplicaSetList","metadata":{"resourceVersion":"5"},"items":[]})",
                    "application/json");
            });
        m_port = m_server.bind_to_any_port("127.0.0.1");
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        while (!m_server.is_running())
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~UnreadableServer()
    {
        m_server.stop();
        m_thread.join();
    }

    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    ClusterConnection connection() const
    {
        ClusterConnection c;
        c.server = url();
        c.contextName = QStringLiteral("unreadable");
        return c;
    }
    void repair() { m_repaired = true; }

private:
    static std::string rollout(const char *replicas, const char *resourceVersion)
    {
        return std::string(
                   R"({"apiVersion":"argoproj.io/v1alpha1","kind":"Rollout","metadata":)"
                   R"({"name":"checkout","namespace":"shop","uid":"u1","resourceVersion":")")
            + resourceVersion + R"("},"spec":{"replicas":)" + replicas
            + R"(,"strategy":{"canary":{"steps":[{"setWeight":20}]}}}})";
    }

    void watch(httplib::Response &response)
    {
        // A short watch (but long enough to count as healthy): the informer watches again,
        // and sees the repair once it is made.
        std::this_thread::sleep_for(std::chrono::milliseconds(1200));
        if (m_repaired) {
            response.set_content(R"({"type":"MODIFIED","object":)" + rollout("3", "6") + "}\n",
                                 "application/json");
        }
    }

    httplib::Server m_server;
    std::atomic<bool> m_repaired = false;
    int m_port = 0;
    std::thread m_thread;
};
