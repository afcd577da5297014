// SPDX-License-Identifier: GPL-3.0-or-later
// Every canary's safety nets on the demo fleet (a real window, offscreen): SafetyNetsMonitor
// reads each environment's namespace with a canary in progress once (never per rollout, at
// most two reads at a time), joins staging's payments-api canary 2.8.0 to what its namespace
// holds (it adds CVE-2024-3094, critical, and fails Kyverno's check-signature rule), shows it
// in the fleet table's Safety nets column (hidden by default, red), leaves rollouts without a
// canary empty, and records it with the canary's release in the history database.
#include "demowindow.h"

#include "historyreader.h"
#include "safetynetsmonitor.h"
#include "safetynetstext.h"

#include <QColor>
#include <QJsonArray>
#include <QJsonObject>

namespace {

constexpr int kWaitMs = 60000;

const QString staging = QStringLiteral("staging");
const QString payments = QStringLiteral("payments");

bool addsCriticalCve(const SafetyNets &nets)
{
    for (const Vulnerability &v : nets.vulnerabilities.added) {
        if (v.id == QLatin1String("CVE-2024-3094") && v.severity == QLatin1String("CRITICAL"))
            return true;
    }
    return false;
}

// The stored safety nets of staging's payments-api release in progress; empty when none.
QJsonObject recordedNets(const QString &path)
{
    HistoryReader reader;
    if (!reader.open(path))
        return {};
    for (const ReleaseSummary &s : reader.releases({})) {
        if (s.key.environment != staging || s.workload != QLatin1String("payments-api")
            || s.outcome != ReleaseOutcome::InProgress)
            continue;
        const std::optional<ReleaseTimeline> t = reader.timeline(s.id);
        if (t && t->safetyNets.isValid())
            return t->safetyNets.nets;
    }
    return {};
}

} // namespace

class TestSafetyNetsMonitor : public QObject
{
    Q_OBJECT

private slots:
    void everyCanaryOfTheDemoFleet();
};

void TestSafetyNetsMonitor::everyCanaryOfTheDemoFleet()
{
    QTemporaryDir dir;
    QVERIFY(isolateGuiTest(dir));
    const QString history = dir.filePath(QStringLiteral("history.sqlite"));
    qputenv("RELEASE_DASHBOARD_HISTORY_FILE", history.toUtf8());
    DemoFleet demo(DemoFleet::Options {});
    QString error;
    QVERIFY2(demo.start(&error), qPrintable(error));
    auto window = openDemoWindow(demo);
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    auto *monitor = window->findChild<SafetyNetsMonitor *>(QStringLiteral("safetyNetsMonitor"));
    QVERIFY(monitor);
    QVERIFY(monitor->refreshTimer()->isActive());
    QCOMPARE(monitor->refreshTimer()->interval(), 2 * 60 * 1000);
    // Optional: the table starts without it, its header menu offers it.
    QVERIFY(fleetTable(window.get())->isColumnHidden(FleetModel::SafetyNetsColumn));

    QModelIndex row;
    QVERIFY(QTest::qWaitFor(
        [&] { return (row = demoRow(window.get(), staging, payments, "payments-api")).isValid(); },
        kWaitMs));
    const QString uid = row.data(FleetModel::UidRole).toString();
    QVERIFY(QTest::qWaitFor([&] { return monitor->safetyNets(staging, uid) != nullptr; }, kWaitMs));
    const SafetyNets nets = *monitor->safetyNets(staging, uid);
    QVERIFY(addsCriticalCve(nets));
    QVERIFY(std::any_of(nets.policy.newFailures.cbegin(), nets.policy.newFailures.cend(),
                        [](const PolicyResult &r) { return r.rule == "check-signature"; }));
    QCOMPARE(nets.staging.environment, QStringLiteral("dev")); // the config's earlier one

    // The column: the summary in red, when it was read and each source in the tooltip.
    row = demoRow(window.get(), staging, payments, "payments-api"); // the proxy may have moved it
    const QModelIndex cell = row.siblingAtColumn(FleetModel::SafetyNetsColumn);
    QCOMPARE(cell.data().toString(), SafetyNetsText::summary(nets));
    QVERIFY2(cell.data().toString().contains(QStringLiteral("critical")),
             qPrintable(cell.data().toString()));
    QCOMPARE(cell.data(Qt::ForegroundRole).value<QColor>(), QColor(0xc6, 0x28, 0x28));
    QVERIFY(cell.data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("Read ")));

    // A round reads a namespace once however many canaries it holds (and staging's as prod's
    // earlier environment only when it was not read within half a round), never more than two
    // namespaces at a time. Before the first round settles a namespace may be read again: a
    // canary whose rows arrive while it is being read wants Falco counted from its start.
    QVERIFY(QTest::qWaitFor([&] { return monitor->idle(); }, kWaitMs));
    const int readsBefore = monitor->fetchCount(staging, payments);
    monitor->refreshAll();
    QVERIFY(QTest::qWaitFor([&] { return monitor->idle(); }, kWaitMs));
    QCOMPARE(monitor->fetchCount(staging, payments) - readsBefore, 1);
    QVERIFY2(monitor->peakConcurrentFetches() <= SafetyNetsMonitor::maxConcurrentFetches,
             qPrintable(QString::number(monitor->peakConcurrentFetches())));
    // A fully promoted rollout shows nothing.
    const QModelIndex promoted = demoRow(window.get(), QStringLiteral("prod"),
                                         QStringLiteral("shop"), QStringLiteral("recommendations"));
    QVERIFY(promoted.isValid());
    QCOMPARE(promoted.siblingAtColumn(FleetModel::SafetyNetsColumn).data().toString(), QString());
    QVERIFY(!monitor->safetyNets(QStringLiteral("prod"),
                                 promoted.data(FleetModel::UidRole).toString()));

    // The release record keeps it with the canary's release.
    QJsonObject recorded;
    QVERIFY(
        QTest::qWaitFor([&] { return !(recorded = recordedNets(history)).isEmpty(); }, kWaitMs));
    const QJsonArray added = recorded.value(QStringLiteral("vulnerabilities"))
                                 .toObject()
                                 .value(QStringLiteral("added"))
                                 .toArray();
    QVERIFY(std::any_of(added.begin(), added.end(), [](const QJsonValue &v) {
        return v.toObject().value(QStringLiteral("id")).toString() == "CVE-2024-3094";
    }));
    window.reset();
}

QTEST_MAIN(TestSafetyNetsMonitor)
#include "tst_safetynetsmonitor.moc"
