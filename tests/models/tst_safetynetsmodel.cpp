// SPDX-License-Identifier: GPL-3.0-or-later
// SafetyNetsModel over hand-made safety nets: every section's rows as printed text (the CVEs
// the canary adds and fixes, policy failures with the new one first and marked, Falco by
// priority canary against stable, the CI run and its steps, the earlier environment's
// evidence, the flags), the tones that carry the severities, the links, the quiet notes of
// sources that were not read (and no "nothing found" for them), an update in place for the
// same rollout and a reset for another; SafetyNetsVerdict's section tones and worst finding.
// QAbstractItemModelTester watches from before the first value.
#include "safetynetsmodel.h"

#include "../support/modelrows.h"
#include "../support/safetynetsfixture.h"
#include "detailtext.h"
#include "safetynetsverdict.h"

#include <QAbstractItemModelTester>
#include <QTest>

namespace {

using M = SafetyNetsModel;
using Tone = DetailRoles::Tone;
using Section = SafetyNetsVerdict::Section;
namespace F = SafetyNetsFixture;

// The section whose title starts with `title`, and its rows printed.
QModelIndex section(const M &model, const QString &title)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        if (index.data().toString().startsWith(title))
            return index;
    }
    return QModelIndex();
}

QString printed(const M &model, const QString &title)
{
    const QModelIndex parent = section(model, title);
    return parent.isValid() ? printTree(model, {}, parent) : QStringLiteral("(no section)");
}

// The row under `parent` (any depth) whose first cell is `text`.
QModelIndex find(const M &model, const QString &text, const QModelIndex &parent = {})
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (index.data().toString() == text)
            return index;
        const QModelIndex below = find(model, text, index);
        if (below.isValid())
            return below;
    }
    return QModelIndex();
}

QVariant tone(Tone t)
{
    return QVariant(int(t));
}

} // namespace

class TestSafetyNetsModel : public QObject
{
    Q_OBJECT

private slots:
    void sectionsAndCaptions()
    {
        M model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSafetyNets(F::checkout());
        QCOMPARE(model.columnCount(), 4);
        QCOMPARE(printTree(model, {0, 1, 2, 3}).split(QLatin1Char('\n')).first(),
                 QStringLiteral("Image vulnerabilities | Canary | Stable | Package and fix"));
        QStringList titles;
        for (int row = 0; row < model.rowCount(); ++row)
            titles.append(text(model.index(row, 0), 0));
        QCOMPARE(titles,
                 QStringList(
                     {QStringLiteral("Image vulnerabilities"), QStringLiteral("Policy"),
                      QStringLiteral("Runtime alerts (Falco)"), QStringLiteral("CI pipeline"),
                      QStringLiteral("Evidence from staging"), QStringLiteral("Feature flags")}));
        // Each section starts expanded, its title bold with the section's verdict.
        const QModelIndex vulnerabilities = model.index(0, 0);
        QVERIFY(vulnerabilities.data(DetailRoles::ExpandedByDefaultRole).toBool());
        QCOMPARE(vulnerabilities.data(DetailRoles::SymbolRole).toString(),
                 QStringLiteral("Degraded"));
        QCOMPARE(section(model, QStringLiteral("CI")).data(DetailRoles::SymbolRole).toString(),
                 QStringLiteral("Healthy"));
        QCOMPARE(text(section(model, QStringLiteral("Policy")), M::Stable),
                 QStringLiteral("Against stable"));
    }

