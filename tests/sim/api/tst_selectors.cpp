// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/selectors.h"
#include "core/resourcecatalog.h"

#include <QJsonObject>
#include <QTest>

using namespace rdsim;

class TestSelectors : public QObject
{
    Q_OBJECT

private:
    static QJsonObject labels(std::initializer_list<std::pair<const char *, const char *>> pairs)
    {
        QJsonObject object;
        for (const auto &[key, value] : pairs)
            object.insert(QString::fromLatin1(key), QString::fromLatin1(value));
        return object;
    }

private slots:
    void labelMatches_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::addColumn<bool>("web"); // {app: web, tier: front}
        QTest::addColumn<bool>("api"); // {app: api}
        QTest::addColumn<bool>("none"); // {}
        QTest::newRow("empty") << "" << true << true << true;
        QTest::newRow("equals") << "app=web" << true << false << false;
        QTest::newRow("double equals") << "app==web" << true << false << false;
        QTest::newRow("not equals matches missing") << "app!=web" << false << true << true;
        QTest::newRow("in") << "app in (web, db)" << true << false << false;
        QTest::newRow("notin matches missing") << "app notin (web)" << false << true << true;
        QTest::newRow("exists") << "tier" << true << false << false;
        QTest::newRow("not exists") << "!tier" << false << true << true;
        QTest::newRow("and") << "app in (web,api),!tier" << false << true << false;
        QTest::newRow("spaces") << "  app = web ,  tier  " << true << false << false;
        QTest::newRow("empty value") << "tier=" << false << false << false;
        QTest::newRow("prefixed key") << "example.com/x!=1" << true << true << true;
    }

    void labelMatches()
    {
        QFETCH(QString, selector);
        QString error;
        const auto parsed = LabelSelector::parse(selector, &error);
        QVERIFY2(parsed, qPrintable(error));
        QTEST(parsed->matches(labels({{"app", "web"}, {"tier", "front"}})), "web");
        QTEST(parsed->matches(labels({{"app", "api"}})), "api");
        QTEST(parsed->matches(QJsonObject()), "none");
    }

    void labelErrors_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::addColumn<QString>("error");
        QTest::newRow("in without parens")
            << "a in b"
            << "unable to parse requirement: found 'b', expected: '('";
        QTest::newRow("empty set") << "a in ()"
                                   << "unable to parse requirement: for 'in', the set of values "
                                      "can't be empty";
        QTest::newRow("unclosed set") << "a notin (x"
                                      << "unable to parse requirement: found 'end of string', "
                                         "expected: ',' or ')'";
        QTest::newRow("unknown operator")
            << "a b"
            << "unable to parse requirement: found 'b', expected: '=', '!=', '==', "
               "'in', 'notin'";
        QTest::newRow("leading comma") << ",a"
                                       << "unable to parse requirement: found ',', expected: !, "
                                          "identifier";
        QTest::newRow("trailing comma") << "a=b,"
                                        << "unable to parse requirement: found 'end of string', "
                                           "expected: !, identifier";
        QTest::newRow("two values") << "a=b c"
                                    << "unable to parse requirement: found 'c', expected: ',' or "
                                       "'end of string'";
        QTest::newRow("bad key") << "-a=b"
                                 << "unable to parse requirement: invalid label key \"-a\": name "
                                    "part must consist of alphanumeric characters, '-', '_' or "
                                    "'.', and must start and end with an alphanumeric character "
                                    "(at most 63 characters)";
        QTest::newRow("bad value") << "a=b$"
                                   << "unable to parse requirement: invalid label value \"b$\": "
                                      "must be 63 characters or less and consist of alphanumeric "
                                      "characters, '-', '_' or '.', starting and ending with an "
                                      "alphanumeric character";
        QTest::newRow("negated with operator")
            << "!a=b"
            << "unable to parse requirement: found '=', expected: ',' or 'end of string'";
    }

    void labelErrors()
    {
        QFETCH(QString, selector);
        QString error;
        QVERIFY(!LabelSelector::parse(selector, &error));
        QTEST(error, "error");
    }

    void fieldSelectors()
    {
        const ResourceType *rollouts
            = ResourceCatalog::find(QStringLiteral("argoproj.io"), QStringLiteral("rollouts"));
        QVERIFY(rollouts);
        const QJsonObject web {{"metadata", QJsonObject {{"name", "web"}, {"namespace", "shop"}}}};
        const QJsonObject api {{"metadata", QJsonObject {{"name", "api"}, {"namespace", "shop"}}}};
        QString error;
        auto selector
            = FieldSelector::parse(QStringLiteral("metadata.name=web"), *rollouts, &error);
        QVERIFY(selector);
        QVERIFY(selector->matches(web));
        QVERIFY(!selector->matches(api));
        selector = FieldSelector::parse(
            QStringLiteral("metadata.name!=web,metadata.namespace==shop"), *rollouts, &error);
        QVERIFY(selector);
        QVERIFY(!selector->matches(web));
        QVERIFY(selector->matches(api));
        selector = FieldSelector::parse(QString(), *rollouts, &error);
        QVERIFY(selector && selector->isEmpty() && selector->matches(web));
    }

    void fieldSelectorErrors()
    {
        const ResourceType *rollouts
            = ResourceCatalog::find(QStringLiteral("argoproj.io"), QStringLiteral("rollouts"));
        QString error;
        QVERIFY(!FieldSelector::parse(QStringLiteral("status.phase=Paused"), *rollouts, &error));
        QCOMPARE(error, QStringLiteral("field label not supported: status.phase"));
        QVERIFY(!FieldSelector::parse(QStringLiteral("metadata.name"), *rollouts, &error));
        QCOMPARE(error,
                 QStringLiteral("invalid selector: 'metadata.name'; can't understand "
                                "'metadata.name'"));
    }

    void podAndEventFields()
    {
        const ResourceType *pods = ResourceCatalog::find(QString(), QStringLiteral("pods"));
        const ResourceType *events = ResourceCatalog::find(QString(), QStringLiteral("events"));
        QVERIFY(pods && events);
        QString error;
        const auto running
            = FieldSelector::parse(QStringLiteral("status.phase=Running"), *pods, &error);
        QVERIFY(running);
        QVERIFY(running->matches(QJsonObject {{"status", QJsonObject {{"phase", "Running"}}}}));
        QVERIFY(!running->matches(QJsonObject {{"status", QJsonObject {{"phase", "Pending"}}}}));
        const auto involved = FieldSelector::parse(
            QStringLiteral("involvedObject.name=web,involvedObject.kind=Rollout"), *events, &error);
        QVERIFY(involved);
        QVERIFY(involved->matches(
            QJsonObject {{"involvedObject", QJsonObject {{"name", "web"}, {"kind", "Rollout"}}}}));
    }
};

QTEST_GUILESS_MAIN(TestSelectors)
#include "tst_selectors.moc"
