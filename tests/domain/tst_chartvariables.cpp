// SPDX-License-Identifier: GPL-3.0-or-later
// Chart query variables: the rollout's, the role's, a chart's own (which may use the others),
// and the exact errors for unknown, malformed and self-referring variables.
#include "../widgets/detailfixture.h"
#include "chartvariables.h"

#include <QTest>

class TestChartVariables : public QObject
{
    Q_OBJECT

private:
    ChartVariables m_rollout;

private slots:
    void initTestCase()
    {
        const DetailFixture fixture = DetailFixture::load(QStringLiteral("paused-canary.json"));
        QVERIFY2(fixture.error.isEmpty(), qPrintable(fixture.error));
        m_rollout = ChartVariables::forRollout(fixture.detail);
    }

    void rolloutVariables()
    {
        QCOMPARE(m_rollout.names(), ChartVariables::rolloutNames());
        QCOMPARE(m_rollout.value(QStringLiteral("namespace")), QStringLiteral("shop-prod"));
        QCOMPARE(m_rollout.value(QStringLiteral("rollout")), QStringLiteral("search"));
        QCOMPARE(m_rollout.value(QStringLiteral("environment")), QStringLiteral("prod"));
        QCOMPARE(m_rollout.value(QStringLiteral("canary_hash")), QStringLiteral("7f9c6d5b8"));
        QCOMPARE(m_rollout.value(QStringLiteral("stable_hash")), QStringLiteral("6b8d9c7f4"));
        QCOMPARE(m_rollout.value(QStringLiteral("revision")), QStringLiteral("7"));
    }

    void substitute()
    {
        QString out;
        QString error;
        QVERIFY(m_rollout.substitute(
            QStringLiteral("up{namespace=\"{{namespace}}\",hash=\"{{ canary_hash }}\"} "
                           "or up{hash=\"{{stable_hash}}\"}"),
            &out, &error));
        QCOMPARE(out,
                 QStringLiteral("up{namespace=\"shop-prod\",hash=\"7f9c6d5b8\"} "
                                "or up{hash=\"6b8d9c7f4\"}"));
        QVERIFY(m_rollout.substitute(QStringLiteral("no variables {x}"), &out, &error));
        QCOMPARE(out, QStringLiteral("no variables {x}"));
    }

    void roleVariables()
    {
        const ChartVariables canary
            = m_rollout.withRole(QStringLiteral("canary"), QStringLiteral("7f9c6d5b8"));
        QString out;
        QString error;
        QVERIFY(canary.substitute(
            QStringLiteral("x{pod=~\"{{pod_regex}}\",role=\"{{role}}\",h=\"{{hash}}\"}"), &out,
            &error));
        QCOMPARE(out,
                 QStringLiteral("x{pod=~\"search-7f9c6d5b8-.*\",role=\"canary\","
                                "h=\"7f9c6d5b8\"}"));
    }

    void chartVariablesUseTheRollouts()
    {
        ChartVariables variables
            = m_rollout.withRole(QStringLiteral("stable"), QStringLiteral("6b8d9c7f4"));
        variables.insert({{QStringLiteral("selector"),
                           QStringLiteral("namespace=\"{{namespace}}\",pod=~\"{{pod_regex}}\"")},
                          {QStringLiteral("window"), QStringLiteral("5m")}});
        QString out;
        QString error;
        QVERIFY2(
            variables.substitute(QStringLiteral("rate(x{{{selector}}}[{{window}}])"), &out, &error),
            qPrintable(error));
        QCOMPARE(
            out,
            QStringLiteral("rate(x{namespace=\"shop-prod\",pod=~\"search-6b8d9c7f4-.*\"}[5m])"));
    }

    void unknownVariable()
    {
        QString out = QStringLiteral("unchanged");
        QString error;
        QVERIFY(!m_rollout.substitute(QStringLiteral("x{h=\"{{hsh}}\"}"), &out, &error));
        QCOMPARE(error,
                 QStringLiteral("unknown variable {{hsh}} (known: canary_hash, environment, "
                                "namespace, revision, rollout, stable_hash)"));
        QCOMPARE(out, QStringLiteral("unchanged"));
        // {{hash}} exists only per role.
        QVERIFY(!m_rollout.substitute(QStringLiteral("{{hash}}"), &out, &error));
        QVERIFY(error.startsWith(QStringLiteral("unknown variable {{hash}} (known: ")));
    }

    void malformedReferences()
    {
        QString out;
        QString error;
        QVERIFY(!m_rollout.substitute(QStringLiteral("a {{ 1x }} b"), &out, &error));
        QCOMPARE(error, QStringLiteral("'{{ 1x }}' is not a variable reference"));
        QVERIFY(!m_rollout.substitute(QStringLiteral("a {{namespace"), &out, &error));
        QCOMPARE(error, QStringLiteral("'{{namespace' is not closed with '}}'"));
        QStringList names;
        QVERIFY(!ChartVariables::references(QStringLiteral("{{}}"), &names, &error));
        QCOMPARE(error, QStringLiteral("'{{}}' is not a variable reference"));
    }

    void selfReference()
    {
        ChartVariables variables = m_rollout;
        variables.insert(QStringLiteral("a"), QStringLiteral("x{{b}}"));
        variables.insert(QStringLiteral("b"), QStringLiteral("y{{a}}"));
        QString out;
        QString error;
        QVERIFY(!variables.substitute(QStringLiteral("{{a}}"), &out, &error));
        QCOMPARE(error, QStringLiteral("variable {{a}} refers to itself"));
    }

    void references()
    {
        QStringList names;
        QString error;
        QVERIFY(ChartVariables::references(
            QStringLiteral("{{ namespace }}{{hash}}-{{namespace}}{{pod_regex}}"), &names, &error));
        QCOMPARE(names,
                 (QStringList {QStringLiteral("namespace"), QStringLiteral("hash"),
                               QStringLiteral("pod_regex")}));
        QVERIFY(ChartVariables::isValidName(QStringLiteral("_a.b-c9")));
        QVERIFY(!ChartVariables::isValidName(QStringLiteral("9a")));
        QVERIFY(!ChartVariables::isValidName(QString()));
    }
};

QTEST_GUILESS_MAIN(TestChartVariables)
#include "tst_chartvariables.moc"
