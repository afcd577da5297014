// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// An API server on loopback whose one rollout (shop/checkout) has spec.replicas of 2^64−1:
// valid JSON, but no int32 can hold it. Its watch sends the rollout repaired (replicas 3)
// once repair() was called (and lists it so from then on). ReplicaSet lists are empty.
#include "clusterconnection.h"

#include "../loopbackserver.h"

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

class UnreadableServer
{
public:
    UnreadableServer()
    {
        m_server.routes.Get(
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
        m_server.routes.Get(
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
        m_server.start();
    }

    QString url() const { return m_server.url(); }
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

    std::atomic<bool> m_repaired = false;
    LoopbackServer m_server; // last: stopped first, while the members its routes use live
};
