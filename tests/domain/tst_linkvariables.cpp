// SPDX-License-Identifier: GPL-3.0-or-later
// `links:` URL templates (domain/config/linkvariables): the chart variables, the release's
// window and the old single-brace form, each value escaped for where it lands.
#include "environmentspec.h"
#include "linkvariables.h"
#include "rolloutdetail.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

namespace {

const QDateTime canaryCreated = QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC);
const QDateTime now = QDateTime::fromMSecsSinceEpoch(1700000600000, Qt::UTC);

ReplicaSet replicaSet(const QString &hash, const QDateTime &created)
{
    ReplicaSet set;
    set.metadata.name = QStringLiteral("checkout-") + hash;
    set.metadata.labels.insert(QStringLiteral("rollouts-pod-template-hash"), hash);
    set.metadata.creationTimestamp = created;
    return set;
}

// checkout in shop (prod), a canary abc12 over the stable 9f8e7.
RolloutDetail canaryDetail(const QString &environment = QStringLiteral("prod"))
{
    RolloutDetail detail;
    detail.environment = environment;
    detail.rollout.metadata.name = QStringLiteral("checkout");
    detail.rollout.metadata.namespaceName = QStringLiteral("shop");
    detail.rollout.metadata.uid = QStringLiteral("u1");
    detail.rollout.status.currentPodHash = QStringLiteral("abc12");
    detail.rollout.status.stableRS = QStringLiteral("9f8e7");
    detail.replicaSets = {replicaSet(QStringLiteral("abc12"), canaryCreated),
                          replicaSet(QStringLiteral("9f8e7"), canaryCreated.addDays(-3))};
    return detail;
}

QString expanded(const LinkVariables &variables, const QString &urlTemplate)
{
    const LinkUrl link = variables.expand(urlTemplate);
    return link.isAvailable() ? QString::fromLatin1(link.url.toEncoded()) : link.unavailable;
}

} // namespace

class TestLinkVariables : public QObject
{
    Q_OBJECT

private slots:
    void grafanaDashboard()
    {
        const auto variables
            = LinkVariables::forRollout(canaryDetail(), QStringLiteral("gke"), now);
        QCOMPARE(expanded(variables,
                          QStringLiteral("https://grafana.example.com/d/uid1/rollout?var-namespace="
                                         "{{namespace}}&var-rollout={{ rollout }}&var-pod="
                                         "{{pod_regex}}&from={{from}}&to={{to}}")),
                 QStringLiteral("https://grafana.example.com/d/uid1/rollout?var-namespace=shop"
                                "&var-rollout=checkout&var-pod=checkout-abc12-.%2A"
                                "&from=1700000000000&to=1700000600000"));
    }

