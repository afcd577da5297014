// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the AccessControl tests: the users they authenticate and authorize (admin,
// viewer, deployer, promoter, root and nobody) and JSON helpers.

#include "security/accesscontrol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace rdsim;

namespace AccessControlTest {

inline QStringList list(std::initializer_list<const char *> items)
{
    QStringList result;
    for (const char *item : items)
        result << QString::fromUtf8(item);
    return result;
}

inline QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad JSON in test: %s", qPrintable(error.errorString()));
    return document.object();
}

inline QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Raw strings with escaped quotes confuse moc, so reasons are added in code.
inline QJsonObject withReason(QJsonObject review, const QString &reason)
{
    QJsonObject status = review.value(QStringLiteral("status")).toObject();
    status.insert(QStringLiteral("reason"), reason);
    review.insert(QStringLiteral("status"), status);
    return review;
}

// The test classes derive from this privately; their initTestCase() calls addUsers().
class AccessControlFixture
{
protected:
    AccessControl m_access;

    UserInfo info(const char *name) const
    {
        const QString user = QString::fromUtf8(name);
        if (user == QStringLiteral("system:anonymous"))
            return UserInfo {user, {QStringLiteral("system:unauthenticated")}};
        return *m_access.authenticateToken(user + QStringLiteral("-token"));
    }

    void addUsers()
    {
        m_access.addUser(UserSpec {QStringLiteral("admin"),
                                   QStringLiteral("admin-token"),
                                   true,
                                   QString(),
                                   list({"system:masters"}),
                                   {PolicyRule {list({"*"}), list({"*"}), list({"*"}), {}, {}}}});
        m_access.addUser(UserSpec {
            QStringLiteral("viewer"),
            QStringLiteral("viewer-token"),
            false,
            QString(),
            {},
            {PolicyRule {list({"get", "list", "watch"}), list({"*"}), list({"*"}), {}, {}}}});
        // May pause (patch rollouts) in shop, but not promote (rollouts/status).
        m_access.addUser(UserSpec {
            QStringLiteral("deployer"),
            QStringLiteral("deployer-token"),
            false,
            QString(),
            list({"deployers"}),
            {PolicyRule {list({"get", "list", "watch", "patch"}),
                         list({"argoproj.io"}),
                         list({"rollouts"}),
                         {},
                         list({"shop"})},
             PolicyRule {list({"get"}), list({""}), list({"pods", "pods/log"}), {}, {}}}});
        // May promote exactly one rollout anywhere, and read every status subresource.
        m_access.addUser(
            UserSpec {QStringLiteral("promoter"),
                      QStringLiteral("promoter-token"),
                      false,
                      QStringLiteral("s3cret"),
                      {},
                      {PolicyRule {list({"patch"}),
                                   list({"argoproj.io"}),
                                   list({"rollouts/status"}),
                                   list({"checkout"}),
                                   {}},
                       PolicyRule {list({"get"}), list({"*"}), list({"*/status"}), {}, {}}}});
        // Has no rules; only the privileged group.
        m_access.addUser(UserSpec {QStringLiteral("root"),
                                   QStringLiteral("root-token"),
                                   false,
                                   QString(),
                                   list({"system:masters"}),
                                   {}});
        m_access.addUser(UserSpec {
            QStringLiteral("nobody"), QStringLiteral("nobody-token"), false, QString(), {}, {}});
    }
};

} // namespace AccessControlTest
