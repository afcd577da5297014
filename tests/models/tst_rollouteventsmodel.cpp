// SPDX-License-Identifier: GPL-3.0-or-later
// RolloutEventsModel over a sequence of event lists: a new event on top is an insert, a
// repeated one a data change, an expired one a removal; rows show the rollout's own objects
// by what differs from its name and tint warnings. QAbstractItemModelTester watches from
// before the first value.
#include "rollouteventsmodel.h"

#include "../support/modelrows.h"

#include <QAbstractItemModelTester>
#include <QTest>

namespace {

const QDateTime now = QDateTime::fromString(QStringLiteral("2024-05-02T10:20:00Z"), Qt::ISODate);

Event makeEvent(const QString &uid, const QString &reason, const QString &kind, const QString &name,
                int secondsAgo, const QString &type = QStringLiteral("Normal"))
{
    Event e;
    e.metadata.uid = uid;
    e.metadata.name = uid;
    e.reason = reason;
    e.type = type;
    e.involvedObject.kind = kind;
    e.involvedObject.name = name;
    e.message = reason + QStringLiteral(" happened\nsecond line");
    e.count = 1;
    e.lastTimestamp = now.addSecs(-secondsAgo);
    return e;
}

const QList<int> shown
    = {RolloutEventsModel::LastSeen, RolloutEventsModel::Type, RolloutEventsModel::Reason,
       RolloutEventsModel::Object, RolloutEventsModel::Count};

} // namespace

class TestRolloutEventsModel : public QObject
{
    Q_OBJECT

private slots:
    void updatesInPlace()
    {
        RolloutEventsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ModelSignalLog log(&model);
        const QString rollout = QStringLiteral("search");
        QList<Event> events
            = {makeEvent(QStringLiteral("e2"), QStringLiteral("RolloutPaused"),
                         QStringLiteral("Rollout"), rollout, 30),
               makeEvent(QStringLiteral("e1"), QStringLiteral("BackOff"), QStringLiteral("Pod"),
                         QStringLiteral("search-7f9-x7k2p"), 90, QStringLiteral("Warning"))};
        model.setEvents(events, rollout, now);
        QCOMPARE(printTree(model, shown),
                 QStringLiteral("30s ago | Normal | RolloutPaused | this rollout\n"
                                "90s ago | Warning | BackOff | Pod 7f9-x7k2p\n"));
        QCOMPARE(log.take(), QStringList({QStringLiteral("insert 0-1 in top")}));
        QCOMPARE(model.warningCount(), 1);
        // One line per row, the whole message in the tooltip.
        QCOMPARE(text(model.index(0, 0), RolloutEventsModel::Message),
                 QStringLiteral("RolloutPaused happened second line"));
        QCOMPARE(model.index(0, RolloutEventsModel::Message).data(Qt::ToolTipRole),
                 QVariant(QStringLiteral("RolloutPaused happened\nsecond line")));
        // A warning: tinted throughout, its type red and bold.
        QCOMPARE(model.index(1, RolloutEventsModel::Message).data(DetailRoles::TintRole),
                 QVariant(int(DetailRoles::Tone::Warning)));
        QCOMPARE(model.index(1, RolloutEventsModel::Type).data(DetailRoles::ToneRole),
                 QVariant(int(DetailRoles::Tone::Failed)));
        QVERIFY(isBold(model.index(1, 0), RolloutEventsModel::Type));
        QVERIFY(!model.index(0, RolloutEventsModel::Message).data(DetailRoles::TintRole).isValid());

        // A new event on top, the warning repeats, the oldest expires later.
        Event again = events.at(1);
        again.count = 3;
        events = {makeEvent(QStringLiteral("e3"), QStringLiteral("AnalysisRunRunning"),
                            QStringLiteral("AnalysisRun"), QStringLiteral("search-7f9-7-2"), 5),
                  events.at(0), again};
        model.setEvents(events, rollout, now);
        QCOMPARE(log.take(),
                 QStringList(
                     {QStringLiteral("insert 0-0 in top"), QStringLiteral("change 2-2 in top")}));
        QCOMPARE(printTree(model, shown),
                 QStringLiteral("5s ago | Normal | AnalysisRunRunning | Analysis 7f9-7-2\n"
                                "30s ago | Normal | RolloutPaused | this rollout\n"
                                "90s ago | Warning | BackOff | Pod 7f9-x7k2p | \u00d73\n"));
        events.removeFirst();
        events.move(1, 0); // the warning is seen again, now the newest
        model.setEvents(events, rollout, now);
        QCOMPARE(log.take(),
                 QStringList({QStringLiteral("remove 0-0 in top"),
                              QStringLiteral("move 1-1 to 0 in top")}));
        QCOMPARE(printTree(model, {RolloutEventsModel::Reason}),
                 QStringLiteral("BackOff\nRolloutPaused\n"));
        // Another rollout's events, and the ReplicaSet of another name keeps its full name.
        model.setEvents({makeEvent(QStringLiteral("e9"), QStringLiteral("ScalingReplicaSet"),
                                   QStringLiteral("ReplicaSet"), QStringLiteral("cart-5d4"), 1)},
                        rollout, now, DetailUpdate::Reset);
        QCOMPARE(log.take(), QStringList({QStringLiteral("reset")}));
        QCOMPARE(text(model.index(0, 0), RolloutEventsModel::Object),
                 QStringLiteral("ReplicaSet/cart-5d4"));
        QCOMPARE(model.warningCount(), 0);
    }
};

QTEST_MAIN(TestRolloutEventsModel)
#include "tst_rollouteventsmodel.moc"