    // Grafana Explore's left= is JSON: values JSON-escaped, the whole parameter encoded.
    void lokiExploreWithTheCanarysPods()
    {
        const auto variables
            = LinkVariables::forRollout(canaryDetail(), QStringLiteral("gke"), now);
        const LinkUrl link = variables.expand(QStringLiteral(
            "https://grafana.example.com/explore?orgId=1&left={\"datasource\":\"loki\","
            "\"queries\":[{\"refId\":\"A\",\"expr\":\"{namespace=\\\"{{namespace}}\\\", "
            "pod=~\\\"{{pod_regex}}\\\"}\"}],\"range\":{\"from\":\"{{from}}\","
            "\"to\":\"{{to}}\"}}"));
        QVERIFY2(link.isAvailable(), qPrintable(link.unavailable));
        const QUrlQuery query(link.url);
        QCOMPARE(query.queryItemValue(QStringLiteral("orgId")), QStringLiteral("1"));
        const QByteArray left
            = query.queryItemValue(QStringLiteral("left"), QUrl::FullyDecoded).toUtf8();
        QJsonParseError error;
        const QJsonObject json = QJsonDocument::fromJson(left, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(json.value(QStringLiteral("queries"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("expr")),
                 QStringLiteral(R"({namespace="shop", pod=~"checkout-abc12-.*"})"));
        QCOMPARE(json.value(QStringLiteral("range")).toObject().value(QStringLiteral("from")),
                 QStringLiteral("1700000000000"));
        // Encoded as a whole: no raw brace or quote reaches the browser.
        const QByteArray encoded = link.url.toEncoded();
        QVERIFY(!encoded.contains('"'));
        QVERIFY(encoded.contains("left=%7B%22datasource%22"));
    }

    // A template copied from the browser (already percent-encoded JSON) works the same.
    void encodedJsonTemplate()
    {
        const auto variables
            = LinkVariables::forRollout(canaryDetail(), QStringLiteral("gke"), now);
        const LinkUrl link = variables.expand(
            QStringLiteral("https://g/explore?left=%7B%22expr%22:%22{{rollout}}%22%7D"));
        QVERIFY2(link.isAvailable(), qPrintable(link.unavailable));
        QCOMPARE(QUrlQuery(link.url).queryItemValue(QStringLiteral("left"), QUrl::FullyDecoded),
                 QStringLiteral(R"({"expr":"checkout"})"));
    }

    void tempoSearchByService()
    {
        const auto variables
            = LinkVariables::forRollout(canaryDetail(), QStringLiteral("gke"), now);
        QCOMPARE(expanded(variables,
                          QStringLiteral("https://tempo.example.com/search?service.name="
                                         "{{rollout}}.{{namespace}}&start={{from}}&end={{to}}")),
                 QStringLiteral("https://tempo.example.com/search?service.name=checkout.shop"
                                "&start=1700000000000&end=1700000600000"));
    }

    // Spaces, quotes, &, #, / and non-ASCII cannot change the address's shape anywhere.
    void awkwardValues()
    {
        const QString awkward = QStringLiteral("a b\"c&d#e/f\u00e9{{rollout}}");
        const auto variables = LinkVariables::forRollout(canaryDetail(awkward), awkward, now);
        QCOMPARE(expanded(variables,
                          QStringLiteral("https://x/e/{{environment}}?q={{context}}"
                                         "&r=1#/p/{{environment}}?s={{environment}}")),
                 QStringLiteral("https://x/e/a%20b%22c%26d%23e%2Ff%C3%A9%7B%7Brollout%7D%7D"
                                "?q=a%20b%22c%26d%23e%2Ff%C3%A9%7B%7Brollout%7D%7D&r=1"
                                "#/p/a%20b%22c%26d%23e%2Ff%C3%A9%7B%7Brollout%7D%7D"
                                "?s=a%20b%22c%26d%23e%2Ff%C3%A9%7B%7Brollout%7D%7D"));
        const LinkUrl json
            = variables.expand(QStringLiteral(R"(https://x/?left={"e":"{{environment}}"})"));
        const QString left
            = QUrlQuery(json.url).queryItemValue(QStringLiteral("left"), QUrl::FullyDecoded);
        QCOMPARE(QJsonDocument::fromJson(left.toUtf8()).object().value(QStringLiteral("e")),
                 awkward);
    }

    void oldFormStillWorks()
    {
        const auto variables = LinkVariables::forWorkload(
            QStringLiteral("prod"), QStringLiteral("gke"), QStringLiteral("shop"),
            QStringLiteral("web"), QStringLiteral("not a rollout."));
        QCOMPARE(expanded(variables,
                          QStringLiteral("https://argocd/applications/{namespace}/{name}?c="
                                         "{context}&e={environment}&n={{name}}")),
                 QStringLiteral("https://argocd/applications/shop/web?c=gke&e=prod&n=web"));
        EnvironmentLink link {QStringLiteral("a"), QStringLiteral("https://a/{namespace}/{name}")};
        QCOMPARE(link.expanded(QStringLiteral("p"), QStringLiteral("c"), QStringLiteral("shop"),
                               QStringLiteral("a b/c")),
                 QStringLiteral("https://a/shop/a%20b%2Fc"));
        // A workload row has no canary: the link says why it cannot open.
        QCOMPARE(expanded(variables, QStringLiteral("https://g/?p={{pod_regex}}")),
                 QStringLiteral("Needs {{pod_regex}}: not a rollout."));
    }

    void unavailableWithoutCanary()
    {
        RolloutDetail detail = canaryDetail();
        detail.rollout.status.currentPodHash = detail.rollout.status.stableRS;
        const auto variables = LinkVariables::forRollout(detail, QStringLiteral("gke"), now);
        QCOMPARE(expanded(variables, QStringLiteral("https://g/?h={{canary_hash}}")),
                 QStringLiteral("Needs {{canary_hash}}: the rollout has no canary now."));
        // The last release's window: from when the stable's ReplicaSet was made.
        QCOMPARE(
            expanded(variables, QStringLiteral("https://g/?from={{from}}&s={{stable_pod_regex}}")),
            QStringLiteral("https://g/?from=1699740800000&s=checkout-9f8e7-.%2A"));
        detail.replicaSets.clear();
        QVERIFY(!LinkVariables::forRollout(detail, QString(), now)
                     .expand(QStringLiteral("https://g/?f={{from}}"))
                     .isAvailable());
    }

    void check_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("error");
        QTest::addRow("chart and link variables")
            << "https://g/{{canary_hash}}/{{stable_hash}}/{{revision}}/{{environment}}/{{context}}"
               "?{{name}}&{{pod_regex}}&{{canary_pod_regex}}&{{stable_pod_regex}}&{{from}}&{{to}}"
            << QString();
        QTest::addRow("old form") << "https://a/{namespace}/{name}" << QString();
        QTest::addRow("unknown")
            << "https://g/?x={{nmspace}}"
            << "unknown variable {{nmspace}} (known: canary_hash, canary_pod_regex, context, "
               "environment, from, name, namespace, pod_regex, revision, rollout, stable_hash, "
               "stable_pod_regex, to)";
        QTest::addRow("role only in charts") << "https://g/?x={{role}}"
                                             << "unknown variable {{role}} (known: canary_hash, "
                                                "canary_pod_regex, context, environment, from, "
                                                "name, namespace, pod_regex, revision, rollout, "
                                                "stable_hash, stable_pod_regex, to)";
        QTest::addRow("not closed") << "https://g/?x={{from"
                                    << "'{{from' is not closed with '}}'";
    }

    void check()
    {
        QFETCH(QString, url);
        QFETCH(QString, error);
        QString actual;
        QCOMPARE(LinkVariables::check(url, &actual), error.isEmpty());
        QCOMPARE(actual, error);
    }
};

QTEST_GUILESS_MAIN(TestLinkVariables)
#include "tst_linkvariables.moc"
