// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "security/certificateauthority.h"

#include <QByteArray>
#include <QString>

#include <openssl/ssl.h>

namespace rdsim {

// Configures the server's SSL_CTX from PEM in memory: the serving certificate and key, and
// optional client certificates verified against the client CA (token users send none).
class TlsSetup
{
public:
    static bool configure(SSL_CTX &context, const PemKeyPair &serverCertificate,
                          const QByteArray &clientCaPem, QString *error);
    static QString lastOpenSslError();
};

} // namespace rdsim
