// SPDX-License-Identifier: GPL-3.0-or-later
#include "authenticator.h"

#include <QByteArray>

#include <httplib.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

namespace rdsim {

namespace {

QStringList nameEntries(X509_NAME *name, int nid)
{
    QStringList values;
    for (int index = X509_NAME_get_index_by_NID(name, nid, -1); index >= 0;
         index = X509_NAME_get_index_by_NID(name, nid, index)) {
        ASN1_STRING *data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index));
        unsigned char *utf8 = nullptr;
        const int length = ASN1_STRING_to_UTF8(&utf8, data);
        if (length >= 0)
            values << QString::fromUtf8(reinterpret_cast<const char *>(utf8), length);
        OPENSSL_free(utf8);
    }
    return values;
}

} // namespace

UserInfo Authenticator::anonymous()
{
    return UserInfo {QStringLiteral("system:anonymous"),
                     {QStringLiteral("system:unauthenticated")}};
}

bool Authenticator::peerIdentity(const httplib::Request &request, QString *commonName,
                                 QStringList *organizations)
{
    if (!request.ssl)
        return false;
    X509 *certificate = SSL_get1_peer_certificate(request.ssl);
    if (!certificate)
        return false;
    // The handshake already refuses certificates our CA did not sign; this guards the rest.
    const bool verified = SSL_get_verify_result(request.ssl) == X509_V_OK;
    X509_NAME *subject = X509_get_subject_name(certificate);
    const QStringList names = nameEntries(subject, NID_commonName);
    *organizations = nameEntries(subject, NID_organizationName);
    X509_free(certificate);
    if (!verified || names.isEmpty())
        return false;
    *commonName = names.first();
    return true;
}

std::optional<UserInfo> Authenticator::authenticate(const httplib::Request &request,
                                                    const AccessControl *access)
{
    QString commonName;
    QStringList organizations;
    if (access && peerIdentity(request, &commonName, &organizations)) {
        if (auto user = access->authenticateCertificate(commonName, organizations))
            return user;
    }
    const QString header
        = QString::fromStdString(request.get_header_value("Authorization")).trimmed();
    if (header.isEmpty())
        return commonName.isEmpty() ? std::optional<UserInfo>(anonymous()) : std::nullopt;
    if (!access)
        return std::nullopt;
    const QString scheme = header.section(u' ', 0, 0);
    const QString credentials = header.section(u' ', 1).trimmed();
    if (scheme.compare(QStringLiteral("Bearer"), Qt::CaseInsensitive) == 0)
        return access->authenticateToken(credentials);
    if (scheme.compare(QStringLiteral("Basic"), Qt::CaseInsensitive) == 0) {
        const QString decoded = QString::fromUtf8(QByteArray::fromBase64(credentials.toLatin1()));
        const qsizetype colon = decoded.indexOf(u':');
        if (colon < 0)
            return std::nullopt;
        return access->authenticateBasic(decoded.left(colon), decoded.mid(colon + 1));
    }
    return std::nullopt;
}

} // namespace rdsim
