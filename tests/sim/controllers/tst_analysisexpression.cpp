// SPDX-License-Identifier: GPL-3.0-or-later
#include "controllers/analysisexpression.h"
#include "controllers/analysisphase.h"
#include "controllers/analysistypes.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace rdsim;

Q_DECLARE_METATYPE(ExpressionValue)

namespace {

ExpressionValue vec(std::vector<double> values)
{
    return ExpressionValue::fromNumbers(values);
}

const double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kInf = std::numeric_limits<double>::infinity();

} // namespace

class TestAnalysisExpression : public QObject
{
    Q_OBJECT

private slots:
    void evaluate_data();
    void evaluate();
    void errors_data();
    void errors();
    void evaluateResult_data();
    void evaluateResult();
    void goDuration_data();
    void goDuration();
};

void TestAnalysisExpression::evaluate_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<ExpressionValue>("result");
    QTest::addColumn<bool>("expected");

    const auto row
        = [](const char *name, const char *expression, ExpressionValue result, bool expected) {
              QTest::newRow(name) << QString::fromUtf8(expression) << result << expected;
          };
    row("index le true", "result[0] <= 0.05", vec({0.01}), true);
    row("index le false", "result[0] <= 0.05", vec({0.06}), false);
    row("index le equal", "result[0] <= 0.05", vec({0.05}), true);
    row("scalar", "result < 0.5", ExpressionValue::fromNumber(0.4), true);
    row("len empty", "len(result) == 0", vec({}), true);
    row("len one", "len(result) == 0", vec({1}), false);
    row("isNaN", "isNaN(result[0])", vec({kNaN}), true);
    row("isNaN number", "isNaN(result[0])", vec({0.3}), false);
    row("isInf", "isInf(result[0])", vec({kInf}), true);
    row("isInf negative", "isInf(result[0])", vec({-kInf}), true);
    row("NaN compares false", "result[0] < 1 || result[0] >= 1", vec({kNaN}), false);
    row("NaN not equal", "result[0] != result[0]", vec({kNaN}), true);
    row("and", "result[0] >= 0.95 && result[0] < 1", vec({0.97}), true);
    row("or", "result[0] > 1 || result[0] < 0", vec({0.5}), false);
    row("not", "!(result[0] > 0.5)", vec({0.4}), true);
    row("words", "not (result[0] > 0.5) and result[0] > 0.1 or false", vec({0.4}), true);
    row("exponent", "1e-3 < result[0]", vec({0.002}), true);
    row("exponent upper", "2.5E+2 == 250", vec({}), true);
    row("fraction", ".5 == 0.5", vec({}), true);
    row("underscore", "1_000 == 1000", vec({}), true);
    row("default empty", "default(result[0], 0) == 0", vec({}), true);
    row("default value", "default(result[0], 0) > 0.9", vec({0.95}), true);
    row("default NaN", "default(result[0], 1) == 1", vec({kNaN}), true);
    row("negative index", "result[-1] == 3", vec({1, 2, 3}), true);
    row("precedence", "1 + 2 * 3 == 7", vec({}), true);
    row("parentheses", "(1 + 2) * 3 == 9", vec({}), true);
    row("power", "2 ** 3 == 8 && 2 ^ 3 ^ 2 == 512", vec({}), true);
    row("unary minus binds looser than power", "-2 ** 2 == -4", vec({}), true);
    row("modulo", "10 % 3 == 1", vec({}), true);
    row("division", "result[0] / 2 == 0.25", vec({0.5}), true);
    row("ternary", "result[0] > 0.5 ? false : true", vec({0.4}), true);
    row("asFloat", "asFloat(\"0.5\") == 0.5", vec({}), true);
    row("asInt", "asInt('42') == 42", vec({}), true);
    row("abs", "abs(-3) == 3", vec({}), true);
    row("strings", "'a' + \"b\" == 'ab' && 'a' < 'b'", vec({}), true);
    row("array literal", "result == [1, 2]", vec({1, 2}), true);
    row("nil", "nil == nil", vec({}), true);
    row("short circuit or", "len(result) == 0 || result[0] < 0.1", vec({}), true);
    row("short circuit and", "len(result) > 0 && result[0] < 0.1", vec({}), false);
    row("spaces", "  result [ 0 ]   >=0.9  ", vec({0.95}), true);
}

