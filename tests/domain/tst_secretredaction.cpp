// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretredaction.h"

#include <QTest>

class TestSecretRedaction : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { SecretRedaction::forgetAll(); }

    void shapes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("url user info") << "proxy http://dev:hunter22@proxy:3128 refused"
                                       << "proxy http://[redacted]@proxy:3128 refused";
        QTest::newRow("token as url user") << "https://ghx0123456789abcdef@git.example/x"
                                           << "https://[redacted]@git.example/x";
        QTest::newRow("bearer") << "sent Authorization: Bearer abc.def-123_456"
                                << "sent Authorization: Bearer [redacted]";
        QTest::newRow("basic") << "basic dXNlcjpwYXNzd29yZA== rejected"
                               << "basic [redacted] rejected";
        QTest::newRow("jwt") << "token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl expired"
                             << "token [redacted] expired";
        QTest::newRow("private key")
            << "key: -----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY----- ok"
            << "key: [private key redacted] ok";
        QTest::newRow("private key cut off") << "-----BEGIN PRIVATE KEY-----\nMIIEvQIB"
                                             << "[private key redacted]";
        QTest::newRow("github token") << "ghp_0123456789abcdefghijABCDEFGHIJ is bad"
                                      << "[redacted] is bad";
        QTest::newRow("aws key") << "AKIAIOSFODNN7EXAMPLE"
                                 << "[redacted]";
        QTest::newRow("google access token") << "ya29.a0AfH6SMBx0123456789abcdef"
                                             << "[redacted]";
        // Our own messages name fields; they are not secrets and stay readable.
        QTest::newRow("field names") << "users[dev].token: must be a string"
                                     << "users[dev].token: must be a string";
        QTest::newRow("certificate") << "-----BEGIN CERTIFICATE-----\nMIIB\n"
                                     << "-----BEGIN CERTIFICATE-----\nMIIB\n";
        QTest::newRow("image digest")
            << "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
            << "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    }

    void shapes()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(SecretRedaction::redact(text), expected);
    }

    void foreignNamedValues_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("key=value") << "oauth: refresh_token=abc123 expired"
                                   << "oauth: refresh_token=[redacted] expired";
        QTest::newRow("json") << R"({"client_secret": "s3cr3t", "user": "dev"})"
                              << R"({"client_secret": "[redacted]", "user": "dev"})";
        QTest::newRow("yaml-like") << "password: hunter2"
                                   << "password: [redacted]";
        QTest::newRow("api key header") << "X-Api-Key: 1234abcd"
                                        << "X-Api-Key: [redacted]";
        QTest::newRow("query string") << "GET /login?user=dev&access_token=zzz&x=1"
                                      << "GET /login?user=dev&access_token=[redacted]&x=1";
        QTest::newRow("authorization kept readable") << "Authorization: Bearer abcdefgh"
                                                     << "Authorization: Bearer [redacted]";
        QTest::newRow("plain words") << "the token file is missing"
                                     << "the token file is missing";
    }

    void foreignNamedValues()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(SecretRedaction::redactForeign(text), expected);
    }

    void rememberedSecretsAreReplacedEverywhere()
    {
        SecretRedaction::remember(QStringLiteral("plain-value-123"));
        SecretRedaction::remember(QStringLiteral("plain-value-123-longer")); // contains it
        SecretRedaction::remember(QStringLiteral("short")); // too short to remember
        QCOMPARE(SecretRedaction::redact(
                     QStringLiteral("a plain-value-123 b plain-value-123-longer c short")),
                 QStringLiteral("a [redacted] b [redacted] c short"));
    }

    void authorizationHeaderIsRemembered()
    {
        SecretRedaction::rememberAuthorization("Basic " + QByteArray("dev:pa55word-x").toBase64());
        QCOMPARE(SecretRedaction::redact(QStringLiteral("wrong password pa55word-x")),
                 QStringLiteral("wrong password [redacted]"));
        SecretRedaction::rememberAuthorization("Bearer tok-0a1b2c3d");
        QCOMPARE(SecretRedaction::redact(QStringLiteral("tok-0a1b2c3d")),
                 QStringLiteral("[redacted]"));
    }

    void rememberingIsBounded()
    {
        // Rotated tokens pile up over a long session: the oldest are forgotten first.
        for (int i = 0; i < 300; ++i)
            SecretRedaction::remember(QStringLiteral("rotated-%1").arg(i, 4, 10, QLatin1Char('0')));
        QCOMPARE(SecretRedaction::redact(QStringLiteral("rotated-0000")),
                 QStringLiteral("rotated-0000"));
        QCOMPARE(SecretRedaction::redact(QStringLiteral("rotated-0299")),
                 QStringLiteral("[redacted]"));
    }

    void urlForMessages()
    {
        QCOMPARE(SecretRedaction::url(QStringLiteral("http://admin:pw@metrics example:9090")),
                 QStringLiteral("http://[redacted]@metrics example:9090"));
        QCOMPARE(SecretRedaction::url(QStringLiteral("https://thanos.example")),
                 QStringLiteral("https://thanos.example"));
    }
};

QTEST_GUILESS_MAIN(TestSecretRedaction)
#include "tst_secretredaction.moc"
