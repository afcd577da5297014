// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryRecorder::recordSafetyNets end to end: readings queued from the test's thread behind
// the batches that made the releases, placed on the canary's release (not on the stable one,
// another workload's or another environment's), the latest kept, and written in the flush.
#include "../domain/releasetrackerfixture.h"
#include "../support/safetynetsfixture.h"
#include "historyreader.h"
#include "historyrecorder.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>

using namespace ReleaseTrackerFixture;

namespace {

SafetyNets netsOf(const char *hash, const char *rollout = "web")
{
    SafetyNets nets = SafetyNetsFixture::checkout();
    nets.environment = QStringLiteral("prod");
    nets.namespace_ = QStringLiteral("shop");
    nets.rollout = QString::fromLatin1(rollout);
    nets.canary.podTemplateHash = QString::fromLatin1(hash);
    return nets;
}

qint64 ms(int second)
{
    return at(second).toMSecsSinceEpoch();
}

int addedCves(const ReleaseSafetyNets &nets)
{
    return int(nets.nets.value(QStringLiteral("vulnerabilities"))
                   .toObject()
                   .value(QStringLiteral("added"))
                   .toArray()
                   .size());
}

} // namespace

class TestHistorySafetyNetsRecording : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::atomic<int> m_second {101};

    std::optional<ReleaseTimeline> timelineOf(const QString &path, qint64 revision)
    {
        HistoryReader reader;
        if (!reader.open(path))
            return std::nullopt;
        for (const ReleaseSummary &s : reader.releases({})) {
            if (s.key.revision == revision)
                return reader.timeline(s.id);
        }
        return std::nullopt;
    }

private slots:
    void readingsAreStoredOnTheCanaryRelease()
    {
        const QString path = m_dir.filePath(QStringLiteral("nets.sqlite"));
        HistoryRecorderOptions options;
        options.databasePath = path;
        options.flushIntervalMSecs = 20;
        options.clock = [this] { return at(m_second); };
        HistoryRecorder recorder(options);
        recorder.recordSafetyNets(netsOf("new"), ms(210)); // not started: dropped
        QSignalSpy opened(&recorder, &HistoryRecorder::opened);
        recorder.start();
        QVERIFY(opened.wait(5000));
        recorder.recordSafetyNets(netsOf("new"), ms(205)); // no release known yet

        WorkloadDeltaBatch reset
            = batchOf({webAt("abc", "abc", 3, "Healthy")}, {replicaSet("abc", 2, 50, 4)});
        reset.reset = true;
        recorder.record(QStringLiteral("prod"), reset);
        QVERIFY(recorder.flushNow());
        // Revision 3 starts; its readings are queued right behind the batch, unflushed.
        m_second = 201;
        recorder.record(
            QStringLiteral("prod"),
            batchOf({webAt("new", "abc", 0, "Progressing")}, {replicaSet("new", 3, 200, 1)}));
        recorder.recordSafetyNets(netsOf("new"), ms(210));
        SafetyNets fixed = netsOf("new");
        fixed.vulnerabilities.added.clear();
        recorder.recordSafetyNets(fixed, ms(240)); // changed within the minute: waits
        recorder.recordSafetyNets(fixed, ms(330)); // the next reading: kept
        recorder.recordSafetyNets(netsOf("abc"), ms(340)); // the stable's hash
        recorder.recordSafetyNets(netsOf("new", "api"), ms(340)); // another workload
        SafetyNets staging = netsOf("new");
        staging.environment = QStringLiteral("staging");
        recorder.recordSafetyNets(staging, ms(340));
        QVERIFY(recorder.flushNow());

        const std::optional<ReleaseTimeline> canary = timelineOf(path, 3);
        QVERIFY(canary.has_value());
        QCOMPARE(canary->safetyNets.readAt, at(330));
        QCOMPARE(addedCves(canary->safetyNets), 0);
        const std::optional<ReleaseTimeline> stable = timelineOf(path, 2);
        QVERIFY(stable.has_value());
        QVERIFY(!stable->safetyNets.isValid());
    }
};

QTEST_GUILESS_MAIN(TestHistorySafetyNetsRecording)
#include "tst_historysafetynetsrecording.moc"
