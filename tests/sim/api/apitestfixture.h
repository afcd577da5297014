// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the API server tests: one simulated cluster served over real HTTPS, and clients
// that verify the server against the throw-away CA.

#include "api/apiserver.h"
#include "api/faultinjector.h"
#include "core/objectstore.h"
#include "core/resourcecatalog.h"
#include "core/virtualclock.h"
#include "metrics/syntheticmetrics.h"
#include "security/accesscontrol.h"
#include "security/certificateauthority.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <httplib.h>
#include <openssl/pem.h>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

using namespace rdsim;

// The exact Accept header kubectl >= 1.29 sends for `get`.
inline const char *kTableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,"
                                  "application/json;as=Table;v=v1beta1;g=meta.k8s.io,"
                                  "application/json";

inline const ResourceType &typeOf(const char *group, const char *plural)
{
    return *ResourceCatalog::find(QString::fromLatin1(group), QString::fromLatin1(plural));
}

inline QJsonObject parseObject(const std::string &body)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(body)).object();
}

inline QJsonObject rollout(const QString &ns, const QString &name, const QJsonObject &labels = {})
{
    return QJsonObject {
        {"apiVersion", "argoproj.io/v1alpha1"},
        {"kind", "Rollout"},
        {"metadata", QJsonObject {{"name", name}, {"namespace", ns}, {"labels", labels}}},
        {"spec", QJsonObject {{"replicas", 3}, {"paused", false}}},
        {"status", QJsonObject {{"phase", "Healthy"}, {"replicas", 3}}}};
}

// The body of a failed request's Status, as the server sends it.
inline QJsonObject status(int code, const char *reason, const QString &message)
{
    return QJsonObject {{"kind", "Status"},    {"apiVersion", "v1"}, {"metadata", QJsonObject()},
                        {"status", "Failure"}, {"message", message}, {"reason", reason},
                        {"code", code}};
}

// The names of a list's items, in the list's order.
inline QStringList names(const QJsonObject &list)
{
    QStringList result;
    for (const QJsonValue &item : list.value("items").toArray())
        result << item.toObject().value("metadata").toObject().value("name").toString();
    return result;
}

class ApiFixture
{
public:
    ApiFixture() : store(&clock), metrics(&clock)
    {
        clock.setFrozen(true);
        PolicyRule everything {{"*"}, {"*"}, {"*"}, {}, {}};
        PolicyRule readOnly {{"get", "list", "watch"}, {"*"}, {"*"}, {}, {}};
        PolicyRule rolloutsInShop {{"get", "list"}, {"argoproj.io"}, {"rollouts"}, {}, {"shop"}};
        access.addUser(UserSpec {"admin", "admin-token", false, {}, {}, {everything}});
        access.addUser(UserSpec {"viewer", "viewer-token", false, {}, {}, {readOnly}});
        access.addUser(UserSpec {"alice", {}, true, {}, {"devs"}, {rolloutsInShop}});
        access.addUser(UserSpec {"bob", {}, false, "secret", {}, {readOnly}});
        for (const char *ns : {"default", "shop", "pay"}) {
            store.create(typeOf("", "namespaces"),
                         QJsonObject {{"metadata", QJsonObject {{"name", QString::fromLatin1(ns)}}},
                                      {"status", QJsonObject {{"phase", "Active"}}}});
        }
        const ResourceType &rollouts = typeOf("argoproj.io", "rollouts");
        store.load(rollouts, rollout("shop", "web", {{"app", "web"}, {"tier", "front"}}));
        store.load(rollouts, rollout("shop", "api", {{"app", "api"}}));
        store.load(rollouts, rollout("pay", "cart", {{"app", "cart"}}));
    }

    ~ApiFixture() { stop(); }

    bool start(QString *error = nullptr)
    {
        const PemKeyPair certificate = ca.issueServerCertificate({"localhost"}, {"127.0.0.1"});
        ApiServer::Context context {"test", &store, &access, &faults, &metrics, &clock};
        server = std::make_unique<ApiServer>(context, certificate, ca.certificatePem());
        QString message;
        const bool ok = server->listen(QStringLiteral("127.0.0.1"), 0, &message);
        if (error)
            *error = message;
        return ok;
    }

    void stop()
    {
        if (server)
            server->stop();
    }

