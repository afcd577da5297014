// SPDX-License-Identifier: GPL-3.0-or-later
// An environment's `safetyNets:` block (domain/safetynets/safetynetsconfig.h, read by
// domain/config/endpointconfigsafetynets.cpp) and the `links:` templates checked at load time:
// values, defaults and the exact error for each kind of broken input.
#include "environmentconfig.h"
#include "linkvariables.h"
#include "rolloutdetail.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QUrlQuery>

class TestSafetyNetsConfig : public QObject
{
    Q_OBJECT

private slots:
    void fullBlock()
    {
        EnvironmentConfig config;
        QString error;
        QVERIFY2(EnvironmentConfig::fromYaml(R"(environments:
  - name: prod
    safetyNets:
      ciNamespaces: [argo, tekton-pipelines]
      ciLabels:
        app.kubernetes.io/name: "{{rollout}}"
        team: "{{ namespace }}-{{environment}}"
      argoWorkflowsUrl: https://workflows.example.com/
      tektonDashboardUrl: http://tekton.example.com:9097
      falco: false
)",
                                             QStringLiteral("c.yaml"), &config, &error),
                 qPrintable(error));
        const SafetyNetsConfig &nets = config.environments().first().safetyNets;
        QCOMPARE(nets.ciNamespaces,
                 QStringList({QStringLiteral("argo"), QStringLiteral("tekton-pipelines")}));
        QCOMPARE(nets.ciLabels.size(), 2);
        QCOMPARE(nets.ciLabels.at(0).first, QStringLiteral("app.kubernetes.io/name"));
        QCOMPARE(nets.ciLabels.at(0).second, QStringLiteral("{{rollout}}"));
        QCOMPARE(nets.ciLabels.at(1).second, QStringLiteral("{{ namespace }}-{{environment}}"));
        QCOMPARE(nets.argoWorkflowsUrl, QStringLiteral("https://workflows.example.com"));
        QCOMPARE(nets.tektonDashboardUrl, QStringLiteral("http://tekton.example.com:9097"));
        QCOMPARE(nets.falco, false);
    }

    void defaults()
    {
        EnvironmentConfig config;
        QString error;
        QVERIFY2(EnvironmentConfig::fromYaml("environments:\n  - name: a\n  - name: b\n"
                                             "    safetyNets: {}\n",
                                             QStringLiteral("c.yaml"), &config, &error),
                 qPrintable(error));
        for (const EnvironmentSpec &spec : config.environments()) {
            QCOMPARE(spec.safetyNets, SafetyNetsConfig {});
            QVERIFY(spec.safetyNets.falco); // Falco's counter is queried unless turned off
        }
        EnvironmentSpec changed = config.environments().first();
        changed.safetyNets.falco = false;
        QVERIFY(changed != config.environments().first());
    }

    void newStyleLinks()
    {
        EnvironmentConfig config;
        QString error;
        // The JSON of Grafana Explore, with a LogQL selector quoted inside it.
        const QByteArray yaml
            = "environments:\n  - name: prod\n    links:\n      - name: Logs\n        url: "
              "'https://grafana/explore?left={\"queries\":[{\"expr\":\"{pod=~\\\"{{pod_regex}}"
              "\\\"}\"}],\"range\":{\"from\":\"{{from}}\",\"to\":\"{{to}}\"}}'\n";
        QVERIFY2(EnvironmentConfig::fromYaml(yaml, QStringLiteral("c.yaml"), &config, &error),
                 qPrintable(error));
        QCOMPARE(config.environments().first().links.size(), 1);
    }

    // The header's commented example (the fuzzer's seed, scripts/fuzz `example`) is a valid
    // file with a safetyNets block and links of both forms.
    void documentedExample()
    {
        QFile header(QStringLiteral(RD_SOURCE_DIR "/domain/config/environmentconfig.h"));
        QVERIFY(header.open(QIODevice::ReadOnly | QIODevice::Text));
        QByteArray yaml;
        bool started = false;
        static const QRegularExpression key(QStringLiteral("^ *[a-zA-Z-]*:"));
        for (const QByteArray &line : header.readAll().split('\n')) {
            // As the script's sed: "//  " and an optional third space.
            if (!line.startsWith("//  "))
                continue;
            const QByteArray text = line.mid(line.startsWith("//   ") ? 5 : 4);
            started = started || key.match(QString::fromUtf8(text)).hasMatch();
            if (started)
                yaml += text + '\n';
        }
        EnvironmentConfig config;
        QString error;
        QVERIFY2(EnvironmentConfig::fromYaml(yaml, QStringLiteral("h.yaml"), &config, &error),
                 qPrintable(error));
        const EnvironmentSpec &spec = config.environments().first();
        QCOMPARE(spec.links.size(), 3);
        QCOMPARE(spec.safetyNets.ciNamespaces.size(), 2);
        QCOMPARE(spec.safetyNets.tektonDashboardUrl, QStringLiteral("https://tekton.example.com"));
    }

    // docs/cli.md's examples of links: and safetyNets: load, and the Loki and Tempo links
    // carry the canary's selector and the service inside their JSON.
    void documentedInTheManual()
    {
        QFile manual(QStringLiteral(RD_SOURCE_DIR "/docs/cli.md"));
        QVERIFY(manual.open(QIODevice::ReadOnly | QIODevice::Text));
        const QString text = QString::fromUtf8(manual.readAll());
        for (const char *heading :
             {"### Links out (`links:`)", "### Safety nets (`safetyNets:`)"}) {
            const qsizetype at = text.indexOf(QLatin1String(heading));
            QVERIFY2(at >= 0, heading);
            const qsizetype start = text.indexOf(QLatin1String("```yaml\n"), at) + 8;
            const QString yaml = text.mid(start, text.indexOf(QLatin1String("```"), start) - start);
            EnvironmentConfig config;
            QString error;
            QVERIFY2(EnvironmentConfig::fromYaml(yaml.toUtf8(), QStringLiteral("cli.md"), &config,
                                                 &error),
                     qPrintable(error));
            const EnvironmentSpec &spec = config.environments().first();
            if (spec.links.isEmpty()) {
                QCOMPARE(spec.safetyNets.falco, false);
                continue;
            }
            QCOMPARE(spec.links.size(), 4);
            RolloutDetail detail;
            detail.environment = spec.name;
            detail.rollout.metadata.name = QStringLiteral("checkout");
            detail.rollout.metadata.namespaceName = QStringLiteral("shop");
            detail.rollout.status.currentPodHash = QStringLiteral("abc12");
            detail.rollout.status.stableRS = QStringLiteral("9f8e7");
            ReplicaSet canary;
            canary.metadata.labels.insert(QStringLiteral("rollouts-pod-template-hash"),
                                          QStringLiteral("abc12"));
            canary.metadata.creationTimestamp = QDateTime::currentDateTimeUtc().addSecs(-60);
            detail.replicaSets = {canary};
            const LinkVariables variables
                = LinkVariables::forRollout(detail, spec.context, QDateTime::currentDateTimeUtc());
            const auto expression = [&](int link, const char *key) {
                const LinkUrl url = variables.expand(spec.links.at(link).url);
                const QString left
                    = QUrlQuery(url.url).queryItemValue(QStringLiteral("left"), QUrl::FullyDecoded);
                return QJsonDocument::fromJson(left.toUtf8())
                    .object()
                    .value(QStringLiteral("queries"))
                    .toArray()
                    .first()
                    .toObject()
                    .value(QLatin1String(key))
                    .toString();
            };
            QCOMPARE(expression(1, "expr"),
                     QStringLiteral("{namespace=\"shop\", pod=~\"checkout-abc12-.*\"}"));
            QCOMPARE(expression(2, "query"),
                     QStringLiteral("{resource.service.name=\"checkout\"}"));
        }
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("error");
        const QByteArray head("environments:\n  - name: a\n    safetyNets:\n");
        QTest::addRow("not a map")
            << QByteArray("environments:\n  - name: a\n    safetyNets: yes\n")
            << "c.yaml:3: environments[0].safetyNets: must be a mapping of "
               "ciNamespaces, ciLabels, argoWorkflowsUrl, "
               "tektonDashboardUrl and falco";
        QTest::addRow("unknown key")
            << head + "      ciNamespace: [argo]\n"
            << "c.yaml:4: environments[0].safetyNets: unknown key 'ciNamespace' (expected one of: "
               "ciNamespaces, ciLabels, argoWorkflowsUrl, tektonDashboardUrl, falco)";
        QTest::addRow("namespaces not a list")
            << head + "      ciNamespaces: argo\n"
            << "c.yaml:4: environments[0].safetyNets.ciNamespaces: must be a list of namespace "
               "names";
        QTest::addRow("bad namespace")
            << head + "      ciNamespaces: [argo, Tekton_CI]\n"
            << "c.yaml:4: environments[0].safetyNets.ciNamespaces[1]: 'Tekton_CI' is not a "
               "namespace name (lowercase letters, digits and '-', at most 63)";
        QTest::addRow("namespace twice")
            << head + "      ciNamespaces:\n        - argo\n        - argo\n"
            << "c.yaml:6: environments[0].safetyNets.ciNamespaces[1]: 'argo' is listed twice";
        QTest::addRow("namespace not a string")
            << head + "      ciNamespaces: [[argo]]\n"
            << "c.yaml:4: environments[0].safetyNets.ciNamespaces[0]: must be a string";
        QTest::addRow("labels not a map")
            << head + "      ciLabels: [app]\n"
            << "c.yaml:4: environments[0].safetyNets.ciLabels: must be a mapping of label name "
               "to value";
        QTest::addRow("bad label name")
            << head + "      ciLabels:\n        \"-app\": x\n"
            << "c.yaml:5: environments[0].safetyNets.ciLabels: '-app' is not a label name";
        QTest::addRow("label value not a string")
            << head + "      ciLabels:\n        app: [x]\n"
            << "c.yaml:5: environments[0].safetyNets.ciLabels.app: must be a string";
        QTest::addRow("label unknown variable")
            << head + "      ciLabels:\n        app: \"{{rolout}}\"\n"
            << "c.yaml:5: environments[0].safetyNets.ciLabels.app: unknown variable {{rolout}} "
               "(known: canary_hash, environment, namespace, revision, rollout, stable_hash)";
        QTest::addRow("label malformed reference")
            << head + "      ciLabels:\n        app: \"{{rollout\"\n"
            << "c.yaml:5: environments[0].safetyNets.ciLabels.app: '{{rollout' is not closed "
               "with '}}'";
        QTest::addRow("argo url not http")
            << head + "      argoWorkflowsUrl: ftp://workflows\n"
            << "c.yaml:4: environments[0].safetyNets.argoWorkflowsUrl: 'ftp://workflows' is not "
               "an http or https URL";
        QTest::addRow("tekton url with query")
            << head + "      tektonDashboardUrl: https://tekton/?x=1\n"
            << "c.yaml:4: environments[0].safetyNets.tektonDashboardUrl: 'https://tekton/?x=1' "
               "must not have a query or fragment";
        QTest::addRow("url with credentials")
            << head + "      argoWorkflowsUrl: https://u:secret@workflows\n"
            << "c.yaml:4: environments[0].safetyNets.argoWorkflowsUrl: must not contain "
               "credentials";
        QTest::addRow("url not a string")
            << head + "      argoWorkflowsUrl: {a: b}\n"
            << "c.yaml:4: environments[0].safetyNets.argoWorkflowsUrl: must be a string";
        QTest::addRow("falco not a bool")
            << head + "      falco: sometimes\n"
            << "c.yaml:4: environments[0].safetyNets.falco: must be true or false";
        QTest::addRow("link unknown variable")
            << QByteArray("environments:\n  - name: a\n    links:\n      - name: Logs\n"
                          "        url: https://g/?q={{canary}}\n")
            << "c.yaml:5: environments[0].links[0].url: unknown variable {{canary}} (known: "
               "canary_hash, canary_pod_regex, context, environment, from, name, namespace, "
               "pod_regex, revision, rollout, stable_hash, stable_pod_regex, to)";
        QTest::addRow("link malformed variable")
            << QByteArray("environments:\n  - name: a\n    links:\n      - name: Logs\n"
                          "        url: https://g/?q={{ 1x }}\n")
            << "c.yaml:5: environments[0].links[0].url: '{{ 1x }}' is not a variable reference";
    }

    void errors()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, error);
        EnvironmentConfig config;
        QString actual;
        QVERIFY(!EnvironmentConfig::fromYaml(yaml, QStringLiteral("c.yaml"), &config, &actual));
        QCOMPARE(actual, error);
    }
};

QTEST_GUILESS_MAIN(TestSafetyNetsConfig)
#include "tst_safetynetsconfig.moc"
