// SPDX-License-Identifier: GPL-3.0-or-later
#include "security/certificateauthority.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <QList>
#include <QPair>

#include <functional>
#include <mutex>
#include <utility>

namespace rdsim {

// Owners of OpenSSL handles. Not file-local: CertificateAuthority::Private holds two, and a
// member's type may not be file-local when CI compiles the layer as one unit (cmake/unity.cmake).
namespace openssl {

struct PkeyDeleter
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct X509Deleter
{
    void operator()(X509 *cert) const { X509_free(cert); }
};
struct BioDeleter
{
    void operator()(BIO *bio) const { BIO_free(bio); }
};
struct PkeyCtxDeleter
{
    void operator()(EVP_PKEY_CTX *ctx) const { EVP_PKEY_CTX_free(ctx); }
};
struct BnDeleter
{
    void operator()(BIGNUM *bn) const { BN_free(bn); }
};
struct ExtensionDeleter
{
    void operator()(X509_EXTENSION *ext) const { X509_EXTENSION_free(ext); }
};

using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;
using X509Ptr = std::unique_ptr<X509, X509Deleter>;
using BioPtr = std::unique_ptr<BIO, BioDeleter>;

} // namespace openssl

using openssl::BioPtr;
using openssl::BnDeleter;
using openssl::ExtensionDeleter;
using openssl::PkeyCtxDeleter;
using openssl::PkeyPtr;
using openssl::X509Ptr;

namespace {

// The OpenSSL error queue, drained, so the message names the failing step and its cause.
QString openSslError(const char *step)
{
    QString message = QString::fromLatin1(step);
    unsigned long code = 0;
    QStringList reasons;
    while ((code = ERR_get_error()) != 0) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        reasons.append(QString::fromLatin1(buffer));
    }
    if (!reasons.isEmpty())
        message += QStringLiteral(": ") + reasons.join(QStringLiteral("; "));
    return message;
}

PkeyPtr generateKey(QString *error)
{
    std::unique_ptr<EVP_PKEY_CTX, PkeyCtxDeleter> ctx(
        EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    EVP_PKEY *key = nullptr;
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) <= 0
        || EVP_PKEY_CTX_set_group_name(ctx.get(), "P-256") <= 0
        || EVP_PKEY_generate(ctx.get(), &key) <= 0) {
        *error = openSslError("generating an EC P-256 key failed");
        return nullptr;
    }
    return PkeyPtr(key);
}

// 159 random bits: positive, unique enough that a client never sees two certificates with
// the same issuer and serial across simulator runs (browsers and curl reject that).
bool setRandomSerial(X509 *cert)
{
    unsigned char bytes[20];
    if (RAND_bytes(bytes, sizeof bytes) != 1)
        return false;
    bytes[0] &= 0x7f;
    bytes[0] |= 0x01; // never a shorter, zero-led encoding
    std::unique_ptr<BIGNUM, BnDeleter> bn(BN_bin2bn(bytes, sizeof bytes, nullptr));
    if (!bn)
        return false;
    ASN1_INTEGER *serial = BN_to_ASN1_INTEGER(bn.get(), nullptr);
    if (!serial)
        return false;
    const int ok = X509_set_serialNumber(cert, serial);
    ASN1_INTEGER_free(serial);
    return ok == 1;
}

bool addName(X509_NAME *name, const char *field, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    return X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char *>(utf8.constData()),
                                      int(utf8.size()), -1, 0)
        == 1;
}

bool addExtension(X509 *cert, X509 *issuer, int nid, const QByteArray &value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    std::unique_ptr<X509_EXTENSION, ExtensionDeleter> ext(
        X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.constData()));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return size > 0 ? QByteArray(data, int(size)) : QByteArray();
}

QByteArray certificateToPem(X509 *cert)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), cert) != 1)
        return {};
    return bioContents(bio.get());
}

QByteArray keyToPem(EVP_PKEY *key)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    // PKCS#8 ("BEGIN PRIVATE KEY"): what kubectl (Go), curl and httplib all read.
    if (!bio
        || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return {};
    return bioContents(bio.get());
}

// A certificate with subject, key, serial and validity set; extensions are the caller's.
X509Ptr newCertificate(EVP_PKEY *publicKey, X509_NAME *issuerName,
                       const std::function<bool(X509_NAME *)> &fillSubject, int validDays)
{
    X509Ptr cert(X509_new());
    if (!cert || X509_set_version(cert.get(), 2) != 1 || !setRandomSerial(cert.get()))
        return nullptr;
    // A minute in the past tolerates small clock differences between processes.
    if (!X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60)
        || !X509_gmtime_adj(X509_getm_notAfter(cert.get()), long(validDays) * 24 * 3600))
        return nullptr;
    X509_NAME *subject = X509_get_subject_name(cert.get());
    if (!fillSubject(subject) || X509_set_pubkey(cert.get(), publicKey) != 1)
        return nullptr;
    if (X509_set_issuer_name(cert.get(), issuerName ? issuerName : subject) != 1)
        return nullptr;
    return cert;
}

} // namespace

struct CertificateAuthority::Private
{
    PkeyPtr key;
    X509Ptr certificate;
    QByteArray certificatePem;
    mutable std::mutex mutex; // guards error; issuing is const and may run on any thread
    mutable QString error;

    void setError(const QString &message) const
    {
        std::lock_guard<std::mutex> lock(mutex);
        error = message;
    }

    PemKeyPair issue(const std::function<bool(X509_NAME *)> &fillSubject,
                     const QList<QPair<int, QByteArray>> &extensions, int validDays) const;
};

