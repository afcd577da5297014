// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "security/accesscontrol.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace httplib {
struct Request;
}

namespace rdsim {

// Who sent a request: a verified client certificate (CN = user, O = groups), else the
// Authorization header (Bearer token or Basic), else the anonymous user. Credentials that are
// presented but not recognised refuse the request (401), as Kubernetes does.
class Authenticator
{
public:
    // nullopt: refused (answer 401 Unauthorized).
    static std::optional<UserInfo> authenticate(const httplib::Request &request,
                                                const AccessControl *access);
    // CN and O entries of the TLS peer's verified certificate; false when there is none.
    static bool peerIdentity(const httplib::Request &request, QString *commonName,
                             QStringList *organizations);
    static UserInfo anonymous();
};

} // namespace rdsim
