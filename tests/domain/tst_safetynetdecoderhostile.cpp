// SPDX-License-Identifier: GPL-3.0-or-later
// SafetyNetDecoder against bodies no tool should send: every decoder gives the same
// translated error for what is not a list, an issue with its path for a field of the wrong
// type, and cuts lists and strings at SafetyNetLimits.
#include "safetynetdecoder.h"

#include <QtTest>

#include <functional>

class TestSafetyNetDecoderHostile : public QObject
{
    Q_OBJECT

private slots:
    void notAList_data();
    void notAList();
    void emptyAndNullItems();
    void wrongTypesAreIssues();
    void itemsThatAreNoObjects();
    void hugeStringsAreCut();
    void listsAreCutAtTheLimits();
    void objectsPerPageAreBounded();
    void flagsPerResourceAreBounded();
};

namespace {

// Every decoder, as the report and item count of its answer.
struct Outcome
{
    DecodeReport report;
    qsizetype items = 0;
};
using Decode = std::function<Outcome(const QByteArray &)>;

template<typename T> Outcome outcome(const ObjectList<T> &list)
{
    return Outcome {list.report, list.items.size()};
}

QList<QPair<const char *, Decode>> decoders()
{
    return {
        {"vulnerabilities",
         [](const QByteArray &b) { return outcome(SafetyNetDecoder::vulnerabilityReports(b)); }},
        {"configaudit",
         [](const QByteArray &b) { return outcome(SafetyNetDecoder::configAuditReports(b)); }},
        {"policy", [](const QByteArray &b) { return outcome(SafetyNetDecoder::policyReports(b)); }},
        {"gatekeeper",
         [](const QByteArray &b) { return outcome(SafetyNetDecoder::gatekeeperConstraints(b)); }},
        {"workflows",
         [](const QByteArray &b) { return outcome(SafetyNetDecoder::argoWorkflows(b)); }},
        {"pipelineruns",
         [](const QByteArray &b) { return outcome(SafetyNetDecoder::tektonPipelineRuns(b)); }},
        {"taskruns",
         [](const QByteArray &b) { return outcome(SafetyNetDecoder::tektonTaskRuns(b)); }},
        {"k6", [](const QByteArray &b) { return outcome(SafetyNetDecoder::k6TestRuns(b)); }},
        {"litmus",
         [](const QByteArray &b) { return outcome(SafetyNetDecoder::litmusChaosResults(b)); }},
        {"chaosmesh",
         [](const QByteArray &b) { return outcome(SafetyNetDecoder::chaosMeshExperiments(b)); }},
        {"flags", [](const QByteArray &b) { return outcome(SafetyNetDecoder::featureFlags(b)); }},
    };
}

// A list body of `count` copies of item.
QByteArray listOf(const QByteArray &item, int count)
{
    QByteArray body = R"({"kind": "List", "metadata": {}, "items": [)";
    body.reserve(body.size() + (item.size() + 1) * count + 4);
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            body += ',';
        body += item;
    }
    return body + "]}";
}

// A JSON array of `count` copies of element.
QByteArray arrayOf(const QByteArray &element, int count)
{
    QByteArray array = "[";
    for (int i = 0; i < count; ++i)
        array += (i > 0 ? "," : "") + element;
    return array + ']';
}

} // namespace

