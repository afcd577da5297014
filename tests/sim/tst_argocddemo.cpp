// SPDX-License-Identifier: GPL-3.0-or-later
// The demo's Argo CD in all three clusters (applications, sync and health at start, the
// GitOps guard in prod), and the real kubectl reaching it through the service proxy.
#include "argocdfixture.h"
#include "frozendemo.h"

#include "argocd/argocdapps.h"
#include "core/virtualclock.h"
#include "demo/demoscenario.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

class TestArgoCdDemo : public QObject
{
    Q_OBJECT

private:
    Scenario m_scenario;
    std::unique_ptr<Simulator> m_sim;

    const QJsonObject byName(const QString &cluster)
    {
        QJsonObject result;
        for (const QJsonObject &app : m_sim->cluster(cluster)->argoCdApps()->list())
            result.insert(app["metadata"]["name"].toString(), app);
        return result;
    }
    void play(int seconds)
    {
        for (int i = 0; i < seconds; ++i) {
            m_sim->clock().advance(1000);
            m_sim->reconcileOnce();
        }
    }
    QProcess::ExitStatus kubectl(const QStringList &args, QByteArray *out, QByteArray *err,
                                 int *code)
    {
        QProcess process;
        process.start(QStandardPaths::findExecutable(QStringLiteral("kubectl")),
                      QStringList {QStringLiteral("--kubeconfig"), m_sim->kubeconfigPath()} + args);
        process.waitForFinished(60000);
        *out = process.readAllStandardOutput();
        *err = process.readAllStandardError();
        *code = process.exitCode();
        return process.exitStatus();
    }

private slots:
    void initTestCase()
    {
        QString error;
        m_sim = startFrozenDemo(&m_scenario, &error);
        QVERIFY2(m_sim, qPrintable(error));
        play(15); // first deployments done; dev's checkout in its 30 s pause
    }

    void applicationsAtStart()
    {
        const QJsonObject dev = byName(QStringLiteral("dev"));
        QCOMPARE(dev.keys(),
                 (QStringList {"cart-dev", "checkout-dev", "search-api-dev", "storefront-dev"}));
        QCOMPARE(dev["cart-dev"]["status"]["sync"]["status"].toString(),
                 QStringLiteral("OutOfSync"));
        QCOMPARE(dev["cart-dev"]["status"]["health"]["status"].toString(),
                 QStringLiteral("Healthy"));
        for (const char *name : {"checkout-dev", "search-api-dev", "storefront-dev"})
            QCOMPARE(dev[name]["status"]["sync"]["status"].toString(), QStringLiteral("Synced"));
        QCOMPARE(dev["storefront-dev"]["status"]["sourceType"].toString(), QStringLiteral("Helm"));
        QCOMPARE(dev["storefront-dev"]["status"]["sync"]["revision"].toString(),
                 QStringLiteral("3.2.0"));
        QCOMPARE(dev["search-api-dev"]["status"]["sourceType"].toString(),
                 QStringLiteral("Kustomize"));
        QCOMPARE(dev["checkout-dev"]["status"]["health"]["status"].toString(),
                 QStringLiteral("Suspended"));
        const QJsonObject staging = byName(QStringLiteral("staging"));
        QCOMPARE(staging.keys(),
                 (QStringList {"checkout-staging", "frontend-staging", "payments-api-staging"}));
        const QJsonObject prod = byName(QStringLiteral("prod"));
        QCOMPARE(prod.keys(),
                 (QStringList {"checkout-prod", "payments-gateway-prod", "recommendations-prod",
                               "search-indexer-prod"}));
        for (const QJsonObject &cluster : {staging, prod}) {
            for (const QJsonValue &value : cluster)
                QCOMPARE(value.toObject().value("status")["sync"]["status"].toString(),
                         QStringLiteral("Synced"));
        }
        for (const QJsonValue &value : prod) {
            const QJsonObject app = value.toObject();
            QVERIFY(app["spec"]["syncPolicy"]["automated"]["selfHeal"].toBool());
            QVERIFY(!app.contains("operation")); // nothing auto-synced
        }
    }

    void stagingCheckoutTurnsDegraded()
    {
        // Its analysis fails a few minutes in and aborts the canary.
        for (int i = 0; i < 60; ++i) {
            play(5);
            if (byName(QStringLiteral("staging"))["checkout-staging"]["status"]["health"]["status"]
                == QStringLiteral("Degraded"))
                return;
        }
        QFAIL("checkout-staging never became Degraded");
    }

    void kubectlThroughTheServiceProxy()
    {
        // scripts/install-deps installs kubectl: its absence is a failure, not a skip.
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("kubectl")).isEmpty(),
                 "kubectl is not installed (scripts/install-deps)");
        const QString base = QString::fromLatin1(kArgoProxy);
        QByteArray out;
        QByteArray err;
        int code = 0;
        // No login needed for the version; kubectl cannot send the argocd.token cookie, so
        // the applications answer Argo CD's 401.
        kubectl({"--context", "dev", "get", "--raw", base + "/api/version"}, &out, &err, &code);
        QCOMPARE(code, 0);
        QCOMPARE(QJsonDocument::fromJson(out).object()["Version"].toString(),
                 QStringLiteral("v3.6.0+37ee009"));
        kubectl({"--context", "dev", "get", "--raw", base + "/api/v1/applications"}, &out, &err,
                &code);
        QVERIFY(code != 0);
        // Argo CD's 401 (the same context just read the version): kubectl's words for it.
        QVERIFY2(err.contains("must be logged in"), err.constData());
        kubectl({"--context", "dev-viewer", "create", "--raw",
                 base + "/api/v1/applications/cart-dev/sync", "-f", "/dev/null"},
                &out, &err, &code);
        QVERIFY(code != 0);
        QVERIFY2(err.contains("Forbidden") || err.contains("forbidden"), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestArgoCdDemo)
#include "tst_argocddemo.moc"