void TestAnalysisExpression::evaluate()
{
    QFETCH(QString, expression);
    QFETCH(ExpressionValue, result);
    QFETCH(bool, expected);
    QString error;
    const std::optional<bool> value = AnalysisExpression::evaluate(expression, result, &error);
    QVERIFY2(value.has_value(), qPrintable(error));
    QCOMPARE(*value, expected);
    QCOMPARE(error, QString());
}

void TestAnalysisExpression::errors_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<ExpressionValue>("result");
    QTest::addColumn<QString>("message");

    const auto row = [](const char *name, const char *expression, ExpressionValue result,
                        const char *message) {
        QTest::newRow(name) << QString::fromUtf8(expression) << result
                            << QString::fromUtf8(message);
    };
    row("end", "result[0] <", vec({1}),
        "cannot parse condition \"result[0] <\": unexpected end of expression (1:12)");
    row("doubled operator", "result[0] <<= 1", vec({1}),
        "cannot parse condition \"result[0] <<= 1\": unexpected token \"<=\" (1:12)");
    row("unknown name", "foo > 1", vec({1}),
        "cannot parse condition \"foo > 1\": unknown name foo (1:1)");
    row("unknown function", "median(result) > 1", vec({1}),
        "cannot parse condition \"median(result) > 1\": unknown name median (1:1)");
    row("stray parenthesis", "result[0] > 0.5)", vec({1}),
        "cannot parse condition \"result[0] > 0.5)\": unexpected token \")\" (1:16)");
    row("unclosed parenthesis", "(result[0] > 0.5", vec({1}),
        "cannot parse condition \"(result[0] > 0.5\": unexpected end of expression (1:17)");
    row("too many arguments", "len(result, 1) > 0", vec({1}),
        "cannot parse condition \"len(result, 1) > 0\": too many arguments to call len (1:1)");
    row("not enough arguments", "default(result[0]) > 0", vec({1}),
        "cannot parse condition \"default(result[0]) > 0\": not enough arguments to call "
        "default (1:1)");
    row("unterminated string", "'abc == 1", vec({1}),
        "cannot parse condition \"'abc == 1\": literal not terminated (1:1)");
    row("bad character", "result[0] # 1", vec({1}),
        "cannot parse condition \"result[0] # 1\": unexpected character \"#\" (1:11)");
    row("bad number", "result[0] > 1x", vec({1}),
        "cannot parse condition \"result[0] > 1x\": invalid number \"1x\" (1:13)");
    row("member", "result.value > 1", vec({1}),
        "cannot parse condition \"result.value > 1\": member access is not supported (1:7)");
    row("empty", "", vec({1}), "cannot parse condition \"\": unexpected end of expression (1:1)");
    row("vector compared", "result < 0.5", vec({0.4}),
        "cannot evaluate condition \"result < 0.5\": invalid operation: < (mismatched types "
        "[]float64 and float64)");
    row("index out of range", "result[1] > 0", vec({0.5}),
        "cannot evaluate condition \"result[1] > 0\": index out of range [1] with length 1");
    row("empty vector", "result[0] <= 0.05", vec({}),
        "cannot evaluate condition \"result[0] <= 0.05\": index out of range [0] with length 0");
    row("not a bool", "result[0]", vec({0.5}),
        "cannot evaluate condition \"result[0]\": expected bool, but got float64");
    row("non-bool and", "result[0] > 1 || 5", vec({0.5}),
        "cannot evaluate condition \"result[0] > 1 || 5\": invalid operation: || (non-bool "
        "operand of type float64)");
    row("index a number", "result[0] > 0", ExpressionValue::fromNumber(1),
        "cannot evaluate condition \"result[0] > 0\": cannot fetch [0] from float64");
    row("isNaN of vector", "isNaN(result)", vec({1}),
        "cannot evaluate condition \"isNaN(result)\": invalid argument for isNaN (type "
        "[]float64)");
    row("asFloat", "asFloat('x') > 1", vec({1}),
        "cannot evaluate condition \"asFloat('x') > 1\": strconv.ParseFloat: parsing \"x\": "
        "invalid syntax");
    row("modulo zero", "5 % 0 == 1", vec({}),
        "cannot evaluate condition \"5 % 0 == 1\": integer divide by zero");
}