void TestSafetyNetDecoderHostile::notAList_data()
{
    QTest::addColumn<int>("decoder");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error");
    const auto row = [](const char *name, const QByteArray &body, const QString &error) {
        const auto all = decoders();
        for (int i = 0; i < all.size(); ++i)
            QTest::addRow("%s %s", name, all.at(i).first) << i << body << error;
    };
    row("html", "<html>502 Bad Gateway</html>",
        QStringLiteral("malformed JSON at byte 0: unexpected character '<'"));
    row("empty", QByteArray(), QStringLiteral("malformed JSON at byte 0: empty input"));
    row("array", "[1, 2]", QStringLiteral("expected a JSON object at the top level"));
    row("no items", R"({"kind": "PodList", "metadata": {}})",
        QStringLiteral("the response is not a list: it has no items"));
    row("items object", R"({"items": {"name": "x"}})",
        QStringLiteral("the list's items are not an array"));
    row("items string", R"({"items": "none"})",
        QStringLiteral("the list's items are not an array"));
    row("status",
        R"({"kind": "Status", "apiVersion": "v1", "status": "Failure", "message": "policyreports.wgpolicyk8s.io is forbidden: User \"alice\" cannot list resource", "reason": "Forbidden", "code": 403})",
        QStringLiteral("the server returned an error instead of data: policyreports.wgpolicyk8s.io "
                       "is forbidden: User \"alice\" cannot list resource"));
}

void TestSafetyNetDecoderHostile::notAList()
{
    QFETCH(int, decoder);
    QFETCH(QByteArray, body);
    QFETCH(QString, error);
    const Outcome out = decoders().at(decoder).second(body);
    QCOMPARE(out.report.error, error);
    QCOMPARE(out.items, 0);
}

void TestSafetyNetDecoderHostile::emptyAndNullItems()
{
    for (const auto &[decoder, decode] : decoders()) {
        for (const QByteArray &body :
             {QByteArray(R"({"items": []})"), QByteArray(R"({"items": null, "metadata": null})")}) {
            const Outcome out = decode(body);
            QVERIFY2(out.report.isOk(), decoder);
            QVERIFY2(!out.report.hasIssues(), qPrintable(out.report.issuesText()));
            QCOMPARE(out.items, 0);
        }
    }
}

void TestSafetyNetDecoderHostile::wrongTypesAreIssues()
{
    const ObjectList<VulnerabilityReport> list = SafetyNetDecoder::vulnerabilityReports(R"({
        "metadata": {"continue": 7},
        "items": [{"metadata": {"name": "r", "labels": {"trivy-operator.container.name": "c"}},
                   "report": {"summary": {"criticalCount": "many", "highCount": 2.5},
                              "artifact": {"tag": ["1"]},
                              "updateTimestamp": "yesterday",
                              "vulnerabilities": [{"vulnerabilityID": "CVE-1", "score": "high"},
                                                  "CVE-2"]}}]})");
    QVERIFY2(list.isOk(), qPrintable(list.report.error));
    QCOMPARE(list.items.size(), 1);
    const VulnerabilityReport &report = list.items.constFirst();
    QCOMPARE(report.name, QStringLiteral("r"));
    QCOMPARE(report.container, QStringLiteral("c"));
    QCOMPARE(report.summary.critical, 0);
    QCOMPARE(report.summary.high, 0);
    QVERIFY(report.tag.isEmpty());
    QCOMPARE(report.updatedMs, 0);
    QCOMPARE(report.vulnerabilities.size(), 2);
    QCOMPARE(report.vulnerabilities.at(0).id, QStringLiteral("CVE-1"));
    QCOMPARE(report.vulnerabilities.at(0).score, -1.0);
    const QStringList expected {
        QStringLiteral("metadata.continue: expected a string"),
        QStringLiteral("items[0].report.summary.criticalCount: expected an integer"),
        QStringLiteral("items[0].report.summary.highCount: expected an integer"),
        QStringLiteral("items[0].report.artifact.tag: expected a string"),
        QStringLiteral("items[0].report.updateTimestamp: expected an RFC 3339 timestamp, got "
                       "\"yesterday\""),
        QStringLiteral("items[0].report.vulnerabilities[0].score: expected a number"),
        QStringLiteral("items[0].report.vulnerabilities[1]: expected an object"),
    };
    QCOMPARE(list.report.issuesText().split(QLatin1Char('\n')), expected);

    const ObjectList<GatekeeperConstraint> constraints = SafetyNetDecoder::gatekeeperConstraints(
        R"({"items": [{"kind": "K8sX", "metadata": {"name": "c"}, "spec": {"enforcementAction": 1},
                       "status": {"totalViolations": 1e30, "violations": {"kind": "Pod"}}}]})");
    QVERIFY(constraints.isOk());
    QCOMPARE(constraints.items.constFirst().totalViolations, 0);
    QCOMPARE(constraints.items.constFirst().enforcementAction, QStringLiteral("deny"));
    QCOMPARE(constraints.report.issues.size(), 3);
    QCOMPARE(constraints.report.issues.at(2).text(),
             QStringLiteral("items[0].status.violations: expected an array"));
}

