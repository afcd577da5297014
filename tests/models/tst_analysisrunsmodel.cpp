// SPDX-License-Identifier: GPL-3.0-or-later
// AnalysisRunsModel over a sequence of runs: a new run, a new measurement (the oldest shown
// one drops off), a metric that fails (its message row appears first) and a run that goes
// arrive in place, under QAbstractItemModelTester from before the first value.
#include "analysisrunsmodel.h"

#include "../support/modelrows.h"

#include <QAbstractItemModelTester>
#include <QTest>

namespace {

const QDateTime now = QDateTime::fromString(QStringLiteral("2024-05-02T10:20:00Z"), Qt::ISODate);

Measurement measurement(const QString &value, int secondsAgo,
                        const QString &phase = QStringLiteral("Successful"))
{
    Measurement m;
    m.phase = phase;
    m.value = value;
    m.startedAt = now.addSecs(-secondsAgo - 1);
    m.finishedAt = now.addSecs(-secondsAgo);
    return m;
}

MetricResult metric(const QString &name, const QList<Measurement> &measurements)
{
    MetricResult result;
    result.name = name;
    result.phase = QStringLiteral("Running");
    result.measurements = measurements;
    result.count = int(measurements.size());
    result.successful = int(measurements.size());
    return result;
}

AnalysisRun run(const QString &name, const QString &phase, const QList<MetricResult> &metrics)
{
    AnalysisRun r;
    r.metadata.name = name;
    r.metadata.uid = QStringLiteral("uid-") + name;
    r.metadata.labels.insert(QStringLiteral("rollout-type"), QStringLiteral("Step"));
    r.metadata.annotations.insert(QStringLiteral("rollout.argoproj.io/revision"),
                                  QStringLiteral("7"));
    r.phase = phase;
    r.startedAt = now.addSecs(-300);
    r.metricResults = metrics;
    return r;
}

const QList<int> shown
    = {AnalysisRunsModel::Name, AnalysisRunsModel::Phase, AnalysisRunsModel::Values};

} // namespace

class TestAnalysisRunsModel : public QObject
{
    Q_OBJECT

private slots:
    void updatesInPlace()
    {
        AnalysisRunsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ModelSignalLog log(&model);
        QList<Measurement> measurements;
        for (int i = 0; i < 5; ++i)
            measurements.append(measurement(QString::number(i), 60 * (5 - i)));
        QList<AnalysisRun> runs = {run(QStringLiteral("app-7-2"), QStringLiteral("Running"),
                                       {metric(QStringLiteral("error-rate"), measurements)})};
        model.setRuns(runs, now);
        QCOMPARE(log.take(), QStringList({QStringLiteral("insert 0-0 in top")}));
        QCOMPARE(printTree(model, shown),
                 QStringLiteral("app-7-2 | Running\n"
                                "  error-rate | Running | 2, 3, 4\n"
                                "    Measurement 5 | Successful | 4\n"
                                "    Measurement 4 | Successful | 3\n"
                                "    Measurement 3 | Successful | 2\n"
                                "    Measurement 2 | Successful | 1\n"
                                "    Measurement 1 | Successful | 0\n"));
        QCOMPARE(model.index(0, 0).data(Qt::ToolTipRole),
                 QVariant(QStringLiteral("app-7-2\nStep analysis\nRevision 7")));
        QVERIFY(model.index(0, 0).data(DetailRoles::ExpandedByDefaultRole).toBool());
        const QModelIndex errorRate = model.indexOfMetric(
            model.indexOfRun(QStringLiteral("app-7-2")), QStringLiteral("error-rate"));
        QVERIFY(!errorRate.data(DetailRoles::ExpandedByDefaultRole).toBool());

        // A sixth measurement: a row on top, the oldest shown one drops off, the metric's
        // values change.
        runs[0].metricResults[0].measurements.append(measurement(QStringLiteral("5"), 0));
        runs[0].metricResults[0].count = 6;
        model.setRuns(runs, now);
        QCOMPARE(log.take(),
                 QStringList({QStringLiteral("change 0-0 in app-7-2"),
                              QStringLiteral("remove 4-4 in error-rate"),
                              QStringLiteral("insert 0-0 in error-rate")}));
        QCOMPARE(printTree(model, {AnalysisRunsModel::Name}, errorRate),
                 QStringLiteral("Measurement 6\nMeasurement 5\nMeasurement 4\nMeasurement 3\n"
                                "Measurement 2\n"));

        // The metric fails: its row turns red and its message comes first; a new run on top.
        MetricResult &failing = runs[0].metricResults[0];
        failing.phase = QStringLiteral("Failed");
        failing.message = QStringLiteral("failed (1) > failureLimit (0)");
        runs[0].phase = QStringLiteral("Failed");
        runs.prepend(run(QStringLiteral("app-8-1"), QStringLiteral("Pending"), {}));
        model.setRuns(runs, now);
        QCOMPARE(
            log.take(),
            QStringList({QStringLiteral("insert 0-0 in top"), QStringLiteral("change 1-1 in top"),
                         QStringLiteral("change 0-0 in app-7-2"),
                         QStringLiteral("insert 0-0 in error-rate")}));
        const QModelIndex message = model.indexOfMessage(model.index(0, 0, model.index(1, 0)));
        QCOMPARE(text(message, 0), QStringLiteral("failed (1) > failureLimit (0)"));
        QVERIFY(message.data(DetailRoles::FirstColumnSpannedRole).toBool());
        QCOMPARE(message.data(DetailRoles::ToneRole), QVariant(int(DetailRoles::Tone::Failed)));
        QCOMPARE(model.index(1, AnalysisRunsModel::Phase).data(DetailRoles::SymbolRole),
                 QVariant(QStringLiteral("Degraded")));

        // Listed the other way round: one move, the rows keep their children.
        runs.move(1, 0);
        model.setRuns(runs, now);
        QCOMPARE(log.take(), QStringList({QStringLiteral("move 1-1 to 0 in top")}));
        QCOMPARE(printTree(model, {AnalysisRunsModel::Name}).section(u'\n', 0, 2),
                 QStringLiteral("app-7-2\n  error-rate\n    failed (1) > failureLimit (0)"));
        runs.move(1, 0);
        model.setRuns(runs, now);
        QCOMPARE(log.take(), QStringList({QStringLiteral("move 1-1 to 0 in top")}));

        // The old run goes.
        runs.removeLast();
        model.setRuns(runs, now);
        QCOMPARE(log.take(), QStringList({QStringLiteral("remove 1-1 in top")}));
        QCOMPARE(printTree(model, shown), QStringLiteral("app-8-1 | Pending\n"));
    }
};

QTEST_MAIN(TestAnalysisRunsModel)
#include "tst_analysisrunsmodel.moc"
