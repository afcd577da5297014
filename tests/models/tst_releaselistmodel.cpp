// SPDX-License-Identifier: GPL-3.0-or-later
#include "releasefilterproxy.h"
#include "releaselistmodel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>
#include <QTest>

namespace {

const QDateTime t0 = QDateTime(QDate(2024, 5, 1), QTime(9, 0), Qt::UTC);

ReleaseSummary release(qint64 id, const QString &environment, const QString &workload,
                       qint64 revision, qint64 startMinutes, qint64 lengthSeconds,
                       ReleaseOutcome outcome)
{
    ReleaseSummary summary;
    summary.id = id;
    summary.key = {environment, workload + QStringLiteral("-uid"), revision};
    summary.namespaceName = QStringLiteral("shop");
    summary.workload = workload;
    summary.strategy = QStringLiteral("Canary");
    summary.podTemplateHash = QStringLiteral("h") + QString::number(id);
    summary.images = {QStringLiteral("ghcr.io/acme/") + workload + QStringLiteral(":1.")
                      + QString::number(revision)};
    summary.startedAt = t0.addSecs(startMinutes * 60);
    if (lengthSeconds >= 0)
        summary.endedAt = summary.startedAt.addSecs(lengthSeconds);
    summary.outcome = outcome;
    return summary;
}

// Newest first, as the database answers.
QList<ReleaseSummary> sample()
{
    ReleaseSummary partial = release(1, QStringLiteral("prod"), QStringLiteral("checkout"), 9, 0,
                                     252, ReleaseOutcome::Promoted);
    partial.partiallyObserved = true;
    partial.firstObservedAt = t0.addSecs(60);
    ReleaseSummary deleted = release(4, QStringLiteral("staging"), QStringLiteral("cart"), 2, 30,
                                     -1, ReleaseOutcome::Deleted);
    deleted.workloadDeletedAt = t0.addSecs(40 * 60);
    ReleaseSummary api = release(3, QStringLiteral("staging"), QStringLiteral("api"), 10, 20, 30,
                                 ReleaseOutcome::Aborted);
    api.namespaceName = QStringLiteral("backend");
    return {
        deleted,
        api,
        release(2, QStringLiteral("prod"), QStringLiteral("Checkout-v2"), 1, 10, -1,
                ReleaseOutcome::InProgress),
        partial,
    };
}

} // namespace

class TestReleaseListModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ReleaseListModel> m_model;
    std::unique_ptr<ReleaseFilterProxy> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;

    QStringList workloads() const
    {
        QStringList list;
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            list.append(m_proxy->index(row, ReleaseListModel::WorkloadColumn).data().toString());
        return list;
    }

