// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/podhistory.h"
#include "metrics/promqlengine.h"
#include "metrics/promqllexer.h"
#include "metrics/promqlparser.h"
#include "metrics/syntheticmetrics.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace rdsim;
using namespace rdsim::promql;

// The parser and the scalar side of the evaluator: precedence, types, and the exact messages
// for queries that do not parse or that rd-sim does not evaluate.
class TestPromqlParser : public QObject
{
    Q_OBJECT

private slots:
    void durations();
    void selectors();
    void scalarArithmetic_data();
    void scalarArithmetic();
    void types();
    void errors_data();
    void errors();
    void seriesSelectors();

private:
    double scalar(const QString &query);
};

double TestPromqlParser::scalar(const QString &query)
{
    SyntheticMetrics metrics(nullptr);
    PodHistory history;
    const Engine engine(metrics, history, 1'800'000'000'000);
    const QueryResult result = engine.instantQuery(query, 1'800'000'000'000);
    if (!result.ok() || result.type != ValueType::Scalar) {
        qWarning("%s: %s", qPrintable(query), qPrintable(result.error));
        return -12345;
    }
    return result.scalar;
}

void TestPromqlParser::durations()
{
    QCOMPARE(parseDurationMs(QStringLiteral("5m")), 300000);
    QCOMPARE(parseDurationMs(QStringLiteral("1h30m")), 5400000);
    QCOMPARE(parseDurationMs(QStringLiteral("500ms")), 500);
    QCOMPARE(parseDurationMs(QStringLiteral("1d")), 86400000);
    QCOMPARE(parseDurationMs(QStringLiteral("2w")), 1209600000);
    QCOMPARE(parseDurationMs(QStringLiteral("1y")), 31536000000);
    QCOMPARE(parseDurationMs(QStringLiteral("0")), 0);
    QCOMPARE(parseDurationMs(QStringLiteral("30m1h")), -1); // largest unit first
    QCOMPARE(parseDurationMs(QStringLiteral("1.5m")), -1);
    QCOMPARE(parseDurationMs(QString()), -1);
}

void TestPromqlParser::selectors()
{
    QString error;
    ExprPtr expr
        = parseQuery(QStringLiteral("rate(rd_http_requests_total{role=~\"can.*\", pod!=\"x\", "
                                    "rollout!~'a|b', namespace=`shop`,}[5m] offset -1h)"),
                     &error);
    QVERIFY2(expr, qPrintable(error));
    QCOMPARE(expr->kind, Expr::Kind::Call);
    QCOMPARE(expr->type(), ValueType::Vector);
    const Expr &m = expr->arg(0);
    QCOMPARE(m.kind, Expr::Kind::MatrixSelector);
    QCOMPARE(m.rangeMs, 300000);
    QCOMPARE(m.offsetMs, -3600000);
    QCOMPARE(m.matchers.size(), 5);
    QCOMPARE(m.matchers.at(0).name, QStringLiteral("__name__"));
    QCOMPARE(m.matchers.at(0).value, QStringLiteral("rd_http_requests_total"));
    QCOMPARE(m.matchers.at(1).op, Matcher::Op::Regex);
    // Anchored: "can.*" matches "canary" but not "xcanary".
    QVERIFY(m.matchers.at(1).matches(QStringLiteral("canary")));
    QVERIFY(!m.matchers.at(1).matches(QStringLiteral("xcanary")));
    QCOMPARE(m.matchers.at(2).op, Matcher::Op::NotEqual);
    QCOMPARE(m.matchers.at(3).op, Matcher::Op::NotRegex);
    QVERIFY(!m.matchers.at(3).matches(QStringLiteral("a")));
    QVERIFY(m.matchers.at(3).matches(QStringLiteral("ab")));
    QCOMPARE(m.matchers.at(4).value, QStringLiteral("shop"));

    // Escapes in double-quoted strings; keywords are case-insensitive, function names not.
    expr = parseQuery(QStringLiteral("SUM BY (role) (foo{a=\"x\\\"y\\n\\u00e9\"})"), &error);
    QVERIFY2(expr, qPrintable(error));
    QCOMPARE(expr->kind, Expr::Kind::Aggregate);
    QCOMPARE(expr->text, QStringLiteral("sum"));
    QCOMPARE(expr->grouping, QStringList {QStringLiteral("role")});
    QCOMPARE(expr->arg(0).matchers.at(1).value, QStringLiteral("x\"y\n\u00e9"));
    // The grouping may also follow the expression.
    expr = parseQuery(QStringLiteral("avg(foo) without (pod, le)"), &error);
    QVERIFY2(expr, qPrintable(error));
    QVERIFY(expr->without);
    QCOMPARE(expr->grouping, (QStringList {QStringLiteral("pod"), QStringLiteral("le")}));
}