CertificateAuthority::CertificateAuthority(const QString &commonName) :
    d(std::make_unique<Private>())
{
    QString error;
    d->key = generateKey(&error);
    if (!d->key) {
        d->error = error;
        return;
    }
    X509Ptr cert = newCertificate(
        d->key.get(), nullptr,
        [&commonName](X509_NAME *name) { return addName(name, "CN", commonName); }, 3650);
    if (!cert) {
        d->error = openSslError("creating the CA certificate failed");
        return;
    }
    X509 *c = cert.get();
    if (!addExtension(c, c, NID_basic_constraints, "critical,CA:TRUE")
        || !addExtension(c, c, NID_key_usage, "critical,keyCertSign,cRLSign,digitalSignature")
        || !addExtension(c, c, NID_subject_key_identifier, "hash")
        || !addExtension(c, c, NID_authority_key_identifier, "keyid:always")) {
        d->error = openSslError("adding the CA certificate extensions failed");
        return;
    }
    if (X509_sign(c, d->key.get(), EVP_sha256()) <= 0) {
        d->error = openSslError("signing the CA certificate failed");
        return;
    }
    d->certificatePem = certificateToPem(c);
    if (d->certificatePem.isEmpty()) {
        d->error = openSslError("writing the CA certificate as PEM failed");
        return;
    }
    d->certificate = std::move(cert);
}

CertificateAuthority::~CertificateAuthority() = default;

bool CertificateAuthority::isValid() const
{
    return d->certificate != nullptr;
}

QString CertificateAuthority::errorString() const
{
    std::lock_guard<std::mutex> lock(d->mutex);
    return d->error;
}

QByteArray CertificateAuthority::certificatePem() const
{
    return d->certificatePem;
}

PemKeyPair CertificateAuthority::Private::issue(const std::function<bool(X509_NAME *)> &fillSubject,
                                                const QList<QPair<int, QByteArray>> &extensions,
                                                int validDays) const
{
    if (!certificate) {
        setError(QStringLiteral("the certificate authority is not valid"));
        return {};
    }
    if (validDays <= 0) {
        setError(QStringLiteral("a certificate must be valid for at least one day"));
        return {};
    }
    QString keyError;
    PkeyPtr leafKey = generateKey(&keyError);
    if (!leafKey) {
        setError(keyError);
        return {};
    }
    X509Ptr cert = newCertificate(leafKey.get(), X509_get_subject_name(certificate.get()),
                                  fillSubject, validDays);
    if (!cert) {
        setError(openSslError("creating the certificate failed"));
        return {};
    }
    for (const auto &extension : extensions) {
        if (!addExtension(cert.get(), certificate.get(), extension.first, extension.second)) {
            setError(openSslError("adding a certificate extension failed") + QStringLiteral(" (")
                     + QString::fromLatin1(OBJ_nid2sn(extension.first)) + QStringLiteral(" = ")
                     + QString::fromUtf8(extension.second) + QStringLiteral(")"));
            return {};
        }
    }
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0) {
        setError(openSslError("signing the certificate failed"));
        return {};
    }
    PemKeyPair pair {certificateToPem(cert.get()), keyToPem(leafKey.get())};
    if (pair.certificatePem.isEmpty() || pair.privateKeyPem.isEmpty()) {
        setError(openSslError("writing the certificate as PEM failed"));
        return {};
    }
    return pair;
}

namespace {

QList<QPair<int, QByteArray>> leafExtensions(const QByteArray &extendedKeyUsage)
{
    return {
        {NID_basic_constraints, "critical,CA:FALSE"},
        {NID_key_usage, "critical,digitalSignature"}, // ECDSA keys only sign
        {NID_ext_key_usage, extendedKeyUsage},
        {NID_subject_key_identifier, "hash"},
        {NID_authority_key_identifier, "keyid:always"},
    };
}

} // namespace

PemKeyPair CertificateAuthority::issueServerCertificate(const QStringList &dnsNames,
                                                        const QStringList &ipAddresses,
                                                        int validDays) const
{
    QStringList altNames;
    for (const QString &dns : dnsNames)
        altNames.append(QStringLiteral("DNS:") + dns);
    for (const QString &ip : ipAddresses)
        altNames.append(QStringLiteral("IP:") + ip);
    if (altNames.isEmpty()) {
        d->setError(QStringLiteral("a server certificate needs at least one DNS name or IP"));
        return {};
    }
    // Names with a comma would split the extension's config string into bogus entries.
    for (const QString &name : std::as_const(altNames)) {
        if (name.contains(QLatin1Char(',')) || name.trimmed() != name) {
            d->setError(QStringLiteral("invalid subjectAltName entry '%1'").arg(name));
            return {};
        }
    }
    QList<QPair<int, QByteArray>> extensions = leafExtensions("serverAuth");
    extensions.append({NID_subject_alt_name, altNames.join(QLatin1Char(',')).toUtf8()});
    const QString commonName = dnsNames.isEmpty() ? ipAddresses.first() : dnsNames.first();
    return d->issue([&commonName](X509_NAME *name) { return addName(name, "CN", commonName); },
                    extensions, validDays);
}

PemKeyPair CertificateAuthority::issueClientCertificate(const QString &commonName,
                                                        const QStringList &organizations,
                                                        int validDays) const
{
    if (commonName.isEmpty()) {
        d->setError(QStringLiteral("a client certificate needs a common name (the user)"));
        return {};
    }
    // Kubernetes reads the user from CN and one group from each O entry.
    return d->issue(
        [&commonName, &organizations](X509_NAME *name) {
            for (const QString &organization : organizations) {
                if (!addName(name, "O", organization))
                    return false;
            }
            return addName(name, "CN", commonName);
        },
        leafExtensions("clientAuth"), validDays);
}

} // namespace rdsim
