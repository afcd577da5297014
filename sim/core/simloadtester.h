// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <mutex>

namespace rdsim {

// Flagger's load tester (pkg/loadtester) as far as its manual gates go, one per namespace it
// runs in: /gate/approve (always 200), /gate/halt (always 403), /gate/check and
// /rollback/check (200 while the canary's gate is open, else 403), /gate/open, /gate/close,
// /rollback/open, /rollback/close (202). The canary is named by the webhook payload's JSON
// {"name", "namespace"}; gates start closed and live in memory, as in the real pod. The API
// server's service proxy and the Flagger controller's webhooks both call handle(), so the
// simulation needs no HTTP between them. Internally locked.
class FlaggerLoadTester
{
public:
    static QString serviceName() { return QStringLiteral("flagger-loadtester"); }

    struct Reply
    {
        int status = 200;
        QByteArray body;
    };
    // loadTesterNamespace: where the load tester's Service lives; path: "/gate/check", ...
    Reply handle(const QString &loadTesterNamespace, const QString &path, const QByteArray &body);

    bool isOpen(const QString &loadTesterNamespace, const QString &gateKey) const;

    // The largest request body read; a larger one is refused with 400.
    static constexpr int kMaxBodyBytes = 64 * 1024;
    // The most gates kept; opening another is refused (503), so a client cannot fill memory.
    static constexpr int kMaxGates = 10000;

private:
    // False when the gate is new and kMaxGates are kept already.
    bool setOpen(const QString &loadTesterNamespace, const QString &gateKey, bool open);

    mutable std::mutex m_mutex;
    QHash<QString, bool> m_open; // "<load tester ns>/<gate key>", gate key "name.namespace"
};

} // namespace rdsim
