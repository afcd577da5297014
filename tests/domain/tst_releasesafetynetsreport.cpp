// SPDX-License-Identifier: GPL-3.0-or-later
// The post-release report's "Safety nets" section: what the canary brought (vulnerabilities by
// severity and the CVEs it added, policy failures new with it, Gatekeeper, admission denials,
// Falco, the CI run, the earlier environment's evidence) from the recorded safetyNetsJson,
// after the quality gates; sources that were not read are said to be so, never clean.
#include "../support/releasetimelinefixture.h"
#include "../support/safetynetsfixture.h"
#include "releasereport.h"
#include "releasesafetynets.h"
#include "safetynetsjson.h"

#include <QtTest>

using namespace ReleaseTimelineFixture;

namespace {

ReleaseTimeline withSafetyNets(const SafetyNets &nets)
{
    ReleaseTimeline t = rich();
    t.safetyNets.readAt
        = QDateTime::fromMSecsSinceEpoch(SafetyNetsFixture::baseMs + 60'000, Qt::UTC);
    t.safetyNets.nets = safetyNetsJson(nets);
    return t;
}

} // namespace

class TestReleaseSafetyNetsReport : public QObject
{
    Q_OBJECT

private slots:
    void whatTheCanaryBrought()
    {
        const QString md
            = releaseReportMarkdown(withSafetyNets(SafetyNetsFixture::checkout()), nullptr);
        const QString expected = QStringLiteral(
            "## Safety nets\n\n"
            "What the canary brought compared with the stable version, as last read at "
            "2024-05-03 14:01:00 UTC.\n\n"
            "| Safety net | Finding |\n"
            "|---|---|\n"
            "| Image vulnerabilities (Trivy) | canary: 1 critical, 3 high, 5 medium, 2 low; "
            "stable: 0 critical, 4 high, 5 medium, 2 low; 1 added, 1 fixed; configuration audit "
            "failures: 1 |\n"
            "| Policy reports | 2 fail, 1 warn, 0 error, 12 pass; 1 new with the canary; "
            "admission denied: admission webhook \"validate.kyverno.svc\" denied the request: "
            "label 'team' is required |\n"
            "| Gatekeeper constraints | Rollout checkout (prod-repos, dryrun): image is not from "
            "an allowed repository |\n"
            "| Runtime alerts (Falco) | canary: Critical 2, Notice 1; stable: Notice 4 |\n"
            "| CI pipeline | Argo Workflows argo/build-checkout-x7: Succeeded |\n"
            "| Earlier environment's evidence | in staging: load test checkout-load: finished; "
            "ChaosResult checkout-pod-delete: Pass |\n\n"
            "### Vulnerabilities the canary added\n\n"
            "| ID | Package | Installed | Fixed | Severity | Score |\n"
            "|---|---|---|---|---|---|\n"
            "| CVE-2024-3094 | xz-utils | 1.0.0 | 5.6.1 | Critical | 10 |\n\n"
            "### Policy failures new with the canary\n\n"
            "| Policy | Rule | Result | Message |\n"
            "|---|---|---|---|\n"
            "| require-labels | check-team | fail | label 'team' is required |\n\n"
            "## Analysis (gates)\n\n");
        QVERIFY2(md.contains(expected), qPrintable(md));
        // After the quality gates; nothing is said to be unread when all was read.
        QVERIFY(md.indexOf(QStringLiteral("## Quality gates")) < md.indexOf(expected));
        QVERIFY(!md.contains(QStringLiteral("### Not read")));
    }

    void aFailedCiStepIsNamed()
    {
        SafetyNets nets = SafetyNetsFixture::checkout();
        nets.ci.run.phase = QStringLiteral("Failed");
        nets.ci.run.message = QStringLiteral("child 'test' failed");
        nets.ci.run.steps[1].phase = QStringLiteral("Failed");
        const QString md = releaseReportMarkdown(withSafetyNets(nets), nullptr);
        QVERIFY2(
            md.contains(QStringLiteral("| CI pipeline | Argo Workflows argo/build-checkout-x7: "
                                       "Failed; failed step test; child 'test' failed |")),
            qPrintable(md));
    }

    void unreadSourcesAreSaidAsSuch()
    {
        const QString md
            = releaseReportMarkdown(withSafetyNets(SafetyNetsFixture::unread()), nullptr);
        for (const char *row : {
                 "| Image vulnerabilities (Trivy) | not read |",
                 "| Policy reports | not read |",
                 "| Gatekeeper constraints | not read |",
                 "| Runtime alerts (Falco) | not read |",
                 "| CI pipeline | not read |",
                 "| Earlier environment's evidence | not read in staging |",
             })
            QVERIFY2(md.contains(QString::fromUtf8(row)), row);
        QVERIFY(md.contains(QStringLiteral("### Not read\n\n")));
        QVERIFY(md.contains(
            QStringLiteral("Image vulnerabilities (Trivy): Trivy Operator is not installed in "
                           "this cluster (the API has no VulnerabilityReport kind).\n\n")));
        QVERIFY(md.contains(
            QStringLiteral("Policy reports: Not allowed to list PolicyReports here (403).\n\n")));
        QVERIFY(md.contains(QStringLiteral(
            "Runtime alerts (Falco): Not asked: no Prometheus to query falco_events in.\n\n")));
        QVERIFY(md.contains(
            QStringLiteral("CI pipelines (Argo Workflows): Could not read Workflows.\n\n")));
        // Feature flags were read: no note about them; nothing is called clean.
        QVERIFY(!md.contains(QStringLiteral("Feature flags (OpenFeature):")));
        QVERIFY(!md.contains(QStringLiteral("no violations")));
        QVERIFY(!md.contains(QStringLiteral("no alerts")));
    }

    void noneRecorded()
    {
        QVERIFY(releaseReportMarkdown(rich(), nullptr)
                    .contains(QStringLiteral(
                        "## Safety nets\n\nNo safety nets were recorded.\n\n## Analysis")));
    }

    void storedSourceWords()
    {
        using State = SafetyNetSourceState::State;
        QCOMPARE(ReleaseSafetyNetsReport::stateOf(QStringLiteral("loaded")), State::Loaded);
        QCOMPARE(ReleaseSafetyNetsReport::stateOf(QStringLiteral("notServed")), State::NotServed);
        QCOMPARE(ReleaseSafetyNetsReport::stateOf(QStringLiteral("forbidden")), State::Forbidden);
        QCOMPARE(ReleaseSafetyNetsReport::stateOf(QStringLiteral("failed")), State::Failed);
        // A word of a newer version is not taken for a read source.
        QCOMPARE(ReleaseSafetyNetsReport::stateOf(QStringLiteral("partly")), State::NotAsked);
    }
};

QTEST_GUILESS_MAIN(TestReleaseSafetyNetsReport)
#include "tst_releasesafetynetsreport.moc"
