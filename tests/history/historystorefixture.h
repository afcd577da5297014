// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the history storage tests share: a database, its writer and a reader on a fresh
// file per test function, and helpers to compare and build writes.
#include "historydatabase.h"
#include "historyreader.h"
#include "historysamples.h"
#include "historywriter.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace HistorySamples;

namespace HistoryStoreHelpers {

inline const QString prod = QStringLiteral("prod");

inline HistoryWrite releasesOnly(const QList<ReleaseSummary> &releases)
{
    HistoryWrite w;
    w.releases = releases;
    return w;
}

inline void compareSummary(const ReleaseSummary &actual, const ReleaseSummary &expected)
{
    QCOMPARE(actual.key.environment, expected.key.environment);
    QCOMPARE(actual.key.workloadUid, expected.key.workloadUid);
    QCOMPARE(actual.key.revision, expected.key.revision);
    QCOMPARE(actual.namespaceName, expected.namespaceName);
    QCOMPARE(actual.workload, expected.workload);
    QCOMPARE(actual.kind, expected.kind);
    QCOMPARE(actual.strategy, expected.strategy);
    QCOMPARE(actual.podTemplateHash, expected.podTemplateHash);
    QCOMPARE(actual.images, expected.images);
    QCOMPARE(actual.stepCount, expected.stepCount);
    QCOMPARE(actual.startedAt, expected.startedAt);
    QCOMPARE(actual.endedAt, expected.endedAt);
    QCOMPARE(actual.outcome, expected.outcome);
    QCOMPARE(actual.partiallyObserved, expected.partiallyObserved);
    QCOMPARE(actual.firstObservedAt, expected.firstObservedAt);
    QCOMPARE(actual.workloadDeletedAt, expected.workloadDeletedAt);
}

template<typename T> QList<T> values(const QList<ReleaseRow<T>> &rows)
{
    QList<T> result;
    for (const ReleaseRow<T> &row : rows)
        result.append(row.value);
    return result;
}

} // namespace HistoryStoreHelpers

using namespace HistoryStoreHelpers;

class HistoryStoreTest : public QObject
{
protected:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<HistoryDatabase> m_db;
    std::unique_ptr<HistoryWriter> m_writer;
    std::unique_ptr<HistoryReader> m_reader;

    qint64 idOf(const ReleaseKey &key)
    {
        for (const ReleaseSummary &s : m_reader->releases({})) {
            if (s.key == key)
                return s.id;
        }
        return 0;
    }
    ReleaseTimeline timelineOf(const ReleaseKey &key)
    {
        const auto t = m_reader->timeline(idOf(key));
        return t ? *t : ReleaseTimeline();
    }

    // Each test function's own file, opened for writing and reading.
    void openStore()
    {
        m_path = m_dir.filePath(QStringLiteral("%1.sqlite").arg(QTest::currentTestFunction()));
        m_db = std::make_unique<HistoryDatabase>();
        QVERIFY2(m_db->open(m_path), qPrintable(m_db->errorMessage()));
        m_writer = std::make_unique<HistoryWriter>(*m_db);
        m_reader = std::make_unique<HistoryReader>();
        QVERIFY2(m_reader->open(m_path), qPrintable(m_reader->errorMessage()));
    }

    void closeStore()
    {
        m_reader.reset();
        m_writer.reset();
        m_db.reset();
    }
};
