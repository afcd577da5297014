// SPDX-License-Identifier: GPL-3.0-or-later
#include "security/certificateauthority.h"

#include <QTest>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <ctime>
#include <memory>

using namespace rdsim;

namespace {

struct X509Free
{
    void operator()(X509 *cert) const { X509_free(cert); }
};
using Cert = std::unique_ptr<X509, X509Free>;

Cert parseCertificate(const QByteArray &pem)
{
    BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    X509 *cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    return Cert(cert);
}

EVP_PKEY *parseKey(const QByteArray &pem)
{
    BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    EVP_PKEY *key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    return key;
}

// X509_verify_cert against a store holding only `ca`, for the given TLS purpose.
int verify(X509 *ca, X509 *leaf, int purpose)
{
    X509_STORE *store = X509_STORE_new();
    X509_STORE_add_cert(store, ca);
    X509_STORE_CTX *ctx = X509_STORE_CTX_new();
    X509_STORE_CTX_init(ctx, store, leaf, nullptr);
    X509_STORE_CTX_set_purpose(ctx, purpose);
    const int ok = X509_verify_cert(ctx);
    const int error = ok == 1 ? X509_V_OK : X509_STORE_CTX_get_error(ctx);
    X509_STORE_CTX_free(ctx);
    X509_STORE_free(store);
    return error;
}

QStringList subjectEntries(X509 *cert, int nid)
{
    QStringList values;
    X509_NAME *name = X509_get_subject_name(cert);
    for (int i = X509_NAME_get_index_by_NID(name, nid, -1); i >= 0;
         i = X509_NAME_get_index_by_NID(name, nid, i)) {
        ASN1_STRING *data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, i));
        values << QString::fromUtf8(reinterpret_cast<const char *>(ASN1_STRING_get0_data(data)),
                                    ASN1_STRING_length(data));
    }
    return values;
}

QStringList subjectAltNames(X509 *cert)
{
    QStringList names;
    auto *sans = static_cast<GENERAL_NAMES *>(
        X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
    for (int i = 0; sans && i < sk_GENERAL_NAME_num(sans); ++i) {
        const GENERAL_NAME *name = sk_GENERAL_NAME_value(sans, i);
        if (name->type == GEN_DNS) {
            names << QStringLiteral("DNS:")
                    + QString::fromLatin1(
                         reinterpret_cast<const char *>(ASN1_STRING_get0_data(name->d.dNSName)),
                         ASN1_STRING_length(name->d.dNSName));
        } else if (name->type == GEN_IPADD) {
            const unsigned char *ip = ASN1_STRING_get0_data(name->d.iPAddress);
            if (ASN1_STRING_length(name->d.iPAddress) == 4)
                names
                    << QStringLiteral("IP:%1.%2.%3.%4").arg(ip[0]).arg(ip[1]).arg(ip[2]).arg(ip[3]);
            else
                names << QStringLiteral("IP:v6");
        }
    }
    GENERAL_NAMES_free(sans);
    return names;
}

QByteArray serialHex(X509 *cert)
{
    BIGNUM *bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr);
    char *hex = BN_bn2hex(bn);
    const QByteArray text(hex);
    OPENSSL_free(hex);
    BN_free(bn);
    return text;
}

} // namespace

class TestCertificateAuthority : public QObject
{
    Q_OBJECT

private slots:
    void caCertificateIsACa()
    {
        CertificateAuthority ca(QStringLiteral("test-ca"));
        QVERIFY2(ca.isValid(), qPrintable(ca.errorString()));
        QVERIFY(ca.certificatePem().startsWith("-----BEGIN CERTIFICATE-----\n"));
        Cert cert = parseCertificate(ca.certificatePem());
        QVERIFY(cert);
        QCOMPARE(subjectEntries(cert.get(), NID_commonName),
                 QStringList {QStringLiteral("test-ca")});
        QCOMPARE(X509_check_ca(cert.get()), 1);
        QVERIFY(X509_get_extension_flags(cert.get()) & EXFLAG_CA);
        const uint32_t usage = X509_get_key_usage(cert.get());
        QVERIFY(usage & KU_KEY_CERT_SIGN);
        QVERIFY(usage & KU_CRL_SIGN);
        QVERIFY(X509_get0_subject_key_id(cert.get()) != nullptr);
        QCOMPARE(X509_get_signature_nid(cert.get()), NID_ecdsa_with_SHA256);
        // Self-signed: it verifies against itself.
        QCOMPARE(verify(cert.get(), cert.get(), X509_PURPOSE_ANY), X509_V_OK);
    }