void TestSafetyNetDecoderHostile::itemsThatAreNoObjects()
{
    for (const auto &[decoder, decode] : decoders()) {
        const Outcome out = decode(R"({"items": [1, "x", null, [], {}]})");
        QVERIFY2(out.report.isOk(), decoder);
        QCOMPARE(out.report.issues.size(), 4);
        QCOMPARE(out.report.issues.at(1).text(), QStringLiteral("items[1]: expected an object"));
        // The empty object is an object (FeatureFlags: one without flags holds none).
        QCOMPARE(out.items, QByteArray(decoder) == "flags" ? 0 : 1);
    }
}

void TestSafetyNetDecoderHostile::hugeStringsAreCut()
{
    const QByteArray huge(50 * 1024 * 1024, 'a');
    const ObjectList<VulnerabilityReport> list = SafetyNetDecoder::vulnerabilityReports(
        R"({"items": [{"metadata": {"name": "r"}, "report": {"vulnerabilities": [{"title": ")"
        + huge + R"(", "severity": ")" + huge + R"(", "vulnerabilityID": "CVE-1"}]}}]})");
    QVERIFY2(list.isOk(), qPrintable(list.report.error));
    const Vulnerability &vulnerability = list.items.constFirst().vulnerabilities.constFirst();
    QCOMPARE(vulnerability.id, QStringLiteral("CVE-1"));
    QCOMPARE(vulnerability.title.size(), SafetyNetLimits::maxStringLength);
    QVERIFY(vulnerability.title.endsWith(QStringLiteral("aaa…")));
    QCOMPARE(vulnerability.severity.size(), SafetyNetLimits::maxStringLength);

    // Multi-byte characters are never split, and a string just at the limit stays whole.
    const QString exact(SafetyNetLimits::maxStringLength, QChar(0x00e9));
    const ObjectList<FeatureFlag> flags = SafetyNetDecoder::featureFlags(
        R"({"items": [{"metadata": {"name": "f"}, "spec": {"flagSpec": {"flags": {"k": {"defaultVariant": ")"
        + exact.toUtf8() + R"(", "state": ")" + QString(5000, QChar(0x4e2d)).toUtf8()
        + R"("}}}}}]})");
    QVERIFY2(flags.isOk(), qPrintable(flags.report.error));
    QCOMPARE(flags.items.constFirst().defaultVariant, exact);
    QCOMPARE(flags.items.constFirst().state,
             QString(SafetyNetLimits::maxStringLength - 1, QChar(0x4e2d)) + QStringLiteral("…"));
}

