// SPDX-License-Identifier: GPL-3.0-or-later
#include "tlssetup.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

namespace rdsim {

namespace {

struct BioDeleter
{
    void operator()(BIO *bio) const { BIO_free(bio); }
};
using BioPtr = std::unique_ptr<BIO, BioDeleter>;

BioPtr memoryBio(const QByteArray &pem)
{
    return BioPtr(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
}

bool fail(QString *error, const char *what)
{
    *error = QString::fromLatin1(what) + QStringLiteral(": ") + TlsSetup::lastOpenSslError();
    return false;
}

} // namespace

QString TlsSetup::lastOpenSslError()
{
    char buffer[256] = {};
    const unsigned long code = ERR_get_error();
    if (code == 0)
        return QStringLiteral("unknown error");
    ERR_error_string_n(code, buffer, sizeof(buffer));
    ERR_clear_error();
    return QString::fromLatin1(buffer);
}

bool TlsSetup::configure(SSL_CTX &context, const PemKeyPair &serverCertificate,
                         const QByteArray &clientCaPem, QString *error)
{
    SSL_CTX_set_min_proto_version(&context, TLS1_2_VERSION);
    SSL_CTX_set_options(&context, SSL_OP_NO_COMPRESSION);

    BioPtr certificateBio = memoryBio(serverCertificate.certificatePem);
    X509 *certificate = PEM_read_bio_X509(certificateBio.get(), nullptr, nullptr, nullptr);
    if (!certificate)
        return fail(error, "cannot read the server certificate");
    const int used = SSL_CTX_use_certificate(&context, certificate);
    X509_free(certificate);
    if (used != 1)
        return fail(error, "cannot use the server certificate");

    BioPtr keyBio = memoryBio(serverCertificate.privateKeyPem);
    EVP_PKEY *key = PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr);
    if (!key)
        return fail(error, "cannot read the server key");
    const int keyUsed = SSL_CTX_use_PrivateKey(&context, key);
    EVP_PKEY_free(key);
    if (keyUsed != 1 || SSL_CTX_check_private_key(&context) != 1)
        return fail(error, "the server key does not match its certificate");

    if (!clientCaPem.isEmpty()) {
        X509_STORE *store = X509_STORE_new();
        STACK_OF(X509_NAME) *names = sk_X509_NAME_new_null();
        BioPtr caBio = memoryBio(clientCaPem);
        int count = 0;
        while (X509 *ca = PEM_read_bio_X509(caBio.get(), nullptr, nullptr, nullptr)) {
            X509_STORE_add_cert(store, ca);
            sk_X509_NAME_push(names, X509_NAME_dup(X509_get_subject_name(ca)));
            X509_free(ca);
            ++count;
        }
        ERR_clear_error(); // the loop ends on "no start line", which is not an error
        if (count == 0) {
            X509_STORE_free(store);
            sk_X509_NAME_pop_free(names, X509_NAME_free);
            *error = QStringLiteral("the client CA PEM holds no certificate");
            return false;
        }
        SSL_CTX_set_cert_store(&context, store); // the context owns the store from here
        SSL_CTX_set_client_CA_list(&context, names);
        // Ask for a certificate but accept connections without one: bearer-token users send
        // none. A certificate that is sent must verify, or the handshake fails.
        SSL_CTX_set_verify(&context, SSL_VERIFY_PEER, nullptr);
    }
    // Needed for session resumption when peers are verified.
    static const unsigned char sessionContext[] = "rd-sim";
    SSL_CTX_set_session_id_context(&context, sessionContext, sizeof(sessionContext) - 1);
    return true;
}

} // namespace rdsim
