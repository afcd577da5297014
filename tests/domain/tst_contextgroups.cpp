// SPDX-License-Identifier: GPL-3.0-or-later
// Contexts grouped by cluster (one cluster, one environment), the environments' YAML read
// back by the config parser, and the terminal command of every action.

#include "contextgroups.h"
#include "environmentconfig.h"
#include "kubectlcommand.h"
#include <QTest>

class TestContextGroups : public QObject
{
    Q_OBJECT

private slots:
    void oneClusterIsOneEnvironment()
    {
        const QString prod = QStringLiteral("https://prod.example.com:6443");
        const QString staging = QStringLiteral("https://staging.example.com:6443");
        const QList<ContextGroup> groups = ContextGroups::group(
            {{QStringLiteral("prod-viewer"), prod, QStringLiteral("viewer"),
              QStringLiteral("arn:aws:eks:eu-west-1:1:cluster/prod")},
             {QStringLiteral("prod"), prod, QStringLiteral("admin"),
              QStringLiteral("arn:aws:eks:eu-west-1:1:cluster/prod")},
             {QStringLiteral("staging-deployer"), staging, QStringLiteral("deployer"),
              QStringLiteral("staging-eu")},
             {QStringLiteral("prod-deployer"), prod, QStringLiteral("deployer"),
              QStringLiteral("arn:aws:eks:eu-west-1:1:cluster/prod")},
             {QStringLiteral("staging-viewer"), staging, QStringLiteral("viewer"),
              QStringLiteral("staging-eu")},
             {QStringLiteral("orphan"), QString(), QString(), QString()}},
            QStringLiteral("staging-deployer"));
        QCOMPARE(groups.size(), 3);
        QCOMPARE(groups.at(0).server, prod);
        QCOMPARE(groups.at(0).contexts,
                 QStringList({QStringLiteral("prod-viewer"), QStringLiteral("prod"),
                              QStringLiteral("prod-deployer")}));
        QCOMPARE(groups.at(0).chosen, QStringLiteral("prod")); // the shortest name
        QCOMPARE(groups.at(1).chosen, QStringLiteral("staging-deployer")); // the current one
        // Named after the cluster when its name is one to read, else after the context.
        QCOMPARE(groups.at(0).environmentName, QStringLiteral("prod"));
        QCOMPARE(groups.at(1).environmentName, QStringLiteral("staging-eu"));
        QCOMPARE(groups.at(2).contexts, QStringList {QStringLiteral("orphan")});

        const QList<EnvironmentSpec> specs = ContextGroups::environments(groups);
        QCOMPARE(specs.size(), 3);
        QCOMPARE(specs.at(1).name, QStringLiteral("staging-eu"));
        QCOMPARE(specs.at(1).context, QStringLiteral("staging-deployer"));
        QCOMPARE(specs.at(1).order, 1);
    }

    void yamlReadsBack()
    {
        EnvironmentSpec prod;
        prod.name = QStringLiteral("prod");
        prod.context = QStringLiteral("prod-admin");
        prod.colour = QStringLiteral("#c0392b");
        prod.isProtected = true;
        EnvironmentSpec odd;
        odd.name = QStringLiteral("qa: \"east\"");
        odd.context = QStringLiteral("qa");
        odd.readOnly = true;
        odd.order = 1;
        const QByteArray yaml = ContextGroups::toYaml({prod, odd});
        EnvironmentConfig config;
        QString error;
        QVERIFY2(EnvironmentConfig::fromYaml(yaml, QStringLiteral("saved.yaml"), &config, &error),
                 qPrintable(error + QLatin1Char('\n') + QString::fromUtf8(yaml)));
        QCOMPARE(config.environments().size(), 2);
        QCOMPARE(config.environments().at(0).name, QStringLiteral("prod"));
        QCOMPARE(config.environments().at(0).context, QStringLiteral("prod-admin"));
        QCOMPARE(config.environments().at(0).colour, QStringLiteral("#c0392b"));
        QVERIFY(config.environments().at(0).isProtected);
        QCOMPARE(config.environments().at(1).name, QStringLiteral("qa: \"east\""));
        QVERIFY(config.environments().at(1).readOnly);
    }

    void kubectlCommands_data()
    {
        QTest::addColumn<int>("action");
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("expected");
        const auto row = [](RolloutAction action, const char *context, const char *expected) {
            QTest::addRow("%s %s", qPrintable(rolloutActionId(action)), context)
                << int(action) << QString::fromLatin1(context) << QString::fromUtf8(expected);
        };
        row(RolloutAction::Pause, "prod",
            "kubectl argo rollouts pause checkout -n shop --context prod");
        row(RolloutAction::Resume, "prod",
            "kubectl patch rollouts.argoproj.io checkout -n shop --context prod --type merge -p "
            "'{\"spec\":{\"paused\":false}}'");
        row(RolloutAction::Promote, "", "kubectl argo rollouts promote checkout -n shop");
        row(RolloutAction::PromoteFull, "prod",
            "kubectl argo rollouts promote checkout -n shop --context prod --full");
        row(RolloutAction::Abort, "arn:aws:eks:eu-west-1:1:cluster/prod",
            "kubectl argo rollouts abort checkout -n shop --context "
            "arn:aws:eks:eu-west-1:1:cluster/prod");
        row(RolloutAction::Retry, "my ctx",
            "kubectl argo rollouts retry rollout checkout -n shop "
            "--context 'my ctx'");
        row(RolloutAction::Restart, "it's",
            "kubectl argo rollouts restart checkout -n shop "
            "--context 'it'\\''s'");
    }

    void kubectlCommands()
    {
        QFETCH(int, action);
        QFETCH(QString, context);
        QFETCH(QString, expected);
        QCOMPARE(KubectlCommand::forAction(RolloutAction(action), context, QStringLiteral("shop"),
                                           QStringLiteral("checkout")),
                 expected);
    }

    void undoNamesTheRevision()
    {
        QCOMPARE(KubectlCommand::forAction(RolloutAction::Undo, QStringLiteral("dev"),
                                           QStringLiteral("shop"), QStringLiteral("cart"), 3),
                 QStringLiteral("kubectl argo rollouts undo cart -n shop --context dev "
                                "--to-revision=3"));
        QCOMPARE(KubectlCommand::forAction(RolloutAction::Undo, QStringLiteral("dev"),
                                           QStringLiteral("shop"), QStringLiteral("cart")),
                 QStringLiteral("kubectl argo rollouts undo cart -n shop --context dev"));
    }
};

QTEST_GUILESS_MAIN(TestContextGroups)
#include "tst_contextgroups.moc"