    void vulnerabilities()
    {
        M model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSafetyNets(F::checkout());
        QCOMPARE(printed(model, QStringLiteral("Image")),
                 QStringLiteral("Critical | 1 | 0 | +1 with the canary\n"
                                "High | 3 | 4 | \u22121 with the canary\n"
                                "Medium | 5 | 5\n"
                                "Low | 2 | 2\n"
                                "Added by the canary (1)\n"
                                "  CVE-2024-3094 | Critical · 10.0 | not in stable | xz-utils "
                                "1.0.0 → 5.6.1\n"
                                "Fixed by the canary (1)\n"
                                "  CVE-2023-44487 | fixed | High · 7.5 | golang.org/x/net 1.0.0 "
                                "→ 1.0.1\n"
                                "Configuration audit failures (1)\n"
                                "  KSV014 | High |  | Root file system is not read-only\n"));
        const QModelIndex added = find(model, QStringLiteral("CVE-2024-3094"));
        QCOMPARE(added.data(M::LinkRole).toString(),
                 QStringLiteral("https://avd.aquasec.com/nvd/cve-2024-3094"));
        QCOMPARE(added.siblingAtColumn(M::Canary).data(DetailRoles::ToneRole), tone(Tone::Failed));
        QVERIFY(isBold(added, M::Canary));
        // Only the item opens a page.
        QVERIFY(!added.siblingAtColumn(M::Details).data(M::LinkRole).isValid());
        QVERIFY(!find(model, QStringLiteral("Critical")).data(M::LinkRole).isValid());
        // The critical count the canary raises is red; the high it lowers is not.
        const QModelIndex critical = find(model, QStringLiteral("Critical"));
        QCOMPARE(critical.siblingAtColumn(M::Canary).data(DetailRoles::ToneRole),
                 tone(Tone::Failed));
        QVERIFY(!find(model, QStringLiteral("High"))
                     .siblingAtColumn(M::Canary)
                     .data(DetailRoles::ToneRole)
                     .isValid());
    }

    void cleanVulnerabilitiesSayWhatWasRead()
    {
        SafetyNets nets = F::checkout();
        nets.vulnerabilities.added.clear();
        nets.vulnerabilities.removed.clear();
        nets.vulnerabilities.configFailures.clear();
        nets.vulnerabilities.canary = nets.vulnerabilities.stable;
        M model;
        model.setSafetyNets(nets);
        const QModelIndex none = find(model, QStringLiteral("The canary adds no vulnerability"));
        QVERIFY(none.isValid());
        QCOMPARE(none.data(DetailRoles::ToneRole), tone(Tone::Ok));
        QVERIFY(find(model, QStringLiteral("No configuration audit failure")).isValid());
        QCOMPARE(SafetyNetsVerdict::tone(nets, Section::Vulnerabilities), Tone::Ok);

        // Not scanned yet: no count, no "adds none".
        nets.vulnerabilities.canaryScanned = false;
        model.setSafetyNets(nets);
        QVERIFY(!find(model, QStringLiteral("The canary adds no vulnerability")).isValid());
        QCOMPARE(text(find(model, QStringLiteral("Critical")), M::Canary),
                 QStringLiteral("not scanned"));
        QCOMPARE(SafetyNetsVerdict::tone(nets, Section::Vulnerabilities), Tone::Default);
    }

    void policy()
    {
        M model;
        model.setSafetyNets(F::checkout());
        // The new failure first, marked; then the one stable has too; Gatekeeper; denials.
        QCOMPARE(printed(model, QStringLiteral("Policy")),
                 QStringLiteral("Results | 2 failing |  | 12 pass · 2 fail · 1 warn · 0 error · 0 "
                                "skip\n"
                                "require-labels / check-team | Fail | new | label 'team' is "
                                "required\n"
                                "require-probes / liveness | Fail |  | livenessProbe is "
                                "required\n"
                                "Gatekeeper K8sAllowedRepos / prod-repos | dryrun |  | Rollout "
                                "checkout: image is not from an allowed repository\n"
                                "Admission denied | denied |  | admission webhook "
                                "\"validate.kyverno.svc\" denied the request: label 'team' is "
                                "required\n"));
        const QModelIndex fresh = find(model, QStringLiteral("require-labels / check-team"));
        QCOMPARE(fresh.data(DetailRoles::TintRole), tone(Tone::Failed));
        QVERIFY(isBold(fresh, M::Stable));
        QVERIFY(!find(model, QStringLiteral("require-probes / liveness"))
                     .data(DetailRoles::TintRole)
                     .isValid());
        QCOMPARE(SafetyNetsVerdict::tone(F::checkout(), Section::Policy), Tone::Failed);
    }

