// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/faultinjector.h"

#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace rdsim;

class TestFaultInjector : public QObject
{
    Q_OBJECT

private slots:
    void kindNames()
    {
        const QList<QPair<QString, FaultRule::Kind>> names {
            {"drop", FaultRule::Kind::Drop},           {"delay", FaultRule::Kind::Delay},
            {"status", FaultRule::Kind::Status},       {"truncate", FaultRule::Kind::Truncate},
            {"malformed", FaultRule::Kind::Malformed}, {"expire", FaultRule::Kind::Expire}};
        for (const auto &[name, kind] : names) {
            QCOMPARE(FaultRule::kindFromName(name), std::optional<FaultRule::Kind>(kind));
            QCOMPARE(FaultRule::kindName(kind), name);
        }
        QCOMPARE(FaultRule::kindFromName(QStringLiteral("Drop")),
                 std::optional<FaultRule::Kind>(FaultRule::Kind::Drop));
        QVERIFY(!FaultRule::kindFromName(QStringLiteral("explode")));
    }

    void matchesByMethodPathAndKind()
    {
        FaultInjector faults;
        FaultRule rule;
        rule.path = QRegularExpression(QStringLiteral("/rollouts"));
        rule.method = QStringLiteral("PATCH");
        faults.add(rule);
        QVERIFY(!faults.match("GET", "/apis/argoproj.io/v1alpha1/namespaces/a/rollouts/x", false,
                              false));
        QVERIFY(faults.match("PATCH", "/apis/argoproj.io/v1alpha1/namespaces/a/rollouts/x", false,
                             false));
        QVERIFY(faults.match("patch", "/apis/argoproj.io/v1alpha1/namespaces/a/rollouts/x", false,
                             false));
        QVERIFY(!faults.match("PATCH", "/api/v1/namespaces/a/pods/x", false, false));

        faults.clear();
        QCOMPARE(faults.ruleCount(), 0);
        FaultRule watches;
        watches.watchOnly = true;
        FaultRule lists;
        lists.listOnly = true;
        lists.status = 500;
        faults.add(watches);
        faults.add(lists);
        QCOMPARE(faults.ruleCount(), 2);
        QVERIFY(!faults.match("GET", "/api/v1/pods/x", false, false));
        QCOMPARE(faults.match("GET", "/api/v1/pods", false, true)->status, 500);
        QCOMPARE(faults.match("GET", "/api/v1/pods", true, false)->status, 503);
    }

    void countsEveryNthAndRemaining()
    {
        FaultInjector faults;
        FaultRule rule;
        rule.everyNth = 3;
        rule.remaining = 2;
        faults.add(rule);
        QList<bool> fired;
        for (int i = 0; i < 12; ++i)
            fired << faults.match("GET", "/version", false, false).has_value();
        QCOMPARE(fired,
                 (QList<bool> {false, false, true, false, false, true, false, false, false, false,
                               false, false}));
        // The returned copy shows the count left after this firing.
        FaultInjector once;
        FaultRule single;
        single.remaining = 1;
        once.add(single);
        QCOMPARE(once.match("GET", "/", false, false)->remaining, 0);
        QVERIFY(!once.match("GET", "/", false, false));
    }

    void firstFiringRuleWins()
    {
        FaultInjector faults;
        FaultRule skipped;
        skipped.everyNth = 2;
        skipped.status = 429;
        FaultRule fallback;
        fallback.status = 500;
        faults.add(skipped);
        faults.add(fallback);
        QCOMPARE(faults.match("GET", "/", false, false)->status, 500);
        QCOMPARE(faults.match("GET", "/", false, false)->status, 429);
    }

    void invalidPatternMatchesNothing()
    {
        FaultInjector faults;
        FaultRule rule;
        rule.path = QRegularExpression(QStringLiteral("(unclosed"));
        faults.add(rule);
        QVERIFY(!faults.match("GET", "/(unclosed", false, false));
    }

    void threadSafeCounting()
    {
        FaultInjector faults;
        FaultRule rule;
        rule.remaining = 1000;
        faults.add(rule);
        std::atomic<int> fired {0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&] {
                for (int i = 0; i < 500; ++i) {
                    if (faults.match("GET", "/", false, false))
                        ++fired;
                }
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        QCOMPARE(fired.load(), 1000);
    }
};

QTEST_GUILESS_MAIN(TestFaultInjector)
#include "tst_faultinjector.moc"
