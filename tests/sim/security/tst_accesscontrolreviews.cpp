// SPDX-License-Identifier: GPL-3.0-or-later
// AccessControl's reviews: SelfSubjectAccessReview answers and validation exactly as a real
// API server gives them, and SelfSubjectReview (kubectl auth whoami).
#include "accesscontrolfixture.h"

using namespace AccessControlTest;

class TestAccessControlReviews : public QObject, private AccessControlFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { addUsers(); }

    void selfSubjectAccessReviewAllowed()
    {
        // The body kubectl auth can-i sends, and the answer a real API server gives.
        const QJsonObject request = json(R"({"kind":"SelfSubjectAccessReview",
            "apiVersion":"authorization.k8s.io/v1","metadata":{"creationTimestamp":null},
            "spec":{"resourceAttributes":{"namespace":"shop","verb":"patch",
            "group":"argoproj.io","version":"v1alpha1","resource":"rollouts",
            "subresource":"status","name":"checkout"}},"status":{"allowed":false}})");
        QCOMPARE(AccessControl::validateSelfSubjectAccessReview(request).code, 0);
        QCOMPARE(
            compact(m_access.selfSubjectAccessReview(info("admin"), request)),
            compact(withReason(json(R"({"apiVersion":"authorization.k8s.io/v1",
            "kind":"SelfSubjectAccessReview","metadata":{"creationTimestamp":null},
            "spec":{"resourceAttributes":{"namespace":"shop","verb":"patch",
            "group":"argoproj.io","version":"v1alpha1","resource":"rollouts",
            "subresource":"status","name":"checkout"}},
            "status":{"allowed":true}})"),
                               QStringLiteral("RBAC: allowed by rd-sim rule for user \"admin\""))));
    }

    void selfSubjectAccessReviewDenied()
    {
        // Empty fields are not echoed; a denial has neither reason nor denied.
        const QJsonObject request = json(R"({"spec":{"resourceAttributes":{
            "namespace":"shop","verb":"patch","group":"argoproj.io","resource":"rollouts",
            "subresource":"status","name":"","version":""}}})");
        QCOMPARE(compact(m_access.selfSubjectAccessReview(info("deployer"), request)),
                 compact(json(R"({"apiVersion":"authorization.k8s.io/v1",
            "kind":"SelfSubjectAccessReview","metadata":{"creationTimestamp":null},
            "spec":{"resourceAttributes":{"namespace":"shop","verb":"patch",
            "group":"argoproj.io","resource":"rollouts","subresource":"status"}},
            "status":{"allowed":false}})")));
    }

    void selfSubjectAccessReviewNonResource()
    {
        const QJsonObject request
            = json(R"({"spec":{"nonResourceAttributes":{"path":"/apis","verb":"get"}}})");
        QCOMPARE(compact(m_access.selfSubjectAccessReview(info("nobody"), request)),
                 compact(withReason(json(R"({"apiVersion":"authorization.k8s.io/v1",
            "kind":"SelfSubjectAccessReview","metadata":{"creationTimestamp":null},
            "spec":{"nonResourceAttributes":{"path":"/apis","verb":"get"}},
            "status":{"allowed":true}})"),
                                    QStringLiteral("RBAC: allowed by ClusterRoleBinding "
                                                   "\"system:discovery\" of ClusterRole "
                                                   "\"system:discovery\" to Group "
                                                   "\"system:authenticated\""))));
    }

    void selfSubjectAccessReviewValidation_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("field");
        const QString invalid
            = QStringLiteral(R"(SelfSubjectAccessReview.authorization.k8s.io "" is invalid: )");
        const QString exactlyOne = invalid
            + QStringLiteral(R"(spec.resourceAttributes: Invalid value: "null": exactly one )"
                             R"(of nonResourceAttributes or resourceAttributes must be )"
                             R"(specified)");
        const QString undecodable
            = QStringLiteral(R"(SelfSubjectAccessReview in version "v1" cannot be handled as a )"
                             R"(SelfSubjectAccessReview: json: cannot unmarshal )");
        QTest::newRow("neither") << R"({"apiVersion":"authorization.k8s.io/v1",)"
                                    R"("kind":"SelfSubjectAccessReview","spec":{}})"
                                 << 422 << exactlyOne << "spec.resourceAttributes";
        QTest::newRow("no spec") << R"({})" << 422 << exactlyOne << "spec.resourceAttributes";
        QTest::newRow("null attributes") << R"({"spec":{"resourceAttributes":null}})" << 422
                                         << exactlyOne << "spec.resourceAttributes";
        QTest::newRow("both") << R"({"spec":{"resourceAttributes":{"verb":"get"},)"
                                 R"("nonResourceAttributes":{"path":"/api","verb":"get"}}})"
                              << 422
                              << invalid
                + QStringLiteral(R"(spec.nonResourceAttributes: Invalid value: )"
                                 R"(authorization.NonResourceAttributes{Path:"/api", Verb:"get"}: )"
                                 R"(cannot be specified in combination with resourceAttributes)")
                              << "spec.nonResourceAttributes";
        QTest::newRow("spec string") << R"({"spec":"x"})" << 400
                                     << undecodable
                + QStringLiteral("string into Go struct field "
                                 "SelfSubjectAccessReview.spec of type "
                                 "v1.SelfSubjectAccessReviewSpec")
                                     << "";
        QTest::newRow("attributes array") << R"({"spec":{"resourceAttributes":[]}})" << 400
                                          << undecodable
                + QStringLiteral("array into Go struct field "
                                 "SelfSubjectAccessReviewSpec.spec.resourceAttributes of "
                                 "type v1.ResourceAttributes")
                                          << "";
        QTest::newRow("verb number") << R"({"spec":{"resourceAttributes":{"verb":3}}})" << 400
                                     << undecodable
                + QStringLiteral("number into Go struct field "
                                 "ResourceAttributes.spec.resourceAttributes.verb of type "
                                 "string")
                                     << "";
        QTest::newRow("path bool") << R"({"spec":{"nonResourceAttributes":{"path":true}}})" << 400
                                   << undecodable
                + QStringLiteral("bool into Go struct field "
                                 "NonResourceAttributes.spec.nonResourceAttributes.path "
                                 "of type string")
                                   << "";
    }

    void selfSubjectAccessReviewValidation()
    {
        QFETCH(QString, body);
        QFETCH(int, code);
        QFETCH(QString, message);
        QFETCH(QString, field);
        const ApiError error = AccessControl::validateSelfSubjectAccessReview(
            QJsonDocument::fromJson(body.toUtf8()).object());
        QCOMPARE(error.code, code);
        QCOMPARE(error.reason,
                 code == 422 ? QStringLiteral("Invalid") : QStringLiteral("BadRequest"));
        QCOMPARE(error.message, message);
        if (code == 422) {
            QCOMPARE(error.details.value(QStringLiteral("group")).toString(),
                     QStringLiteral("authorization.k8s.io"));
            QCOMPARE(error.details.value(QStringLiteral("kind")).toString(),
                     QStringLiteral("SelfSubjectAccessReview"));
            const QJsonObject cause
                = error.details.value(QStringLiteral("causes")).toArray().first().toObject();
            QCOMPARE(cause.value(QStringLiteral("field")).toString(), field);
            QCOMPARE(cause.value(QStringLiteral("reason")).toString(),
                     QStringLiteral("FieldValueInvalid"));
            QVERIFY(message.endsWith(cause.value(QStringLiteral("message")).toString()));
        }
    }

    void selfSubjectReview()
    {
        const std::optional<UserInfo> admin
            = m_access.authenticateCertificate(QStringLiteral("admin"), list({"system:masters"}));
        QCOMPARE(compact(m_access.selfSubjectReview(*admin)),
                 compact(json(R"({"apiVersion":"authentication.k8s.io/v1",
            "kind":"SelfSubjectReview","metadata":{"creationTimestamp":null},
            "status":{"userInfo":{"username":"admin",
            "groups":["system:masters","system:authenticated"]}}})")));
    }
};

QTEST_GUILESS_MAIN(TestAccessControlReviews)
#include "tst_accesscontrolreviews.moc"
