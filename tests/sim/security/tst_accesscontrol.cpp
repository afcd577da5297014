// SPDX-License-Identifier: GPL-3.0-or-later
// AccessControl's users and decisions: token, certificate and basic authentication, the
// user list, and RBAC for resource and non-resource requests.
#include "accesscontrolfixture.h"

using namespace AccessControlTest;

class TestAccessControl : public QObject, private AccessControlFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { addUsers(); }

    void tokenAuthentication()
    {
        const std::optional<UserInfo> admin
            = m_access.authenticateToken(QStringLiteral("admin-token"));
        QVERIFY(admin);
        QCOMPARE(admin->name, QStringLiteral("admin"));
        QCOMPARE(admin->groups, list({"system:masters", "system:authenticated"}));
        QVERIFY(!m_access.authenticateToken(QStringLiteral("wrong")));
        QVERIFY(!m_access.authenticateToken(QString()));
    }

    void certificateAuthentication()
    {
        // Groups: the certificate's O entries, then the user's own, then system:authenticated.
        const std::optional<UserInfo> admin = m_access.authenticateCertificate(
            QStringLiteral("admin"), list({"release-managers", "system:masters"}));
        QVERIFY(admin);
        QCOMPARE(admin->name, QStringLiteral("admin"));
        QCOMPARE(admin->groups,
                 list({"release-managers", "system:masters", "system:authenticated"}));
        // viewer has no clientCertificate: a certificate naming it is refused.
        QVERIFY(!m_access.authenticateCertificate(QStringLiteral("viewer"), {}));
        QVERIFY(!m_access.authenticateCertificate(QStringLiteral("stranger"), {}));
        QVERIFY(!m_access.authenticateCertificate(QString(), {}));
    }

    void basicAuthentication()
    {
        const std::optional<UserInfo> promoter
            = m_access.authenticateBasic(QStringLiteral("promoter"), QStringLiteral("s3cret"));
        QVERIFY(promoter);
        QCOMPARE(promoter->groups, list({"system:authenticated"}));
        QVERIFY(!m_access.authenticateBasic(QStringLiteral("promoter"), QStringLiteral("nope")));
        // A user without a password never authenticates with an empty one.
        QVERIFY(!m_access.authenticateBasic(QStringLiteral("viewer"), QString()));
    }

    void usersAreListedAndReplaced()
    {
        AccessControl access;
        access.addUser(UserSpec {QStringLiteral("a"), QStringLiteral("t1"), false, {}, {}, {}});
        access.addUser(UserSpec {QStringLiteral("b"), QStringLiteral("t2"), false, {}, {}, {}});
        access.addUser(UserSpec {QStringLiteral("a"), QStringLiteral("t3"), false, {}, {}, {}});
        QCOMPARE(access.users().size(), 2);
        QCOMPARE(access.user(QStringLiteral("a"))->token, QStringLiteral("t3"));
        QVERIFY(!access.authenticateToken(QStringLiteral("t1")));
        QVERIFY(!access.user(QStringLiteral("c")));
    }

    void rbac_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("verb");
        QTest::addColumn<QString>("group");
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QString>("subresource");
        QTest::addColumn<QString>("ns");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("reason");

        const QString byRule = QStringLiteral("RBAC: allowed by rd-sim rule for user \"%1\"");
        const auto row = [&](const char *tag, const char *user, const char *verb, const char *group,
                             const char *resource, const char *subresource, const char *ns,
                             const char *name, bool allowed, QString reason) {
            QTest::newRow(tag) << QString::fromUtf8(user) << QString::fromUtf8(verb)
                               << QString::fromUtf8(group) << QString::fromUtf8(resource)
                               << QString::fromUtf8(subresource) << QString::fromUtf8(ns)
                               << QString::fromUtf8(name) << allowed << reason;
        };
        const QString admin = byRule.arg(QStringLiteral("admin"));
        const QString viewer = byRule.arg(QStringLiteral("viewer"));
        const QString deployer = byRule.arg(QStringLiteral("deployer"));
        const QString promoter = byRule.arg(QStringLiteral("promoter"));
        row("admin patch status", "admin", "patch", "argoproj.io", "rollouts", "status", "shop",
            "checkout", true, admin);
        row("admin cluster scope", "admin", "delete", "", "namespaces", "", "", "shop", true,
            admin);
        row("viewer list pods", "viewer", "list", "", "pods", "", "shop", "", true, viewer);
        row("viewer watch all ns", "viewer", "watch", "argoproj.io", "rollouts", "", "", "", true,
            viewer);
        row("viewer get status", "viewer", "get", "argoproj.io", "rollouts", "status", "shop",
            "checkout", true, viewer);
        row("viewer patch", "viewer", "patch", "argoproj.io", "rollouts", "", "shop", "checkout",
            false, QString());
        row("viewer verb star", "viewer", "*", "", "pods", "", "shop", "", false, QString());
        row("deployer pause in shop", "deployer", "patch", "argoproj.io", "rollouts", "", "shop",
            "checkout", true, deployer);
        row("deployer promote denied", "deployer", "patch", "argoproj.io", "rollouts", "status",
            "shop", "checkout", false, QString());
        row("deployer other ns", "deployer", "patch", "argoproj.io", "rollouts", "", "payments",
            "api", false, QString());
        row("deployer cluster-wide list", "deployer", "list", "argoproj.io", "rollouts", "", "", "",
            false, QString());
        row("deployer wrong group", "deployer", "patch", "apps", "rollouts", "", "shop", "x", false,
            QString());
        row("deployer core pods log", "deployer", "get", "", "pods", "log", "payments", "p-1", true,
            deployer);
        row("deployer core pods exec", "deployer", "get", "", "pods", "exec", "payments", "p-1",
            false, QString());
        row("promoter named", "promoter", "patch", "argoproj.io", "rollouts", "status", "shop",
            "checkout", true, promoter);
        row("promoter other name", "promoter", "patch", "argoproj.io", "rollouts", "status", "shop",
            "cart", false, QString());
        row("promoter no name", "promoter", "patch", "argoproj.io", "rollouts", "status", "shop",
            "", false, QString());
        row("promoter main resource", "promoter", "patch", "argoproj.io", "rollouts", "", "shop",
            "checkout", false, QString());
        row("promoter star-slash-status", "promoter", "get", "apps", "deployments", "status",
            "prod", "web", true, promoter);
        row("promoter star-slash-status main", "promoter", "get", "apps", "deployments", "", "prod",
            "web", false, QString());
        row("root via system:masters", "root", "delete", "", "pods", "", "shop", "p", true,
            QString());
        row("nobody", "nobody", "get", "", "pods", "", "shop", "p", false, QString());
        row("nobody may review", "nobody", "create", "authorization.k8s.io",
            "selfsubjectaccessreviews", "", "", "", true,
            QStringLiteral("RBAC: allowed by ClusterRoleBinding \"system:basic-user\" of "
                           "ClusterRole \"system:basic-user\" to Group \"system:authenticated\""));
        row("nobody whoami", "nobody", "create", "authentication.k8s.io", "selfsubjectreviews", "",
            "", "", true,
            QStringLiteral("RBAC: allowed by ClusterRoleBinding \"system:basic-user\" of "
                           "ClusterRole \"system:basic-user\" to Group \"system:authenticated\""));
        row("anonymous", "system:anonymous", "get", "", "pods", "", "shop", "p", false, QString());
        row("anonymous no review", "system:anonymous", "create", "authorization.k8s.io",
            "selfsubjectaccessreviews", "", "", "", false, QString());
    }

    void rbac()
    {
        QFETCH(QString, user);
        QFETCH(QString, verb);
        QFETCH(QString, group);
        QFETCH(QString, resource);
        QFETCH(QString, subresource);
        QFETCH(QString, ns);
        QFETCH(QString, name);
        QFETCH(bool, allowed);
        QFETCH(QString, reason);
        const UserInfo who = info(user.toUtf8().constData());
        QCOMPARE(m_access.isAllowed(who, verb, group, resource, subresource, ns, name), allowed);
        const AccessControl::Decision decision
            = m_access.decide(who, verb, group, resource, subresource, ns, name);
        QCOMPARE(decision.allowed, allowed);
        QCOMPARE(decision.reason, reason);
    }

    void nonResource_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("verb");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("reason");
        const QString discovery = QStringLiteral(
            "RBAC: allowed by ClusterRoleBinding \"system:discovery\" of ClusterRole "
            "\"system:discovery\" to Group \"system:authenticated\"");
        QTest::newRow("viewer rule") << "viewer"
                                     << "get"
                                     << "/apis" << true
                                     << QStringLiteral("RBAC: allowed by rd-sim rule for user "
                                                       "\"viewer\"");
        QTest::newRow("viewer post") << "viewer"
                                     << "post"
                                     << "/apis" << false << QString();
        QTest::newRow("deployer discovery") << "deployer"
                                            << "get"
                                            << "/apis/argoproj.io/v1alpha1" << true << discovery;
        QTest::newRow("deployer /api") << "deployer"
                                       << "get"
                                       << "/api" << true << discovery;
        QTest::newRow("deployer /version") << "deployer"
                                           << "get"
                                           << "/version" << true << discovery;
        QTest::newRow("deployer /logs") << "deployer"
                                        << "get"
                                        << "/logs" << false << QString();
        QTest::newRow("anonymous version")
            << "system:anonymous"
            << "get"
            << "/version" << true
            << QStringLiteral("RBAC: allowed by ClusterRoleBinding "
                              "\"system:public-info-viewer\" of ClusterRole "
                              "\"system:public-info-viewer\" to Group "
                              "\"system:unauthenticated\"");
        QTest::newRow("anonymous api") << "system:anonymous"
                                       << "get"
                                       << "/api" << false << QString();
        QTest::newRow("anonymous metrics")
            << "system:anonymous"
            << "get"
            << "/metrics" << true << QStringLiteral("rd-sim: /metrics is public");
        QTest::newRow("root anything") << "root"
                                       << "post"
                                       << "/logs" << true << QString();
    }

    void nonResource()
    {
        QFETCH(QString, user);
        QFETCH(QString, verb);
        QFETCH(QString, path);
        QFETCH(bool, allowed);
        QFETCH(QString, reason);
        const UserInfo who = info(user.toUtf8().constData());
        QCOMPARE(m_access.isNonResourceAllowed(who, verb, path), allowed);
        QCOMPARE(m_access.decideNonResource(who, verb, path).reason, reason);
    }
};

QTEST_GUILESS_MAIN(TestAccessControl)
#include "tst_accesscontrol.moc"