private slots:
    void init()
    {
        m_model = std::make_unique<ReleaseListModel>();
        m_proxy = std::make_unique<ReleaseFilterProxy>();
        m_modelTester = std::make_unique<QAbstractItemModelTester>(m_model.get());
        m_proxy->setSourceModel(m_model.get());
        m_proxyTester = std::make_unique<QAbstractItemModelTester>(m_proxy.get());
        m_model->setReleases(sample());
    }
    void cleanup()
    {
        m_proxyTester.reset();
        m_modelTester.reset();
        m_proxy.reset();
        m_model.reset();
    }

    void durations()
    {
        QCOMPARE(ReleaseListModel::durationText(-1), QString());
        QCOMPARE(ReleaseListModel::durationText(400), QStringLiteral("0 s"));
        QCOMPARE(ReleaseListModel::durationText(42'999), QStringLiteral("42 s"));
        QCOMPARE(ReleaseListModel::durationText(252'000), QStringLiteral("4 min 12 s"));
        QCOMPARE(ReleaseListModel::durationText(240'000), QStringLiteral("4 min"));
        QCOMPARE(ReleaseListModel::durationText((2 * 60 + 5) * 60'000),
                 QStringLiteral("2 h 5 min"));
        QCOMPARE(ReleaseListModel::durationText(3 * 3'600'000), QStringLiteral("3 h"));
        QCOMPARE(ReleaseListModel::durationText((3 * 24 + 4) * 3'600'000LL),
                 QStringLiteral("3 d 4 h"));
    }

    void textsAndRoles()
    {
        QCOMPARE(m_model->rowCount(), 4);
        QCOMPARE(m_model->columnCount(), 9);
        QCOMPARE(m_model->headerData(ReleaseListModel::NotesColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Notes"));
        const auto texts = [this](int row) {
            QStringList list;
            for (int column = 0; column < m_model->columnCount(); ++column)
                list.append(m_model->index(row, column).data().toString());
            return list;
        };
        const QString started = t0.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        QCOMPARE(texts(3),
                 QStringList({started, QStringLiteral("prod"), QStringLiteral("shop"),
                              QStringLiteral("checkout"), QStringLiteral("9"),
                              QStringLiteral("checkout:1.9"), QStringLiteral("Promoted"),
                              QStringLiteral("4 min 12 s"), QStringLiteral("partially observed")}));
        QCOMPARE(texts(0).mid(6),
                 QStringList(
                     {QStringLiteral("Deleted"), QString(), QStringLiteral("workload deleted")}));
        QCOMPARE(texts(1).at(ReleaseListModel::OutcomeColumn), QStringLiteral("Aborted"));
        QCOMPARE(texts(2).at(ReleaseListModel::OutcomeColumn), QStringLiteral("In progress"));
        QCOMPARE(m_model->index(3, ReleaseListModel::ImagesColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("ghcr.io/acme/checkout:1.9"));

        const QModelIndex promoted = m_model->index(3, ReleaseListModel::OutcomeColumn);
        QCOMPARE(promoted.data(ReleaseListModel::SummaryRole).value<ReleaseSummary>(),
                 sample().at(3));
        QCOMPARE(promoted.data(ReleaseListModel::OutcomeRole).toInt(),
                 int(ReleaseOutcome::Promoted));
        QCOMPARE(promoted.data(ReleaseListModel::StartedRole).toDateTime(), t0);
        QCOMPARE(promoted.data(ReleaseListModel::DurationRole).toLongLong(), 252'000);
        QCOMPARE(promoted.data(ReleaseListModel::RevisionRole).toLongLong(), 9);
        QCOMPARE(promoted.data(ReleaseListModel::IdRole).toLongLong(), 1);
        QCOMPARE(m_model->index(2, 0).data(ReleaseListModel::DurationRole).toLongLong(), -1);
        QCOMPARE(promoted.data(Qt::ForegroundRole).value<QColor>(),
                 ReleaseListModel::outcomeColour(ReleaseOutcome::Promoted));
        QVERIFY(ReleaseListModel::outcomeColour(ReleaseOutcome::Promoted)
                != ReleaseListModel::outcomeColour(ReleaseOutcome::Aborted));
        QVERIFY(!m_model->index(3, ReleaseListModel::NotesColumn)
                     .data(Qt::ToolTipRole)
                     .toString()
                     .isEmpty());
    }

    void appliesInPlace()
    {
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);

        // The same list again: nothing.
        m_model->setReleases(sample());
        QCOMPARE(changed.size() + inserted.size() + removed.size() + reset.size(), 0);

        // Checkout-v2 (row 2) finishes: one dataChanged for that row, across its columns.
        QList<ReleaseSummary> next = sample();
        next[2].outcome = ReleaseOutcome::Promoted;
        next[2].endedAt = next[2].startedAt.addSecs(90);
        m_model->setReleases(next);
        QCOMPARE(changed.size(), 1);
        const auto from = changed.at(0).at(0).value<QModelIndex>();
        const auto to = changed.at(0).at(1).value<QModelIndex>();
        QCOMPARE(from.row(), 2);
        QCOMPARE(to.row(), 2);
        QCOMPARE(from.column(), 0);
        QCOMPARE(to.column(), ReleaseListModel::ColumnCount - 1);
        QCOMPARE(m_model->index(2, ReleaseListModel::DurationColumn).data().toString(),
                 QStringLiteral("1 min 30 s"));
        QCOMPARE(inserted.size() + removed.size() + reset.size(), 0);

        // A new release on top, the oldest gone: one insert, one remove.
        changed.clear();
        next.prepend(release(5, QStringLiteral("dev"), QStringLiteral("web"), 3, 50, -1,
                             ReleaseOutcome::InProgress));
        next.removeLast();
        m_model->setReleases(next);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 3);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 0);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(m_model->releases(), next);

        // A list with none of these releases (another query): a reset.
        m_model->setReleases({release(9, QStringLiteral("dev"), QStringLiteral("db"), 1, 0, 10,
                                      ReleaseOutcome::Promoted)});
        QCOMPARE(reset.size(), 1);
        QCOMPARE(m_model->rowCount(), 1);
        m_model->setReleases({});
        QCOMPARE(m_model->rowCount(), 0);
    }

    void filters()
    {
        QCOMPARE(m_proxy->rowCount(), 4);
        m_proxy->setEnvironment(QStringLiteral("staging"));
        QCOMPARE(workloads(), QStringList({QStringLiteral("cart"), QStringLiteral("api")}));
        m_proxy->setNamespace(QStringLiteral("backend"));
        QCOMPARE(workloads(), QStringList({QStringLiteral("api")}));
        m_proxy->setEnvironment(QString());
        m_proxy->setNamespace(QString());
        m_proxy->setWorkloadText(QStringLiteral(" CHECK "));
        QCOMPARE(workloads(),
                 QStringList({QStringLiteral("Checkout-v2"), QStringLiteral("checkout")}));
        m_proxy->setWorkloadText(QString());
        m_proxy->setOutcomes({ReleaseOutcome::Aborted, ReleaseOutcome::Promoted});
        QCOMPARE(workloads(), QStringList({QStringLiteral("api"), QStringLiteral("checkout")}));
        m_proxy->setOutcomes({});
        // [10 min, 30 min): Checkout-v2 (10) and api (20); cart starts at 30.
        m_proxy->setTimeRange(t0.addSecs(600), t0.addSecs(1800));
        QCOMPARE(workloads(), QStringList({QStringLiteral("api"), QStringLiteral("Checkout-v2")}));
        m_proxy->setTimeRange(t0.addSecs(600), QDateTime());
        QCOMPARE(m_proxy->rowCount(), 3);
        const ReleaseFilter filter = m_proxy->filter();
        QCOMPARE(filter.since, t0.addSecs(600));
        QVERIFY(filter.until.isNull());
        m_proxy->setFilter(ReleaseFilter());
        QCOMPARE(m_proxy->rowCount(), 4);
        QCOMPARE(m_proxy->visibleReleases(), sample());
    }

    void followsInPlaceUpdates()
    {
        m_proxy->setOutcomes({ReleaseOutcome::InProgress});
        QCOMPARE(workloads(), QStringList({QStringLiteral("Checkout-v2")}));
        QList<ReleaseSummary> next = sample();
        next[2].outcome = ReleaseOutcome::Aborted;
        next[2].endedAt = next[2].startedAt.addSecs(5);
        m_model->setReleases(next);
        QCOMPARE(m_proxy->rowCount(), 0);
        m_proxy->setOutcomes({ReleaseOutcome::Aborted});
        QCOMPARE(workloads(), QStringList({QStringLiteral("api"), QStringLiteral("Checkout-v2")}));
    }

    void sortsByTypedRoles()
    {
        m_proxy->sort(ReleaseListModel::StartedColumn, Qt::AscendingOrder);
        QCOMPARE(workloads(),
                 QStringList({QStringLiteral("checkout"), QStringLiteral("Checkout-v2"),
                              QStringLiteral("api"), QStringLiteral("cart")}));
        m_proxy->sort(ReleaseListModel::StartedColumn, Qt::DescendingOrder);
        QCOMPARE(workloads().constFirst(), QStringLiteral("cart"));
        // Revision 10 after 9 (a number, not a text); 1 and 2 before.
        m_proxy->sort(ReleaseListModel::RevisionColumn, Qt::AscendingOrder);
        QCOMPARE(workloads(),
                 QStringList({QStringLiteral("Checkout-v2"), QStringLiteral("cart"),
                              QStringLiteral("checkout"), QStringLiteral("api")}));
        // Unfinished (-1) first, then 30 s, then 4 min 12 s.
        m_proxy->sort(ReleaseListModel::DurationColumn, Qt::AscendingOrder);
        QCOMPARE(workloads(),
                 QStringList({QStringLiteral("Checkout-v2"), QStringLiteral("cart"),
                              QStringLiteral("api"), QStringLiteral("checkout")}));
        // Texts ignore case: "checkout" before "Checkout-v2".
        m_proxy->sort(ReleaseListModel::WorkloadColumn, Qt::AscendingOrder);
        QCOMPARE(workloads(),
                 QStringList({QStringLiteral("api"), QStringLiteral("cart"),
                              QStringLiteral("checkout"), QStringLiteral("Checkout-v2")}));
        // By outcome's order: in progress, promoted, aborted, superseded, deleted.
        m_proxy->sort(ReleaseListModel::OutcomeColumn, Qt::AscendingOrder);
        QCOMPARE(workloads(),
                 QStringList({QStringLiteral("Checkout-v2"), QStringLiteral("checkout"),
                              QStringLiteral("api"), QStringLiteral("cart")}));

        // Dynamic: a changed duration moves its row.
        m_proxy->sort(ReleaseListModel::DurationColumn, Qt::DescendingOrder);
        QList<ReleaseSummary> next = sample();
        next[1].endedAt = next[1].startedAt.addSecs(3600);
        m_model->setReleases(next);
        QCOMPARE(workloads().constFirst(), QStringLiteral("api"));
    }
};

QTEST_MAIN(TestReleaseListModel)
#include "tst_releaselistmodel.moc"