void TestSafetyNetDecoderHostile::listsAreCutAtTheLimits()
{
    const QByteArray vulnerability = R"({"vulnerabilityID": "CVE-1", "severity": "LOW"})";
    auto vulnerabilities = SafetyNetDecoder::vulnerabilityReports(listOf(
        R"({"report": {"vulnerabilities": )"
            + arrayOf(vulnerability, SafetyNetLimits::maxVulnerabilitiesPerReport + 1) + "}}",
        1));
    QCOMPARE(vulnerabilities.items.constFirst().vulnerabilities.size(),
             SafetyNetLimits::maxVulnerabilitiesPerReport);
    QVERIFY(vulnerabilities.items.constFirst().truncated);
    vulnerabilities = SafetyNetDecoder::vulnerabilityReports(
        listOf(R"({"report": {"vulnerabilities": )"
                   + arrayOf(vulnerability, SafetyNetLimits::maxVulnerabilitiesPerReport) + "}}",
               1));
    QVERIFY(!vulnerabilities.items.constFirst().truncated);

    const auto policy = SafetyNetDecoder::policyReports(
        listOf(R"({"results": )"
                   + arrayOf(R"({"policy": "p", "result": "fail"})",
                             SafetyNetLimits::maxPolicyResultsPerReport + 1)
                   + "}",
               1));
    QCOMPARE(policy.items.constFirst().results.size(), SafetyNetLimits::maxPolicyResultsPerReport);
    QVERIFY(policy.items.constFirst().truncated);

    const auto constraints = SafetyNetDecoder::gatekeeperConstraints(
        listOf(R"({"status": {"violations": )"
                   + arrayOf(R"({"kind": "Pod", "name": "p"})",
                             SafetyNetLimits::maxViolationsPerConstraint + 1)
                   + "}}",
               1));
    QCOMPARE(constraints.items.constFirst().violations.size(),
             SafetyNetLimits::maxViolationsPerConstraint);
    QVERIFY(constraints.items.constFirst().truncated);

    QByteArray nodes = "{";
    for (int i = 0; i <= SafetyNetLimits::maxStepsPerRun; ++i)
        nodes += (i > 0 ? ",\"n" : "\"n") + QByteArray::number(i) + R"(": {"type": "Pod"})";
    const auto workflows
        = SafetyNetDecoder::argoWorkflows(listOf(R"({"status": {"nodes": )" + nodes + "}}}", 1));
    QCOMPARE(workflows.items.constFirst().steps.size(), SafetyNetLimits::maxStepsPerRun);
    QVERIFY(workflows.items.constFirst().truncated);

    const auto runs = SafetyNetDecoder::tektonPipelineRuns(
        listOf(R"({"spec": {"params": [{"name": "p", "value": )"
                   + arrayOf("\"v\"", SafetyNetLimits::maxValuesPerRun + 10) + "}]}}",
               1));
    QCOMPARE(runs.items.constFirst().values.size(), SafetyNetLimits::maxValuesPerRun);
}

void TestSafetyNetDecoderHostile::objectsPerPageAreBounded()
{
    const auto list = SafetyNetDecoder::k6TestRuns(
        listOf(R"({"status": {"stage": "finished"}})", SafetyNetLimits::maxObjectsPerKind + 5));
    QVERIFY(list.isOk());
    QCOMPARE(list.items.size(), SafetyNetLimits::maxObjectsPerKind);
    QCOMPARE(list.report.issuesText(),
             QStringLiteral("items: more than 20000 objects: 5 left out"));
}

void TestSafetyNetDecoderHostile::flagsPerResourceAreBounded()
{
    QByteArray flags = "{";
    for (int i = 0; i < SafetyNetLimits::maxFlagsPerResource + 3; ++i)
        flags += (i > 0 ? ",\"f" : "\"f") + QByteArray::number(i) + R"(": {"state": "ENABLED"})";
    const auto list = SafetyNetDecoder::featureFlags(listOf(
        R"({"metadata": {"name": "x"}, "spec": {"flagSpec": {"flags": )" + flags + "}}}}", 2));
    QVERIFY(list.isOk());
    QCOMPARE(list.items.size(), 2 * SafetyNetLimits::maxFlagsPerResource);
    QCOMPARE(list.report.issues.size(), 2);
    QCOMPARE(list.report.issues.at(1).text(),
             QStringLiteral("items[1].spec.flagSpec.flags: more than 500 flags: the rest are left "
                            "out"));
}

QTEST_GUILESS_MAIN(TestSafetyNetDecoderHostile)
#include "tst_safetynetdecoderhostile.moc"