void TestPromqlParser::scalarArithmetic_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<double>("expected");
    QTest::newRow("precedence") << "1 + 2 * 3" << 7.0;
    QTest::newRow("parentheses") << "(1 + 2) * 3" << 9.0;
    QTest::newRow("left-assoc") << "10 - 4 - 3" << 3.0;
    QTest::newRow("pow right-assoc") << "2 ^ 3 ^ 2" << 512.0;
    QTest::newRow("unary minus below pow") << "-2 ^ 2" << -4.0;
    QTest::newRow("pow of negative") << "(-2) ^ 2" << 4.0;
    QTest::newRow("negative exponent") << "2 ^ -1" << 0.5;
    QTest::newRow("modulo") << "10 % 3" << 1.0;
    QTest::newRow("float modulo") << "-7.5 % 2" << -1.5;
    QTest::newRow("hex") << "0x1F" << 31.0;
    QTest::newRow("exponent") << "1.5e3 / 3" << 500.0;
    QTest::newRow("comparison bool") << "1 < bool 2" << 1.0;
    QTest::newRow("comparison bool false") << "3 == bool 2" << 0.0;
    QTest::newRow("comment") << "1 # the rest is a comment\n + 1" << 2.0;
    QTest::newRow("scalar()") << "scalar(vector(4))" << 4.0;
    QTest::newRow("time()") << "time()" << 1800000000.0;
    QTest::newRow("division by zero") << "1 / 0" << std::numeric_limits<double>::infinity();
    QTest::newRow("negative infinity") << "-Inf" << -std::numeric_limits<double>::infinity();
}

void TestPromqlParser::scalarArithmetic()
{
    QFETCH(QString, query);
    QFETCH(double, expected);
    QCOMPARE(scalar(query), expected);
}

void TestPromqlParser::types()
{
    SyntheticMetrics metrics(nullptr);
    PodHistory history;
    const Engine engine(metrics, history, 1'800'000'000'000);
    QueryResult r = engine.instantQuery(QStringLiteral("0 / 0"), 1'800'000'000'000);
    QVERIFY(r.ok());
    QVERIFY(std::isnan(r.scalar));
    r = engine.instantQuery(QStringLiteral("\"hello\""), 1'800'000'000'500);
    QCOMPARE(r.type, ValueType::String);
    QCOMPARE(r.string, QStringLiteral("hello"));
    QCOMPARE(r.timeMs, 1'800'000'000'500);
    r = engine.instantQuery(QStringLiteral("vector(1) * 3"), 1'800'000'000'000);
    QCOMPARE(r.type, ValueType::Vector);
    QCOMPARE(r.vector.size(), 1);
    QCOMPARE(r.vector.first().value, 3.0);
    QVERIFY(r.vector.first().labels.isEmpty());
    r = engine.instantQuery(QStringLiteral("rd_http_requests_total[5m]"), 1'800'000'000'000);
    QCOMPARE(r.type, ValueType::Matrix);
    QVERIFY(r.matrix.isEmpty());
}

