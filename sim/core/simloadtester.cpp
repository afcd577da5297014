// SPDX-License-Identifier: GPL-3.0-or-later
#include "simloadtester.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace rdsim {

namespace {

// The canary a gate request names, "name.namespace" as the load tester keys its gates; empty
// for a body that is not a payload with both names (the load tester answers 400).
QString gateKeyOf(const QByteArray &body)
{
    if (body.size() > FlaggerLoadTester::kMaxBodyBytes)
        return QString();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return QString();
    const QString name = document.object().value(QLatin1String("name")).toString();
    const QString ns = document.object().value(QLatin1String("namespace")).toString();
    if (name.isEmpty() || ns.isEmpty() || name.size() > 253 || ns.size() > 63)
        return QString();
    return name + u'.' + ns;
}

FlaggerLoadTester::Reply reply(int status, const char *text)
{
    return FlaggerLoadTester::Reply {status, QByteArray(text)};
}

} // namespace

FlaggerLoadTester::Reply FlaggerLoadTester::handle(const QString &loadTesterNamespace,
                                                   const QString &path, const QByteArray &body)
{
    if (path == QLatin1String("/gate/approve"))
        return reply(200, "OK");
    if (path == QLatin1String("/gate/halt"))
        return reply(403, "Forbidden");
    const bool gate = path.startsWith(QLatin1String("/gate/"));
    const bool rollback = path.startsWith(QLatin1String("/rollback/"));
    const QString action = path.section(u'/', 2);
    const bool known = action == QLatin1String("check") || action == QLatin1String("open")
        || action == QLatin1String("close");
    if ((!gate && !rollback) || !known) {
        // The command runner ("/") and the load test endpoints accept any task: the simulation
        // runs no load, so they only say so.
        if (path == QLatin1String("/") || path.isEmpty())
            return reply(200, "Load test accepted (rd-sim runs no load)");
        return reply(404, "404 page not found");
    }
    QString key = gateKeyOf(body);
    if (key.isEmpty())
        return reply(400, "");
    if (rollback)
        key.prepend(QLatin1String("rollback."));
    if (action == QLatin1String("check"))
        return isOpen(loadTesterNamespace, key) ? reply(200, "Approved") : reply(403, "Forbidden");
    if (!setOpen(loadTesterNamespace, key, action == QLatin1String("open")))
        return reply(503, "too many gates");
    return reply(202, "");
}

bool FlaggerLoadTester::isOpen(const QString &loadTesterNamespace, const QString &gateKey) const
{
    std::lock_guard lock(m_mutex);
    return m_open.value(loadTesterNamespace + u'/' + gateKey, false);
}

bool FlaggerLoadTester::setOpen(const QString &loadTesterNamespace, const QString &gateKey,
                                bool open)
{
    std::lock_guard lock(m_mutex);
    const QString key = loadTesterNamespace + u'/' + gateKey;
    if (!m_open.contains(key) && m_open.size() >= kMaxGates)
        return false;
    m_open.insert(key, open);
    return true;
}

} // namespace rdsim
