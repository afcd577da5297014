// SPDX-License-Identifier: GPL-3.0-or-later
// FlaggerAnalysisModel over the decoded Flagger fixtures (tests/data/domain): the spec's rows
// and groups, webhooks in the order Flagger calls them, a hostile spec's repeated names kept
// apart, and updates in place announcing only what changed (a status change nothing, a new
// webhook one insert). QAbstractItemModelTester watches throughout.
#include "flaggeranalysismodel.h"
#include "jsondecoder.h"

#include "../domain/testdata.h"
#include "../support/modelrows.h"

#include <QAbstractItemModelTester>
#include <QTest>

namespace {

FlaggerCanary canary(const QString &file)
{
    const Decoded<FlaggerCanary> decoded = decodeObject<FlaggerCanary>(domainTestData(file));
    if (!decoded.isOk())
        qFatal("%s: %s", qPrintable(file), qPrintable(decoded.report.error));
    return decoded.value;
}

} // namespace

class TestFlaggerAnalysisModel : public QObject
{
    Q_OBJECT

private slots:
    void rowsOfACanary()
    {
        FlaggerAnalysisModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCanary(canary(QStringLiteral("flagger-canary-stepweight.json")));
        const QString tree = printTree(model, {FlaggerAnalysisModel::Item});
        QCOMPARE(tree,
                 QStringLiteral("Target\nProvider\nService\nAutoscaler\nDeadline\n"
                                "Strategy\nInterval\nThreshold\nTraffic\nReady thresholds\n"
                                "Metrics (3)\n"
                                "  request-success-rate \u2265 99% over 1m (built-in)\n"
                                "  request-duration \u2264 500 ms over 30s (built-in)\n"
                                "  latency \u2264 0.5 over 1m from template "
                                "latency.istio-system\n"
                                "Webhooks (5)\n  start-gate\n  acceptance-test\n"
                                "  load-test\n  promotion-gate\n  rollback\n"
                                "Alerts (2)\n"
                                "  on-call Slack (error) through on-call.flagger\n"
                                "  dev team (info) through dev-msteams.test\n"));
        // The groups open when they first appear; a gate's name in the active tone.
        const QModelIndex webhooks = model.indexOfKey(QStringLiteral("webhooks"));
        QVERIFY(webhooks.data(DetailRoles::ExpandedByDefaultRole).toBool());
        QCOMPARE(model.index(0, 0, webhooks).data(DetailRoles::ToneRole).toInt(),
                 int(DetailRoles::Tone::Active));
        QVERIFY(!model.index(1, 0, webhooks).data(DetailRoles::ToneRole).isValid());
        // What a webhook type does, in its tooltip.
        QVERIFY(model.index(3, FlaggerAnalysisModel::Value, webhooks)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .endsWith(FlaggerAnalysisModel::webhookTypeHelp(
                        QStringLiteral("confirm-promotion"))));
    }

    void noAnalysis()
    {
        FlaggerCanary c = canary(QStringLiteral("flagger-canary-stepweight.json"));
        c.spec.analysis.reset();
        FlaggerAnalysisModel model;
        model.setCanary(c);
        const QModelIndex analysis = model.indexOfKey(QStringLiteral("analysis"));
        QCOMPARE(analysis.siblingAtColumn(FlaggerAnalysisModel::Value).data().toString(),
                 QStringLiteral("None: Flagger promotes without checks"));
        QVERIFY(!model.indexOfKey(QStringLiteral("metrics")).isValid());
    }

    void repeatedNamesKeptApart()
    {
        FlaggerCanary c = canary(QStringLiteral("flagger-canary-stepweight.json"));
        FlaggerWebhook twin = c.spec.analysis->webhooks.at(1);
        twin.url = QStringLiteral("http://other.test/");
        c.spec.analysis->webhooks.append(twin);
        FlaggerAnalysisModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCanary(c);
        const QModelIndex webhooks = model.indexOfKey(QStringLiteral("webhooks"));
        QCOMPARE(model.rowCount(webhooks), 6);
        QStringList keys;
        for (int row = 0; row < 6; ++row)
            keys << model.index(row, 0, webhooks).data(DetailRoles::KeyRole).toString();
        keys.removeDuplicates();
        QCOMPARE(keys.size(), 6);
    }

    void updatesInPlace()
    {
        FlaggerCanary c = canary(QStringLiteral("flagger-canary-stepweight.json"));
        FlaggerAnalysisModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCanary(c, DetailUpdate::Reset);
        ModelSignalLog log(&model);
        // The status is not the spec: nothing to announce.
        c.status.canaryWeight = 40;
        c.status.failedChecks = 2;
        model.setCanary(c);
        QCOMPARE(log.take(), QStringList());
        // A new webhook: its row is inserted where Flagger calls it, the group's count changes.
        FlaggerWebhook post;
        post.name = QStringLiteral("notify");
        post.type = QStringLiteral("post-rollout");
        post.url = QStringLiteral("http://flagger-loadtester.test/notify");
        c.spec.analysis->webhooks.append(post);
        model.setCanary(c);
        QCOMPARE(log.take(),
                 QStringList({QStringLiteral("change 11-11 in top"),
                              QStringLiteral("insert 4-4 in Webhooks (6)")}));
        const QModelIndex webhooks = model.indexOfKey(QStringLiteral("webhooks"));
        QCOMPARE(model.index(4, 0, webhooks).data().toString(), QStringLiteral("notify"));
    }
};

QTEST_MAIN(TestFlaggerAnalysisModel)
#include "tst_flaggeranalysismodel.moc"