    // Trusts exactly the simulator's CA, as a kubeconfig's certificate-authority-data does.
    void trustCa(httplib::SSLClient &client) const
    {
        const QByteArray pem = ca.certificatePem();
        BIO *bio = BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size()));
        X509 *caCertificate = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
        BIO_free(bio);
        X509_STORE *caStore = X509_STORE_new();
        X509_STORE_add_cert(caStore, caCertificate);
        X509_free(caCertificate);
        client.set_ca_cert_store(caStore); // the client owns the store
        client.enable_server_certificate_verification(true);
    }

    std::unique_ptr<httplib::SSLClient> client(const char *token = "admin-token") const
    {
        auto client = std::make_unique<httplib::SSLClient>("127.0.0.1", server->port());
        trustCa(*client);
        if (token)
            client->set_bearer_token_auth(token);
        client->set_read_timeout(10, 0);
        return client;
    }

    std::unique_ptr<httplib::SSLClient> certificateClient(const QString &user,
                                                          const QStringList &groups) const
    {
        const PemKeyPair pair = ca.issueClientCertificate(user, groups);
        BIO *certificateBio = BIO_new_mem_buf(pair.certificatePem.constData(),
                                              static_cast<int>(pair.certificatePem.size()));
        BIO *keyBio = BIO_new_mem_buf(pair.privateKeyPem.constData(),
                                      static_cast<int>(pair.privateKeyPem.size()));
        X509 *certificate = PEM_read_bio_X509(certificateBio, nullptr, nullptr, nullptr);
        EVP_PKEY *key = PEM_read_bio_PrivateKey(keyBio, nullptr, nullptr, nullptr);
        BIO_free(certificateBio);
        BIO_free(keyBio);
        auto client
            = std::make_unique<httplib::SSLClient>("127.0.0.1", server->port(), certificate, key);
        X509_free(certificate);
        EVP_PKEY_free(key);
        trustCa(*client);
        return client;
    }

    VirtualClock clock;
    ObjectStore store;
    AccessControl access;
    FaultInjector faults;
    SyntheticMetrics metrics;
    CertificateAuthority ca;
    std::unique_ptr<ApiServer> server;
};

// A test class that serves a fresh ApiFixture to each test function derives from this
// privately; its init() calls startFixture() and its cleanup() stopFixture().
class ApiFixtureTest
{
protected:
    ApiFixture *f = nullptr;

    void startFixture()
    {
        f = new ApiFixture;
        QString error;
        QVERIFY2(f->start(&error), qPrintable(error));
    }

    void stopFixture()
    {
        delete f;
        f = nullptr;
    }
};

// Reads a watch stream on its own thread so the test can write to the store meanwhile.
class WatchReader
{
public:
    WatchReader(std::unique_ptr<httplib::SSLClient> client, std::string path,
                httplib::Headers headers = {}) :
        m_client(std::move(client))
    {
        m_thread = std::thread([this, path, headers] {
            auto result = m_client->Get(
                path, headers,
                [this](const httplib::Response &response) {
                    std::lock_guard lock(m_mutex);
                    m_status = response.status;
                    m_contentType = response.get_header_value("Content-Type");
                    m_contentEncoding = response.get_header_value("Content-Encoding");
                    return true;
                },
                [this](const char *data, size_t length) {
                    std::lock_guard lock(m_mutex);
                    m_raw.append(data, static_cast<qsizetype>(length));
                    qsizetype newline;
                    while ((newline = m_raw.indexOf('\n', m_consumed)) >= 0) {
                        m_lines.append(m_raw.mid(m_consumed, newline - m_consumed));
                        m_consumed = newline + 1;
                    }
                    m_changed.notify_all();
                    return !m_cancel;
                });
            std::lock_guard lock(m_mutex);
            m_error = result.error();
            m_finished = true;
            m_changed.notify_all();
        });
    }

    ~WatchReader()
    {
        {
            std::lock_guard lock(m_mutex);
            m_cancel = true;
        }
        m_client->stop();
        if (m_thread.joinable())
            m_thread.join();
    }

    // Waits up to timeoutMs of real time for `count` complete lines.
    QList<QJsonObject> waitForEvents(int count, int timeoutMs = 5000)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                           [&] { return m_lines.size() >= count || m_finished; });
        QList<QJsonObject> events;
        for (const QByteArray &line : std::as_const(m_lines))
            events << QJsonDocument::fromJson(line).object();
        return events;
    }

    bool waitForEnd(int timeoutMs = 5000)
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
    httplib::Error error() const
    {
        std::lock_guard lock(m_mutex);
        return m_error;
    }
    int status() const
    {
        std::lock_guard lock(m_mutex);
        return m_status;
    }
    std::string contentType() const
    {
        std::lock_guard lock(m_mutex);
        return m_contentType;
    }
    std::string contentEncoding() const
    {
        std::lock_guard lock(m_mutex);
        return m_contentEncoding;
    }

private:
    std::unique_ptr<httplib::SSLClient> m_client;
    std::thread m_thread;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    QByteArray m_raw;
    qsizetype m_consumed = 0;
    QList<QByteArray> m_lines;
    bool m_finished = false;
    bool m_cancel = false;
    int m_status = 0;
    std::string m_contentType;
    std::string m_contentEncoding;
    httplib::Error m_error = httplib::Error::Success;
};
