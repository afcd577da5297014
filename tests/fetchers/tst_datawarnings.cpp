// SPDX-License-Identifier: GPL-3.0-or-later
// A field no type can hold (spec.replicas of 2^64−1) is not shown as a plausible value
// without a word: the informer reports it with the environment's state, until the object
// reads cleanly again.
#include "datawarnings.h"
#include "informer.h"
#include "recordingsink.h"
#include "unreadableserver.h"

#include <QTest>

#include <mutex>
#include <thread>

namespace {

const QString unreadable
    = QStringLiteral("rollouts.argoproj.io shop/checkout: spec.replicas: integer out of range");

} // namespace

class TestDataWarnings : public QObject
{
    Q_OBJECT

private slots:
    void texts()
    {
        QCOMPARE(DataWarnings::text(QStringLiteral("rollouts.argoproj.io"),
                                    QStringLiteral("shop/checkout"),
                                    DecodeIssue {QStringLiteral("items[12].spec.replicas"),
                                                 QStringLiteral("integer out of range")}),
                 unreadable);
        QCOMPARE(DataWarnings::itemIndex(DecodeIssue {QStringLiteral("items[12].spec"), {}}), 12);
        QCOMPARE(DataWarnings::itemIndex(DecodeIssue {QStringLiteral("object.spec"), {}}), -1);
    }

    void perObjectAndBounded()
    {
        DataWarnings warnings;
        QVERIFY(warnings.set(QStringLiteral("a"), {QStringLiteral("a1"), QStringLiteral("a2")}));
        QVERIFY(!warnings.set(QStringLiteral("a"), {QStringLiteral("a1"), QStringLiteral("a2")}));
        QVERIFY(warnings.set(QStringLiteral("b"), {QStringLiteral("b1")}));
        QVERIFY(warnings.set(QStringLiteral("a"), {})); // a reads cleanly now
        QCOMPARE(warnings.texts(), QStringList {QStringLiteral("b1")});
        for (int i = 0; i < 50; ++i)
            warnings.set(QString::number(i), {QStringLiteral("w%1").arg(i)});
        QCOMPARE(warnings.texts().size(), DataWarnings::Max);
        QCOMPARE(warnings.texts().last(), QStringLiteral("w49"));
    }

    void informerReportsAndClears()
    {
        UnreadableServer server;
        RecordingSink sink;
        CancelToken cancel;
        InformerSpec spec;
        spec.kind = WorkloadKind::Rollout;
        Informer informer(0, spec, server.connection(), InformerOptions(), &sink, cancel);
        std::thread thread([&] { informer.run(); });

        QTRY_COMPARE_WITH_TIMEOUT(sink.last().dataWarnings, QStringList {unreadable}, 10000);
        QCOMPARE(sink.last().kind, ConnectionState::Live);
        server.repair();
        QTRY_COMPARE_WITH_TIMEOUT(sink.last().dataWarnings, QStringList(), 10000);
        QCOMPARE(sink.last().kind, ConnectionState::Live);

        cancel.cancel();
        thread.join();
    }
};

QTEST_GUILESS_MAIN(TestDataWarnings)
#include "tst_datawarnings.moc"
