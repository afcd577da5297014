// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

namespace rdsim {

struct PemKeyPair
{
    QByteArray certificatePem;
    QByteArray privateKeyPem;
};

// A throw-away certificate authority made at start-up (EC P-256 keys, SHA-256 signatures),
// so the simulator speaks real HTTPS that clients must verify like a real cluster's.
class CertificateAuthority
{
public:
    explicit CertificateAuthority(const QString &commonName = QStringLiteral("rd-sim-ca"));
    ~CertificateAuthority();
    CertificateAuthority(const CertificateAuthority &) = delete;
    CertificateAuthority &operator=(const CertificateAuthority &) = delete;

    bool isValid() const;
    QString errorString() const;
    QByteArray certificatePem() const;

    // Server certificate for the given names and IP addresses (subjectAltName).
    PemKeyPair issueServerCertificate(const QStringList &dnsNames, const QStringList &ipAddresses,
                                      int validDays = 30) const;
    // Client certificate as Kubernetes reads it: CN = user, O = groups.
    PemKeyPair issueClientCertificate(const QString &commonName, const QStringList &organizations,
                                      int validDays = 30) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace rdsim
