// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the Argo CD tests: HTTPS requests to a simulated cluster's Argo CD (its own
// port or the Kubernetes service proxy), verifying the server against the simulator's CA.

#include "fleet/simulator.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <httplib.h>
#include <openssl/pem.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

using namespace rdsim;

inline const char *kArgoProxy = "/api/v1/namespaces/argocd/services/https:argocd-server:443/proxy";

struct Reply
{
    int status = 0;
    QByteArray body;
    const QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

inline std::unique_ptr<httplib::SSLClient> argoClient(const QString &url, const QByteArray &caPem)
{
    const QUrl parsed(url);
    auto client = std::make_unique<httplib::SSLClient>(parsed.host().toStdString(), parsed.port());
    BIO *bio = BIO_new_mem_buf(caPem.constData(), static_cast<int>(caPem.size()));
    X509 *ca = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    X509_STORE *store = X509_STORE_new();
    X509_STORE_add_cert(store, ca);
    X509_free(ca);
    client->set_ca_cert_store(store);
    client->enable_server_certificate_verification(true);
    client->set_read_timeout(10, 0);
    return client;
}

// headers: e.g. {{"Authorization", "Bearer x"}, {"Cookie", "argocd.token=y"}}
inline Reply argoRequest(const QString &url, const QByteArray &caPem, const char *method,
                         const std::string &path, const httplib::Headers &headers = {},
                         const std::string &body = {})
{
    auto client = argoClient(url, caPem);
    const std::string m(method);
    const httplib::Result result = m == "POST"
        ? client->Post(path, headers, body, "application/json")
        : m == "DELETE" ? client->Delete(path, headers)
                        : client->Get(path, headers);
    Reply reply;
    if (result) {
        reply.status = result->status;
        reply.body = QByteArray::fromStdString(result->body);
    }
    return reply;
}

// Reads a stream on its own thread; raw() is everything received so far.
class StreamReader
{
public:
    StreamReader(std::unique_ptr<httplib::SSLClient> client, std::string path,
                 httplib::Headers headers) :
        m_client(std::move(client))
    {
        m_thread = std::thread([this, path, headers] {
            m_client->Get(path, headers, [this](const char *data, size_t length) {
                std::lock_guard lock(m_mutex);
                m_raw.append(data, qsizetype(length));
                m_changed.notify_all();
                return !m_cancel;
            });
            std::lock_guard lock(m_mutex);
            m_finished = true;
            m_changed.notify_all();
        });
    }
    ~StreamReader()
    {
        {
            std::lock_guard lock(m_mutex);
            m_cancel = true;
        }
        m_client->stop();
        m_thread.join();
    }
    // Waits until the received bytes contain `needle` `count` times (or the stream ends).
    bool waitFor(const QByteArray &needle, int count = 1, int timeoutMs = 8000)
    {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, std::chrono::milliseconds(timeoutMs), [&] {
            return m_raw.count(needle) >= count || m_finished;
        }) && m_raw.count(needle) >= count;
    }
    bool waitForEnd(int timeoutMs = 8000)
    {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                                  [&] { return m_finished; });
    }
    QByteArray raw() const
    {
        std::lock_guard lock(m_mutex);
        return m_raw;
    }

private:
    std::unique_ptr<httplib::SSLClient> m_client;
    std::thread m_thread;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    QByteArray m_raw;
    bool m_finished = false;
    bool m_cancel = false;
};