void TestAnalysisExpression::errors()
{
    QFETCH(QString, expression);
    QFETCH(ExpressionValue, result);
    QFETCH(QString, message);
    QString error;
    QCOMPARE(AnalysisExpression::evaluate(expression, result, &error), std::nullopt);
    QCOMPARE(error, message);
}

void TestAnalysisExpression::evaluateResult_data()
{
    QTest::addColumn<QString>("success");
    QTest::addColumn<QString>("failure");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("phase");

    const auto row = [](const char *name, const char *success, const char *failure, double value,
                        const QString &phase) {
        QTest::newRow(name) << QString::fromUtf8(success) << QString::fromUtf8(failure) << value
                            << phase;
    };
    row("no conditions", "", "", 0.5, AnalysisPhaseName::Successful);
    row("success only, true", "result[0] < 1", "", 0.5, AnalysisPhaseName::Successful);
    row("success only, false", "result[0] < 1", "", 1.5, AnalysisPhaseName::Failed);
    row("failure only, true", "", "result[0] > 1", 1.5, AnalysisPhaseName::Failed);
    row("failure only, false", "", "result[0] > 1", 0.5, AnalysisPhaseName::Successful);
    row("both, success", "result[0] < 1", "result[0] > 2", 0.5, AnalysisPhaseName::Successful);
    row("both, failure", "result[0] < 1", "result[0] > 2", 2.5, AnalysisPhaseName::Failed);
    row("both, neither", "result[0] < 1", "result[0] > 2", 1.5, AnalysisPhaseName::Inconclusive);
    row("both match: failure wins", "result[0] > 0", "result[0] > 0", 1, AnalysisPhaseName::Failed);
    row("error", "result[0] <", "", 1, AnalysisPhaseName::Error);
}

void TestAnalysisExpression::evaluateResult()
{
    QFETCH(QString, success);
    QFETCH(QString, failure);
    QFETCH(double, value);
    QFETCH(QString, phase);
    AnalysisMetricSpec metric;
    metric.successCondition = success;
    metric.failureCondition = failure;
    QString error;
    QCOMPARE(AnalysisPhase::evaluateResult(vec({value}), metric, &error), phase);
    QCOMPARE(error.isEmpty(), phase != AnalysisPhaseName::Error);
}

void TestAnalysisExpression::goDuration_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("error");
    QTest::newRow("30s") << QStringLiteral("30s") << qint64(30000) << QString();
    QTest::newRow("1m") << QStringLiteral("1m") << qint64(60000) << QString();
    QTest::newRow("1h30m") << QStringLiteral("1h30m") << qint64(5400000) << QString();
    QTest::newRow("1.5h") << QStringLiteral("1.5h") << qint64(5400000) << QString();
    QTest::newRow("250ms") << QStringLiteral("250ms") << qint64(250) << QString();
    QTest::newRow("-2s") << QStringLiteral("-2s") << qint64(-2000) << QString();
    QTest::newRow("0") << QStringLiteral("0") << qint64(0) << QString();
    QTest::newRow("unit") << QStringLiteral("30x") << qint64(-1)
                          << QStringLiteral("time: unknown unit \"x\" in duration \"30x\"");
    QTest::newRow("missing") << QStringLiteral("30") << qint64(-1)
                             << QStringLiteral("time: missing unit in duration \"30\"");
    QTest::newRow("empty") << QString() << qint64(-1)
                           << QStringLiteral("time: invalid duration \"\"");
    QTest::newRow("letters") << QStringLiteral("abc") << qint64(-1)
                             << QStringLiteral("time: invalid duration \"abc\"");
}

void TestAnalysisExpression::goDuration()
{
    QFETCH(QString, text);
    QFETCH(qint64, ms);
    QFETCH(QString, error);
    QString actual;
    const std::optional<qint64> parsed = GoDuration::parseMs(text, &actual);
    if (error.isEmpty()) {
        QCOMPARE(parsed, std::optional<qint64>(ms));
    } else {
        QCOMPARE(parsed, std::nullopt);
        QCOMPARE(actual, error);
    }
}

QTEST_GUILESS_MAIN(TestAnalysisExpression)
#include "tst_analysisexpression.moc"
