// SPDX-License-Identifier: GPL-3.0-or-later
#include "controllers/podtemplatehash.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace rdsim;

class TestPodTemplateHash : public QObject
{
    Q_OBJECT

private slots:
    void fnvAndSafeEncoding();
    void templateHashIgnoresItsOwnLabel();
    void collisionCountChangesTheHash();
};

namespace {
QJsonObject webTemplate(const char *extraLabels = "")
{
    const QByteArray json = QByteArray(R"({"metadata":{"labels":{"app":"web")") + extraLabels
        + R"(}},"spec":{"containers":[{"name":"web","image":"nginx:1.25"}]}})";
    return QJsonDocument::fromJson(json).object();
}
} // namespace

void TestPodTemplateHash::fnvAndSafeEncoding()
{
    // FNV-1a 32 of "a" is 0xe40c292c = 3826002220; each decimal digit maps through the
    // alphabet "bcdfghjklmnpqrstvwxz2456789" by its ASCII code modulo 27.
    QCOMPARE(PodTemplateHash::fnv1a32("a"), 3826002220u);
    QCOMPARE(PodTemplateHash::ofBytes("a"), QStringLiteral("7d6b446664"));
    QCOMPARE(PodTemplateHash::safeEncode("0123456789"), QStringLiteral("456789bcdf"));
}

void TestPodTemplateHash::templateHashIgnoresItsOwnLabel()
{
    const QString key = QStringLiteral("rollouts-pod-template-hash");
    QCOMPARE(PodTemplateHash::compute(webTemplate(), key), QStringLiteral("59bd5955b7"));
    QCOMPARE(
        PodTemplateHash::compute(webTemplate(R"(,"rollouts-pod-template-hash":"59bd5955b7")"), key),
        QStringLiteral("59bd5955b7"));
    QVERIFY(PodTemplateHash::compute(webTemplate(R"(,"tier":"front")"), key)
            != QStringLiteral("59bd5955b7"));
}

void TestPodTemplateHash::collisionCountChangesTheHash()
{
    QCOMPARE(PodTemplateHash::compute(webTemplate(), QStringLiteral("pod-template-hash"), 1),
             QStringLiteral("7656855f74"));
}

QTEST_GUILESS_MAIN(TestPodTemplateHash)
#include "tst_podtemplatehash.moc"