    void serverCertificateVerifiesAndNamesTheHost()
    {
        CertificateAuthority ca;
        const PemKeyPair pair = ca.issueServerCertificate(
            {QStringLiteral("localhost"), QStringLiteral("dev.rd-sim.local")},
            {QStringLiteral("127.0.0.1")});
        QVERIFY2(!pair.certificatePem.isEmpty(), qPrintable(ca.errorString()));
        QVERIFY(pair.privateKeyPem.startsWith("-----BEGIN PRIVATE KEY-----\n"));
        Cert caCert = parseCertificate(ca.certificatePem());
        Cert cert = parseCertificate(pair.certificatePem);
        QVERIFY(cert);

        QCOMPARE(verify(caCert.get(), cert.get(), X509_PURPOSE_SSL_SERVER), X509_V_OK);
        QCOMPARE(
            subjectAltNames(cert.get()),
            (QStringList {QStringLiteral("DNS:localhost"), QStringLiteral("DNS:dev.rd-sim.local"),
                          QStringLiteral("IP:127.0.0.1")}));
        QCOMPARE(X509_check_host(cert.get(), "localhost", 0, 0, nullptr), 1);
        QCOMPARE(X509_check_ip_asc(cert.get(), "127.0.0.1", 0), 1);
        QCOMPARE(X509_check_ip_asc(cert.get(), "127.0.0.2", 0), 0);
        QVERIFY(X509_get_extended_key_usage(cert.get()) & XKU_SSL_SERVER);
        QVERIFY(!(X509_get_extended_key_usage(cert.get()) & XKU_SSL_CLIENT));
        QCOMPARE(X509_check_ca(cert.get()), 0);
        QVERIFY(X509_get0_authority_key_id(cert.get()) != nullptr);

        EVP_PKEY *key = parseKey(pair.privateKeyPem);
        QVERIFY(key);
        char group[64] = {};
        QVERIFY(EVP_PKEY_get_group_name(key, group, sizeof group, nullptr));
        QCOMPARE(QByteArray(group), QByteArray("prime256v1"));
        QCOMPARE(X509_check_private_key(cert.get(), key), 1);
        EVP_PKEY_free(key);

        // Valid from a minute ago (tolerating clock skew), for the days asked.
        const time_t now = time(nullptr);
        time_t inFiftySeconds = now - 50;
        QCOMPARE(X509_cmp_time(X509_get0_notBefore(cert.get()), &inFiftySeconds), -1);
        time_t in29Days = now + 29 * 86400;
        time_t in31Days = now + 31 * 86400;
        QCOMPARE(X509_cmp_time(X509_get0_notAfter(cert.get()), &in29Days), 1);
        QCOMPARE(X509_cmp_time(X509_get0_notAfter(cert.get()), &in31Days), -1);
    }

    void clientCertificateCarriesUserAndGroups()
    {
        CertificateAuthority ca;
        const PemKeyPair pair = ca.issueClientCertificate(
            QStringLiteral("admin"),
            {QStringLiteral("system:masters"), QStringLiteral("release-managers")}, 7);
        QVERIFY2(!pair.certificatePem.isEmpty(), qPrintable(ca.errorString()));
        Cert caCert = parseCertificate(ca.certificatePem());
        Cert cert = parseCertificate(pair.certificatePem);
        QCOMPARE(subjectEntries(cert.get(), NID_commonName), QStringList {QStringLiteral("admin")});
        QCOMPARE(
            subjectEntries(cert.get(), NID_organizationName),
            (QStringList {QStringLiteral("system:masters"), QStringLiteral("release-managers")}));
        QCOMPARE(verify(caCert.get(), cert.get(), X509_PURPOSE_SSL_CLIENT), X509_V_OK);
        QCOMPARE(verify(caCert.get(), cert.get(), X509_PURPOSE_SSL_SERVER),
                 X509_V_ERR_INVALID_PURPOSE);
        QVERIFY(X509_get_extended_key_usage(cert.get()) & XKU_SSL_CLIENT);
        QVERIFY(subjectAltNames(cert.get()).isEmpty());
    }

    void certificateOfAnotherCaDoesNotVerify()
    {
        CertificateAuthority ours;
        CertificateAuthority theirs;
        Cert ourCa = parseCertificate(ours.certificatePem());
        Cert foreign = parseCertificate(
            theirs.issueServerCertificate({QStringLiteral("localhost")}, {}).certificatePem);
        QCOMPARE(verify(ourCa.get(), foreign.get(), X509_PURPOSE_SSL_SERVER),
                 X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY);
    }

    void serialsAreRandomAndPositive()
    {
        CertificateAuthority ca;
        Cert a
            = parseCertificate(ca.issueClientCertificate(QStringLiteral("u"), {}).certificatePem);
        Cert b
            = parseCertificate(ca.issueClientCertificate(QStringLiteral("u"), {}).certificatePem);
        Cert caCert = parseCertificate(ca.certificatePem());
        QVERIFY(serialHex(a.get()) != serialHex(b.get()));
        QVERIFY(serialHex(a.get()) != serialHex(caCert.get()));
        QCOMPARE(serialHex(a.get()).size(), 40); // 20 bytes, the first non-zero
        QVERIFY(!serialHex(a.get()).startsWith('-'));
    }

    void badRequestsExplainThemselves()
    {
        CertificateAuthority ca;
        QVERIFY(ca.issueServerCertificate({}, {}).certificatePem.isEmpty());
        QCOMPARE(ca.errorString(),
                 QStringLiteral("a server certificate needs at least one DNS name or IP"));

        QVERIFY(ca.issueServerCertificate({QStringLiteral("a,b")}, {}).certificatePem.isEmpty());
        QCOMPARE(ca.errorString(), QStringLiteral("invalid subjectAltName entry 'DNS:a,b'"));

        QVERIFY(
            ca.issueServerCertificate({}, {QStringLiteral("300.1.2.3")}).certificatePem.isEmpty());
        QVERIFY2(
            ca.errorString().startsWith(QStringLiteral("adding a certificate extension failed: ")),
            qPrintable(ca.errorString()));
        QVERIFY2(ca.errorString().endsWith(QStringLiteral("(subjectAltName = IP:300.1.2.3)")),
                 qPrintable(ca.errorString()));

        QVERIFY(ca.issueClientCertificate(QString(), {}).certificatePem.isEmpty());
        QCOMPARE(ca.errorString(),
                 QStringLiteral("a client certificate needs a common name (the user)"));

        QVERIFY(ca.issueClientCertificate(QStringLiteral("u"), {}, 0).certificatePem.isEmpty());
        QCOMPARE(ca.errorString(),
                 QStringLiteral("a certificate must be valid for at least one day"));
        QVERIFY(ca.isValid()); // a refused request leaves the authority usable
    }
};

QTEST_GUILESS_MAIN(TestCertificateAuthority)
#include "tst_certificateauthority.moc"
