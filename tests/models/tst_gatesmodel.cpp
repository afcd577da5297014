// SPDX-License-Identifier: GPL-3.0-or-later
// GatesModel over gate reports: one row per gate with its texts (the second line of a cell
// after "\n"), the outcome's symbol, tone, tint and weight, relative gates' stable side,
// analysis gates' source and measurements, the queries and the copied texts; a new report of
// the same rollout updates in place, another rollout's resets. QAbstractItemModelTester
// watches from before the first report.
#include "gatesmodel.h"

#include "../support/gatereportfixture.h"
#include "../support/modelrows.h"

#include <QAbstractItemModelTester>
#include <QTest>

namespace {

using M = GatesModel;
using Tone = DetailRoles::Tone;
namespace F = GateReportFixture;

QVariant tone(Tone t)
{
    return QVariant(int(t));
}

QString columnOf(const GatesModel &model, int column)
{
    QStringList texts;
    for (int row = 0; row < model.rowCount(); ++row)
        texts.append(text(model.index(row, 0), column));
    return texts.join(QStringLiteral(" | "));
}

} // namespace

class TestGatesModel : public QObject
{
    Q_OBJECT

private slots:
    void rowsAndTexts()
    {
        GatesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReport(F::realistic());
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), 7);
        QCOMPARE(columnOf(model, M::Gate),
                 QStringLiteral("order success rate\nconfig | error ratio\nconfig | latency "
                                "p99\nconfig | success-rate\nanalysis checkout-6b59bdffd9-3"));
        QCOMPARE(columnOf(model, M::Outcome), QStringLiteral("Fail | Pass | Pass | Inconclusive"));
        // The mean, and the worst point below it; no value is a dash.
        QCOMPARE(columnOf(model, M::Canary),
                 QStringLiteral("0.941\nworst 0.912 | 0.004\nworst 0.009 | 0.212\nworst 0.287 | "
                                "\u2013"));
        // Only the relative gate has a stable side: its mean and how far the canary is off.
        QCOMPARE(columnOf(model, M::Stable), QStringLiteral("0.995\ncanary \u22125.4 % |  |  | "));
        QCOMPARE(columnOf(model, M::Bound),
                 QStringLiteral("min 0.97, stable \u2212 2\u00a0% | max 0.02 | max 0.5 | success: "
                                "result[0] >= 0.95"));
        // Points with a value of those the window holds at the step (10m / 15s + 1 = 41).
        QCOMPARE(columnOf(model, M::Window),
                 QStringLiteral("40 of 41 points\nover 10m | 41 of 41 points\nover 10m | 21 of "
                                "21 points\nover 5m | 0 measurements"));
        QCOMPARE(text(model.index(0, 0), M::Why),
                 QStringLiteral("canary 0.941 is below the minimum 0.97"));
        QCOMPARE(text(model.index(3, 0), M::Why), QStringLiteral("no measurement yet"));
        QCOMPARE(model.headerData(M::Canary, Qt::Horizontal).toString(), QStringLiteral("Canary"));
        QCOMPARE(model.headerData(M::Why, Qt::Horizontal).toString(), QStringLiteral("Why"));
        QCOMPARE(model.indexOfGate(QStringLiteral("latency p99")).row(), 2);
        QCOMPARE(model.indexOfGate(F::analysisMetric().name).row(), 3);
        QVERIFY(!model.indexOfGate(QStringLiteral("no such gate")).isValid());
    }

    void tonesForEachOutcome()
    {
        GateResult error = F::latency();
        error.name = QStringLiteral("queue depth");
        error.outcome = GateOutcome::Error;
        error.value.reset();
        error.worstValue.reset();
        error.message = QStringLiteral("the canary query failed: bad_data: parse error");
        GatesModel model;
        model.setReport(F::report({F::successRate(), F::errorRatio(), F::analysisMetric(), error}));
        const auto cell
            = [&](int row, int column, int role) { return model.index(row, column).data(role); };
        // Pass: a green tick, no tint.
        QCOMPARE(cell(1, M::Outcome, DetailRoles::SymbolRole), QVariant(QStringLiteral("Healthy")));
        QCOMPARE(cell(1, M::Outcome, DetailRoles::ToneRole), tone(Tone::Ok));
        QVERIFY(!cell(1, M::Why, DetailRoles::TintRole).isValid());
        QVERIFY(!isBold(model.index(1, 0), M::Outcome));
        // Inconclusive: amber pause bars, no tint.
        QCOMPARE(cell(2, M::Outcome, DetailRoles::SymbolRole), QVariant(QStringLiteral("Paused")));
        QCOMPARE(cell(2, M::Outcome, DetailRoles::ToneRole), tone(Tone::Warning));
        QVERIFY(!cell(2, M::Gate, DetailRoles::TintRole).isValid());
        // Fail: a red cross in bold on a red tint across the row; the failing number red.
        QCOMPARE(cell(0, M::Outcome, DetailRoles::SymbolRole),
                 QVariant(QStringLiteral("Degraded")));
        QCOMPARE(cell(0, M::Outcome, DetailRoles::ToneRole), tone(Tone::Failed));
        QVERIFY(isBold(model.index(0, 0), M::Outcome));
        for (int column = 0; column < M::ColumnCount; ++column)
            QCOMPARE(cell(0, column, DetailRoles::TintRole), tone(Tone::Failed));
        QCOMPARE(cell(0, M::Canary, DetailRoles::ToneRole), tone(Tone::Failed));
        QCOMPARE(cell(0, M::Why, DetailRoles::ToneRole), tone(Tone::Text));
        // Error: red, not bold, on an amber tint: not judged rather than judged bad.
        QCOMPARE(cell(3, M::Outcome, DetailRoles::SymbolRole),
                 QVariant(QStringLiteral("Degraded")));
        QCOMPARE(cell(3, M::Outcome, DetailRoles::ToneRole), tone(Tone::Failed));
        QVERIFY(!isBold(model.index(3, 0), M::Outcome));
        QCOMPARE(cell(3, M::Why, DetailRoles::TintRole), tone(Tone::Warning));
        QCOMPARE(text(model.index(3, 0), M::Outcome), QStringLiteral("Error"));
        QCOMPARE(text(model.index(3, 0), M::Canary), QStringLiteral("\u2013"));
        // The outcome itself, on every column.
        QCOMPARE(cell(3, M::Why, M::OutcomeRole), QVariant(int(GateOutcome::Error)));
        QCOMPARE(cell(0, M::Gate, M::OutcomeRole), QVariant(int(GateOutcome::Fail)));
    }

    void relativeAndAbsolute()
    {
        GatesModel model;
        GateResult above = F::successRate();
        above.value = 1.2;
        above.worstValue = 1.2; // the same as the mean: no second line
        above.stableValue = 1.0;
        GateResult level = F::successRate();
        level.name = QStringLiteral("level");
        level.value = 0.5;
        level.stableValue = 0.5;
        GateResult noStable = F::successRate();
        noStable.name = QStringLiteral("no stable data");
        noStable.stableValue.reset();
        model.setReport(F::report({above, level, noStable, F::errorRatio()}));
        QCOMPARE(text(model.index(0, 0), M::Canary), QStringLiteral("1.2"));
        QCOMPARE(text(model.index(0, 0), M::Stable), QStringLiteral("1\ncanary +20.0 %"));
        QCOMPARE(text(model.index(1, 0), M::Stable), QStringLiteral("0.5\ncanary \u00b10 %"));
        // A relative gate whose stable had no value still says so.
        QCOMPARE(text(model.index(2, 0), M::Stable), QStringLiteral("\u2013"));
        QVERIFY(model.index(2, M::Stable)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Stable query as sent:\n")
                              + F::successRate().stableQuery));
        // An absolute gate: nothing in the stable column, no stable query.
        QCOMPARE(text(model.index(3, 0), M::Stable), QString());
        QCOMPARE(model.index(3, M::Gate).data(M::StableQueryRole).toString(), QString());
        QVERIFY(!model.index(3, M::Window)
                     .data(Qt::ToolTipRole)
                     .toString()
                     .contains(QStringLiteral("Stable")));
        QCOMPARE(model.index(0, M::Window).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("One point every 15s\nStable: 41 points with a value"));
    }

    void analysisSource()
    {
        GateResult measured = F::analysisMetric();
        measured.outcome = GateOutcome::Pass;
        measured.samples = 3;
        measured.value = 0.97;
        measured.message = QStringLiteral("running: 3 measurements, within the limits so far");
        GatesModel model;
        model.setReport(F::report({measured}));
        const QModelIndex row = model.index(0, 0);
        QCOMPARE(text(row, M::Gate),
                 QStringLiteral("success-rate\nanalysis checkout-6b59bdffd9-3"));
        QVERIFY(row.data(Qt::ToolTipRole).toString().startsWith(F::analysisMetric().name));
        QVERIFY(row.data(Qt::ToolTipRole).toString().contains(QStringLiteral("AnalysisRun")));
        QCOMPARE(row.data(M::CopyRole).toString(), F::analysisMetric().name);
        QCOMPARE(text(row, M::Canary), QStringLiteral("0.97"));
        QVERIFY(row.siblingAtColumn(M::Canary)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .startsWith(QStringLiteral("The latest measurement: 0.97")));
        QCOMPARE(text(row, M::Window), QStringLiteral("3 measurements"));
        QCOMPARE(text(row, M::Stable), QString());
        // A config gate and an analysis metric of the same name are two rows.
        GateResult sameName = F::errorRatio();
        sameName.name = measured.name;
        model.setReport(F::report({measured, sameName}));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(text(model.index(1, 0), M::Gate), measured.name + QStringLiteral("\nconfig"));
        // A name without a run keeps the plain tag.
        measured.name = QStringLiteral("success-rate");
        model.setReport(F::report({measured}));
        QCOMPARE(text(model.index(0, 0), M::Gate), QStringLiteral("success-rate\nanalysis"));
    }

    void queriesAndCopies()
    {
        GatesModel model;
        model.setReport(F::realistic());
        const GateResult gate = F::successRate();
        const QModelIndex row = model.index(0, 0);
        for (int column = 0; column < M::ColumnCount; ++column) {
            QCOMPARE(row.siblingAtColumn(column).data(M::QueryRole).toString(), gate.query);
            QCOMPARE(row.siblingAtColumn(column).data(M::StableQueryRole).toString(),
                     gate.stableQuery);
        }
        QCOMPARE(row.data(Qt::ToolTipRole).toString(),
                 QStringLiteral("order success rate\n\nA gate of the config file, judged on "
                                "Prometheus range queries\n\nCanary query as sent:\n%1\n\nStable "
                                "query as sent:\n%2")
                     .arg(gate.query, gate.stableQuery));
        QVERIFY(row.siblingAtColumn(M::Canary)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .startsWith(QStringLiteral("The canary's mean over the window: 0.941\nIts "
                                               "worst point: 0.912\n\nCanary query as sent:")));
        // Copies are one line each; a message whole.
        QStringList copies;
        for (int column = 0; column < M::ColumnCount; ++column)
            copies.append(row.siblingAtColumn(column).data(M::CopyRole).toString());
        QCOMPARE(copies,
                 QStringList({QStringLiteral("order success rate"), QStringLiteral("Fail"),
                              QStringLiteral("0.941 (worst 0.912)"),
                              QStringLiteral("0.995 (canary \u22125.4 %)"),
                              QStringLiteral("min 0.97, stable \u2212 2 %"),
                              QStringLiteral("40 of 41 points over 10m"),
                              QStringLiteral("canary 0.941 is below the minimum 0.97")}));
        GateResult multiline = F::analysisMetric();
        multiline.message
            = QStringLiteral("Metric \"success-rate\" assessed Failed\ndue to failed");
        model.setReport(F::report({multiline}));
        QCOMPARE(text(model.index(0, 0), M::Why),
                 QStringLiteral("Metric \"success-rate\" assessed Failed due to failed"));
        QCOMPARE(model.index(0, M::Why).data(M::CopyRole).toString(), multiline.message);
    }

    void updatesInPlace()
    {
        GatesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ModelSignalLog log(&model);
        model.setReport(F::realistic());
        QCOMPARE(log.take(), QStringList({QStringLiteral("reset")}));
        // The same report again, as every judgement of an unchanged canary: nothing is sent.
        model.setReport(F::realistic());
        QCOMPARE(log.take(), QStringList());
        // The next judgement: one value changed, the analysis metric measured for the first time.
        GateResult ratio = F::errorRatio();
        ratio.value = 0.005;
        GateResult metric = F::analysisMetric();
        metric.outcome = GateOutcome::Pass;
        metric.samples = 1;
        model.setReport(F::report({F::successRate(), ratio, F::latency(), metric}));
        QCOMPARE(log.take(),
                 QStringList(
                     {QStringLiteral("change 1-1 in top"), QStringLiteral("change 3-3 in top")}));
        // A gate goes away (the AnalysisRun of the next step replaces the old one's metric).
        model.setReport(F::report({F::successRate(), ratio, F::latency()}));
        QCOMPARE(log.take(), QStringList({QStringLiteral("remove 3-3 in top")}));
        // Another rollout's report starts afresh.
        GateReport other = F::report({F::errorRatio()});
        other.rollout = QStringLiteral("search");
        model.setReport(other);
        QCOMPARE(log.take(), QStringList({QStringLiteral("reset")}));
        QCOMPARE(model.rowCount(), 1);
        model.clear();
        QCOMPARE(log.take(), QStringList({QStringLiteral("reset")}));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.report().gates.isEmpty());
    }
};

QTEST_MAIN(TestGatesModel)
#include "tst_gatesmodel.moc"