    void runtimeCiStagingFlags()
    {
        M model;
        model.setSafetyNets(F::checkout());
        QCOMPARE(printed(model, QStringLiteral("Runtime")),
                 QStringLiteral("Critical | 2 | 0\n"
                                "Notice | 1 | 4\n"
                                "Rules that fired on the canary\n"
                                "  Terminal shell in container | 2 | Critical | "
                                "checkout-7d9f-abcde\n"));
        QCOMPARE(printed(model, QStringLiteral("CI")),
                 QStringLiteral("Argo Workflow build-checkout-x7 | Succeeded | 4m12s | matched by "
                                "ghcr.io/shop/checkout:2.0.4\n"
                                "  build | Succeeded | 2m\n"
                                "  test | Succeeded | 2m12s\n"));
        QCOMPARE(find(model, QStringLiteral("Argo Workflow build-checkout-x7")).data(M::LinkRole),
                 QVariant(QStringLiteral(
                     "https://workflows.example.com/workflows/argo/build-checkout-x7")));
        const QString created
            = DetailText::timestamp(QDateTime::fromMSecsSinceEpoch(F::baseMs - 3600000, Qt::UTC));
        QCOMPARE(printed(model, QStringLiteral("Evidence")),
                 QStringLiteral("k6 TestRun checkout-load | finished |  | created %1\n"
                                "ChaosResult checkout-pod-delete | Pass |  | pod-delete · probes "
                                "100 % passed · target app=checkout\n")
                     .arg(created));
        QCOMPARE(printed(model, QStringLiteral("Feature")),
                 QStringLiteral("new-checkout | enabled | off | on=true, off=false · targeting "
                                "{\"fractional\":[[\"on\",10],[\"off\",90]]}\n"));
    }

    void failedPipelineStepIsRed()
    {
        SafetyNets nets = F::checkout();
        nets.ci.url.clear();
        nets.ci.run.phase = QStringLiteral("Failed");
        nets.ci.run.message = QStringLiteral("child 'test' failed");
        nets.ci.run.steps[1].phase = QStringLiteral("Failed");
        nets.ci.run.steps[1].message = QStringLiteral("exit code 1: 3 tests failed");
        M model;
        model.setSafetyNets(nets);
        const QModelIndex run = find(model, QStringLiteral("Argo Workflow build-checkout-x7"));
        QCOMPARE(run.siblingAtColumn(M::Canary).data(DetailRoles::ToneRole), tone(Tone::Failed));
        QVERIFY(!run.data(M::LinkRole).isValid());
        const QModelIndex step = find(model, QStringLiteral("test"), run);
        QCOMPARE(
            rowTexts(step),
            QStringList({QStringLiteral("test"), QStringLiteral("Failed"), QStringLiteral("2m12s"),
                         QStringLiteral("exit code 1: 3 tests failed")}));
        QCOMPARE(step.data(DetailRoles::TintRole), tone(Tone::Failed));
        QCOMPARE(SafetyNetsVerdict::tone(nets, Section::Ci), Tone::Failed);
    }