void TestPromqlParser::errors_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("message");
    const auto row = [](const char *name, const char *query, const char *message) {
        QTest::newRow(name) << QString::fromUtf8(query) << QString::fromUtf8(message);
    };
    row("empty", "", "1:1: parse error: no expression found in input");
    row("unclosed call", "sum(rate(rd_http_requests_total[5m])",
        "1:4: parse error: unclosed left parenthesis");
    row("unclosed paren", "(1 + 2", "1:1: parse error: unclosed left parenthesis");
    row("rate of instant vector", "rate(rd_http_requests_total)",
        "1:6: parse error: expected type range vector in call to function \"rate\", got "
        "instant vector");
    row("sum of range", "sum(rd_http_requests_total[5m])",
        "1:5: parse error: expected type instant vector in aggregation expression, got range "
        "vector");
    row("argument count", "rate(a[5m], 1)",
        "1:1: parse error: expected 1 argument(s) in call to \"rate\", got 2");
    row("optional arguments", "round(a, 1, 2)",
        "1:1: parse error: expected at most 2 argument(s) in call to \"round\", got 3");
    row("unknown function", "frobnicate(a)",
        "1:1: parse error: unknown function with name \"frobnicate\"");
    row("unsupported function", "label_replace(a, \"b\", \"$1\", \"c\", \"(.*)\")",
        "1:1: parse error: rd-sim does not support the function \"label_replace\"");
    row("unsupported aggregation", "topk(3, a)",
        "1:1: parse error: rd-sim does not support the aggregation \"topk\"");
    row("subquery", "max_over_time(rate(a[1m])[5m:1m])",
        "1:26: parse error: rd-sim does not support subqueries");
    row("at modifier", "a @ 1700000000",
        "1:3: parse error: rd-sim does not support the @ modifier");
    row("group_left", "a * on(pod) group_left b",
        "1:13: parse error: rd-sim does not support many-to-one matching (group_left)");
    row("atan2", "a atan2 b", "1:3: parse error: rd-sim does not support the operator \"atan2\"");
    row("scalar comparison", "1 > 2",
        "1:1: parse error: comparisons between scalars must use BOOL modifier");
    row("set operator with scalar", "a and 1",
        "1:1: parse error: set operator \"and\" not allowed in binary scalar expression");
    row("bool on arithmetic", "a + bool b",
        "1:5: parse error: bool modifier can only be used on comparison operators");
    row("range in binary", "a[5m] + 1",
        "1:1: parse error: binary expression must contain only scalar and instant vector types");
    row("matching with scalar", "a + on(pod) 1",
        "1:1: parse error: vector matching only allowed between instant vectors");
    row("empty selector", "{}",
        "1:1: parse error: vector selector must contain at least one non-empty matcher");
    row("only empty matchers", "{pod=~\".*\"}",
        "1:1: parse error: vector selector must contain at least one non-empty matcher");
    row("name twice", "a{__name__=\"b\"}",
        "1:1: parse error: metric name must not be set twice: \"a\" or \"b\"");
    row("unterminated string", "a{pod=\"x}", "1:7: parse error: unterminated quoted string");
    row("unclosed braces", "a{pod=\"x\"",
        "1:2: parse error: unexpected end of input inside braces");
    row("matcher without string", "a{pod=x}",
        "1:7: parse error: unexpected identifier \"x\" in label matching, expected string");
    row("bad regex", "a{pod=~\"(\"}",
        "1:8: parse error: invalid regular expression \"(\": missing closing parenthesis");
    row("range on expression", "(a)[5m]",
        "1:4: parse error: ranges only allowed for vector selectors");
    row("zero range", "a[0s]", "1:3: parse error: range must be greater than 0");
    row("offset without duration", "a offset",
        "1:9: parse error: unexpected end of input in offset, expected duration");
    row("offset on call", "rate(a[5m]) offset 1m",
        "1:13: parse error: offset modifier must be preceded by an instant vector selector or "
        "range vector selector or a subquery");
    row("bare duration", "5m", "1:1: parse error: unexpected duration \"5m\"");
    row("bad duration", "a[1.5m]", "1:3: parse error: bad number or duration syntax: \"1.5m\"");
    row("unexpected character", "a $ b", "1:3: parse error: unexpected character: '$'");
    row("trailing token", "a b", "1:3: parse error: unexpected identifier \"b\"");
    row("second line", "sum(\n  rate(a))",
        "2:8: parse error: expected type range vector in call to function \"rate\", got instant "
        "vector");
    row("unary on range", "-a[5m]",
        "1:1: parse error: unary expression only allowed on expressions of type scalar or "
        "instant vector, got \"range vector\"");
    row("aggregation parameter", "sum(1, a)",
        "1:6: parse error: wrong number of arguments for aggregate expression provided, "
        "expected 1, got 2");
}

void TestPromqlParser::errors()
{
    QFETCH(QString, query);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!parseQuery(query, &error));
    QCOMPARE(error, message);
}

void TestPromqlParser::seriesSelectors()
{
    QList<Matcher> matchers;
    QString error;
    QVERIFY(parseSeriesSelector(QStringLiteral("rd_http_requests_total{role=\"canary\"}"),
                                &matchers, &error));
    QCOMPARE(matchers.size(), 2);
    // match[] lets the API reject all-empty matchers with its own message.
    QVERIFY(parseSeriesSelector(QStringLiteral("{pod=~\".*\"}"), &matchers, &error));
    QCOMPARE(matchers.size(), 1);
    QVERIFY(!parseSeriesSelector(QStringLiteral("rate(a[5m])"), &matchers, &error));
    QCOMPARE(error, QStringLiteral("1:5: parse error: unexpected \"(\""));
    QVERIFY(!parseSeriesSelector(QStringLiteral("a + b"), &matchers, &error));
    QCOMPARE(error, QStringLiteral("1:3: parse error: unexpected \"+\""));
}

QTEST_GUILESS_MAIN(TestPromqlParser)
#include "tst_promqlparser.moc"
