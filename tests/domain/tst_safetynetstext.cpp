// SPDX-License-Identifier: GPL-3.0-or-later
// SafetyNetsText: the compact summary line (what was found, "no findings" only about what was
// read, "not scanned" when nothing was), source names, the quiet notes on sources that could
// not be read, and Trivy's severity words.
#include "safetynetsassembler.h"
#include "safetynetsfixture.h"
#include "safetynetstext.h"

#include <QTest>

using namespace SafetyNetsTest;
using State = SafetyNetSourceState::State;

namespace {

SafetyNets assembled(const RolloutDetail &d, const SafetyNetInventory &own)
{
    const SafetyNetInventory earlier = staging();
    return SafetyNetsAssembler::assemble(d, own, &earlier, 1000, config());
}

// Every source read and clean: no reports, runs or alerts about the rollout.
SafetyNetInventory clean()
{
    SafetyNetInventory own;
    for (SafetyNetSourceState &s : own.sources)
        s.state = State::Loaded;
    own.vulnerabilityReports = inventory().vulnerabilityReports;
    for (VulnerabilityReport &r : own.vulnerabilityReports) {
        r.vulnerabilities.clear();
        r.summary = {};
    }
    return own;
}

} // namespace

class TestSafetyNetsText : public QObject
{
    Q_OBJECT

private slots:
    void stagingEvidence();
    void summaryOfTheScenario()
    {
        QCOMPARE(SafetyNetsText::summary(assembled(detail(), inventory())),
                 QStringLiteral("+1 critical CVE · policy: 3 fail · 2 Gatekeeper violations · "
                                "2 admission denials · CI failed · staging chaos failed · "
                                "4 Falco alerts"));
    }

    void summaryWords_data()
    {
        QTest::addColumn<int>("change");
        QTest::addColumn<QString>("expected");
        QTest::newRow("clean") << 0 << QStringLiteral("no findings");
        QTest::newRow("nothing read") << 1 << QStringLiteral("not scanned");
        QTest::newRow("canary not scanned") << 2 << QStringLiteral("not scanned");
        QTest::newRow("Trivy forbidden")
            << 3 << QStringLiteral("no findings in what could be read");
        QTest::newRow("high CVEs, green CI, staging passed")
            << 4 << QStringLiteral("+2 high CVEs · CI green · staging passed");
        QTest::newRow("stable unscanned: the canary's own count")
            << 5 << QStringLiteral("2 critical CVEs");
        QTest::newRow("Falco not read") << 6 << QStringLiteral("no findings");
        QTest::newRow("staging load test failed")
            << 7 << QStringLiteral("staging load test failed");
    }

    void summaryWords()
    {
        QFETCH(int, change);
        QFETCH(QString, expected);
        SafetyNetInventory own = clean();
        SafetyNetInventory earlier;
        earlier.environment = QStringLiteral("staging");
        switch (change) {
        case 1:
            own = SafetyNetInventory {};
            break;
        case 2:
            own.vulnerabilityReports.clear();
            break;
        case 3:
            own.source(SafetyNetSource::Vulnerabilities).state = State::Forbidden;
            own.vulnerabilityReports.clear();
            break;
        case 4:
            own.vulnerabilityReports[0].vulnerabilities
                = {vulnerability("CVE-1", "a", "HIGH", 7), vulnerability("CVE-2", "b", "HIGH", 7)};
            own.ciRuns = {ciRun(CiRun::Kind::ArgoWorkflow, "b", "Succeeded", 1, {canaryImage})};
            earlier.loadTests = {LoadTestRun {
                QStringLiteral("cart-load"), {}, QStringLiteral("finished"), 5000, {}}};
            break;
        case 5:
            own.vulnerabilityReports[0].vulnerabilities
                = {vulnerability("CVE-1", "a", "CRITICAL", 9),
                   vulnerability("CVE-2", "b", "CRITICAL", 9)};
            own.vulnerabilityReports[0].summary.critical = 2;
            own.vulnerabilityReports.removeAt(3); // stable's cart unscanned
            break;
        case 6:
            own.source(SafetyNetSource::Falco).state = State::NotAsked;
            own.falco = inventory().falco; // counts cannot be shown without the source read
            break;
        case 7:
            earlier.loadTests = {
                LoadTestRun {QStringLiteral("cart-load"), {}, QStringLiteral("error"), 5000, {}}};
            break;
        }
        RolloutDetail quiet = detail();
        quiet.events.clear(); // no admission denials
        const auto nets = SafetyNetsAssembler::assemble(quiet, own, &earlier, 0, config());
        QCOMPARE(SafetyNetsText::summary(nets), expected);
    }

    void summaryOfAFullyPromotedRollout()
    {
        RolloutDetail promoted = detail();
        promoted.rollout.status.stableRS = QStringLiteral("new1");
        SafetyNetInventory own = inventory();
        own.ciRuns.clear();
        // No canary to compare with: the current version's criticals, policy and alerts.
        QCOMPARE(SafetyNetsText::summary(
                     SafetyNetsAssembler::assemble(promoted, own, nullptr, 0, config())),
                 QStringLiteral("1 critical CVE · policy: 3 fail · 2 Gatekeeper violations · "
                                "2 admission denials · 4 Falco alerts"));
    }

