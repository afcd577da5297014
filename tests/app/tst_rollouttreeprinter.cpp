// SPDX-License-Identifier: GPL-3.0-or-later
// `get rollout NAME` as `kubectl argo rollouts get rollout NAME --no-color` prints it, and its
// JSON tree, for realistic objects filed by the store (tests/data/experiments/): an experiment
// step in progress, a finished experiment, a failed Job analysis. The expected files were
// written from the plugin's rules (cmd/get/get_rollout.go, get_experiment.go, info/*.go): the
// NAME/KIND/STATUS/AGE/INFO tabwriter columns padded by two, revisions newest first, a
// revision's ReplicaSets then Experiments then AnalysisRuns, an experiment's ReplicaSets then
// runs, a run's Jobs, the icons ✔ ◌ ✖ ⚠ ? ◷ • ॥, images tagged canary/stable and Σ:<template>.
#include "../support/experimentfixture.h"
#include "rollouttreeprinter.h"

#include <QTest>

namespace {

QString expectedText(const QString &name)
{
    QFile file(QStringLiteral(RD_TEST_DATA_DIR "/experiments/") + name);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QJsonObject expectedJson(const QString &name)
{
    QFile file(QStringLiteral(RD_TEST_DATA_DIR "/experiments/") + name);
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object()
                                          : QJsonObject();
}

// Line by line, so a failure names the first line that differs.
void compareLines(const QString &actual, const QString &expected)
{
    const QStringList a = actual.split(QLatin1Char('\n'));
    const QStringList e = expected.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < std::min(a.size(), e.size()); ++i)
        QCOMPARE(a.at(i), e.at(i));
    QCOMPARE(a.size(), e.size());
}

} // namespace

class TestRolloutTreePrinter : public QObject
{
    Q_OBJECT

private slots:
    void text_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::newRow("experiment step in progress") << QStringLiteral("experiment-running");
        QTest::newRow("finished experiment") << QStringLiteral("experiment-finished");
        QTest::newRow("failed job analysis") << QStringLiteral("job-analysis-failed");
    }

    void text()
    {
        QFETCH(QString, fixture);
        const ExperimentFixture f(fixture + QStringLiteral(".json"));
        QVERIFY2(f.error.isEmpty(), qPrintable(f.error));
        const QString expected = expectedText(fixture + QStringLiteral(".txt"));
        const QString actual = RolloutTreePrinter::text(f.detail, f.now);
        if (actual != expected)
            qWarning("%s", qPrintable(actual));
        QVERIFY(!expected.isEmpty());
        compareLines(actual, expected);
    }

    void json_data() { text_data(); }

    void json()
    {
        QFETCH(QString, fixture);
        const ExperimentFixture f(fixture + QStringLiteral(".json"));
        QVERIFY2(f.error.isEmpty(), qPrintable(f.error));
        const QJsonObject expected = expectedJson(fixture + QStringLiteral(".tree.json"));
        const QJsonObject actual = RolloutTreePrinter::json(f.detail, f.now);
        if (actual != expected)
            qWarning("%s", QJsonDocument(actual).toJson().constData());
        QVERIFY(!expected.isEmpty());
        QCOMPARE(actual, expected);
    }

    // The step's state in words, from the experiment's availableAt and duration.
    void experimentStepState()
    {
        const ExperimentFixture running(QStringLiteral("experiment-running.json"));
        QCOMPARE(RolloutTree::experimentStepState(running.detail, running.now),
                 QStringLiteral("Step 2 of 4: experiment checkout-5d8f9c7b66-3-1 has run 5m of "
                                "10m, 5m left"));
        const ExperimentFixture finished(QStringLiteral("experiment-finished.json"));
        QCOMPARE(RolloutTree::experimentStepState(finished.detail, finished.now), QString());
    }
};

QTEST_MAIN(TestRolloutTreePrinter)
#include "tst_rollouttreeprinter.moc"