    void unreadSourcesAreQuietNotes()
    {
        M model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSafetyNets(F::unread());
        QCOMPARE(printed(model, QStringLiteral("Image")),
                 QStringLiteral("Trivy Operator is not installed in this cluster (the API has no "
                                "VulnerabilityReport kind).\n"
                                "Trivy Operator is not installed in this cluster (the API has no "
                                "ConfigAuditReport kind).\n"));
        QCOMPARE(printed(model, QStringLiteral("Policy")),
                 QStringLiteral("Not allowed to list PolicyReports here (403).\n"
                                "OPA Gatekeeper is not installed in this cluster (the API has no "
                                "constraints.gatekeeper.sh group).\n"));
        QCOMPARE(printed(model, QStringLiteral("Runtime")),
                 QStringLiteral("Not asked: no Prometheus to query falco_events in.\n"));
        QCOMPARE(printed(model, QStringLiteral("CI")),
                 QStringLiteral("Could not read Workflows: HTTP 500\n"
                                "Tekton Pipelines is not installed in this cluster (the API has "
                                "no PipelineRun kind).\n"));
        QCOMPARE(printed(model, QStringLiteral("Feature")),
                 QStringLiteral("No FeatureFlag in namespace shop\n"));
        // Notes are muted sentences across the row; no section claims a clean result.
        const QModelIndex note = model.index(0, 0, section(model, QStringLiteral("Image")));
        QCOMPARE(note.data(DetailRoles::ToneRole), tone(Tone::Muted));
        QVERIFY(note.data(DetailRoles::FirstColumnSpannedRole).toBool());
        for (Section s : SafetyNetsVerdict::sections()) {
            if (s != Section::FeatureFlags)
                QCOMPARE(SafetyNetsVerdict::tone(F::unread(), s), Tone::Muted);
        }
        QCOMPARE(section(model, QStringLiteral("Image")).data(DetailRoles::SymbolRole).toString(),
                 QString::fromLatin1(DetailRoles::blankSymbol));
        QCOMPARE(SafetyNetsVerdict::worst(F::unread()), Tone::Default);
        SafetyNets nothing = F::unread();
        nothing.sources[int(SafetyNetSource::FeatureFlags)].state
            = SafetyNetSourceState::State::NotAsked;
        QCOMPARE(SafetyNetsVerdict::worst(nothing), Tone::Muted);
    }

    void staleSourceSaysWhenItWasRead()
    {
        SafetyNets nets = F::checkout();
        nets.sources[int(SafetyNetSource::Policy)].detail = QStringLiteral("HTTP 503");
        M model;
        model.setSafetyNets(nets);
        const QModelIndex note = model.index(0, 0, section(model, QStringLiteral("Policy")));
        QVERIFY2(note.data().toString().startsWith(QStringLiteral("Policy reports: as read at ")),
                 qPrintable(note.data().toString()));
        QVERIFY(
            note.data().toString().endsWith(QStringLiteral("; reading it again failed: HTTP 503")));
        QCOMPARE(note.data(DetailRoles::ToneRole), tone(Tone::Warning));
        QVERIFY(SafetyNetsVerdict::toolTip(nets).contains(
            QStringLiteral("; reading it again failed: HTTP 503")));
    }

    void worstFinding()
    {
        QCOMPARE(SafetyNetsVerdict::worst(F::checkout()), Tone::Failed);
        SafetyNets clean = F::checkout();
        clean.vulnerabilities.added.clear();
        clean.vulnerabilities.configFailures.clear();
        clean.vulnerabilities.canary = clean.vulnerabilities.stable;
        clean.policy = {};
        clean.falco = {};
        QCOMPARE(SafetyNetsVerdict::worst(clean), Tone::Ok);
        clean.falco.canary = {{QStringLiteral("Warning"), 1}};
        QCOMPARE(SafetyNetsVerdict::worst(clean), Tone::Warning);
        clean.falco = {};
        // A section not read at all keeps the whole from green.
        clean.sources[int(SafetyNetSource::Falco)].state = SafetyNetSourceState::State::NotAsked;
        QCOMPARE(SafetyNetsVerdict::worst(clean), Tone::Default);
    }

    void sameRolloutUpdatesInPlace()
    {
        M model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSafetyNets(F::checkout());
        ModelSignalLog log(&model);
        model.setSafetyNets(F::checkout());
        QCOMPARE(log.take(), QStringList());
        SafetyNets next = F::checkout();
        next.vulnerabilities.added.append(F::cve(QStringLiteral("CVE-2024-0001"),
                                                 QStringLiteral("openssl"), QStringLiteral("HIGH"),
                                                 7.1));
        model.setSafetyNets(next);
        QCOMPARE(log.take(),
                 QStringList({QStringLiteral("change 4-4 in Image vulnerabilities"),
                              QStringLiteral("insert 1-1 in Added by the canary (2)")}));
        SafetyNets other = F::checkout();
        other.rollout = QStringLiteral("cart");
        model.setSafetyNets(other);
        QCOMPARE(log.take(), QStringList({QStringLiteral("reset")}));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSafetyNetsModel)
#include "tst_safetynetsmodel.moc"