    void sourceNames()
    {
        QCOMPARE(SafetyNetsText::sourceName(SafetyNetSource::Vulnerabilities),
                 QStringLiteral("Image vulnerabilities (Trivy)"));
        QCOMPARE(SafetyNetsText::sourceName(SafetyNetSource::Tekton),
                 QStringLiteral("CI pipelines (Tekton)"));
        QSet<QString> names;
        for (int i = 0; i < safetyNetSourceCount; ++i)
            names.insert(SafetyNetsText::sourceName(SafetyNetSource(i)));
        QCOMPARE(names.size(), safetyNetSourceCount);
        QVERIFY(!names.contains(QString()));
    }

    void sourceNotes()
    {
        const auto note = [](SafetyNetSource source, State state, const QString &detail = {}) {
            return SafetyNetsText::sourceNote(source,
                                              SafetyNetSourceState {state, detail, 0, false});
        };
        QCOMPARE(note(SafetyNetSource::Vulnerabilities, State::NotServed),
                 QStringLiteral("Trivy Operator is not installed in this cluster (the API has no "
                                "VulnerabilityReport kind)."));
        QCOMPARE(note(SafetyNetSource::Gatekeeper, State::NotServed),
                 QStringLiteral("OPA Gatekeeper is not installed in this cluster (the API has no "
                                "constraints.gatekeeper.sh group)."));
        QCOMPARE(note(SafetyNetSource::Policy, State::Forbidden),
                 QStringLiteral("Not allowed to list PolicyReports here (403)."));
        QCOMPARE(note(SafetyNetSource::Falco, State::Forbidden),
                 QStringLiteral("Not allowed to query Prometheus for falco_events here (403)."));
        QCOMPARE(note(SafetyNetSource::Tekton, State::Failed, QStringLiteral("HTTP 503")),
                 QStringLiteral("Could not read PipelineRuns: HTTP 503"));
        QVERIFY(note(SafetyNetSource::Policy, State::Loaded).isEmpty());
        for (int i = 0; i < safetyNetSourceCount; ++i) {
            for (State s : {State::NotAsked, State::NotServed, State::Forbidden, State::Failed})
                QVERIFY(!note(SafetyNetSource(i), s).isEmpty());
        }
    }

    void severityNames()
    {
        QCOMPARE(SafetyNetsText::severityName(QStringLiteral("CRITICAL")),
                 QStringLiteral("Critical"));
        QCOMPARE(SafetyNetsText::severityName(QStringLiteral("high")), QStringLiteral("High"));
        QCOMPARE(SafetyNetsText::severityName(QStringLiteral("UNKNOWN")),
                 QStringLiteral("Unknown"));
        QCOMPARE(SafetyNetsText::severityName(QStringLiteral("NONE")), QStringLiteral("NONE"));
    }
};

// The promotion view's verdict on the earlier environment: failed names the runs, passed
// counts them, and nothing is said about sources that could not be read.
void TestSafetyNetsText::stagingEvidence()
{
    using Evidence = SafetyNetsText::Evidence;
    SafetyNets nets;
    QString line = QStringLiteral("x");
    QCOMPARE(SafetyNetsText::evidence(nets, &line), Evidence::None); // no earlier environment
    QVERIFY(line.isEmpty());
    nets.staging.environment = QStringLiteral("staging");
    QCOMPARE(SafetyNetsText::evidence(nets, &line), Evidence::None); // nothing could be read
    QVERIFY(line.isEmpty());
    nets.sources[int(SafetyNetSource::LoadTests)].state = State::Loaded;
    QCOMPARE(SafetyNetsText::evidence(nets, &line), Evidence::Missing);
    QCOMPARE(line, QStringLiteral("staging: no load test or chaos experiment for this version"));

    LoadTestRun run;
    run.name = QStringLiteral("checkout-load");
    run.stage = QStringLiteral("started");
    nets.staging.loadTests = {run};
    QCOMPARE(SafetyNetsText::evidence(nets, &line), Evidence::Missing);
    QCOMPARE(line, QStringLiteral("staging: 1 not finished"));
    nets.staging.loadTests[0].stage = QStringLiteral("finished");
    QCOMPARE(SafetyNetsText::evidence(nets, &line), Evidence::Passed);
    QCOMPARE(line, QStringLiteral("staging: 1 passed"));

    ChaosExperiment chaos;
    chaos.name = QStringLiteral("pod-delete");
    chaos.verdict = QStringLiteral("Fail");
    nets.staging.chaos = {chaos};
    QCOMPARE(SafetyNetsText::evidence(nets), Evidence::Failed);
    QCOMPARE(SafetyNetsText::evidence(nets, &line), Evidence::Failed);
    QCOMPARE(line, QStringLiteral("staging: failed (pod-delete)"));
}

QTEST_GUILESS_MAIN(TestSafetyNetsText)
#include "tst_safetynetstext.moc"
