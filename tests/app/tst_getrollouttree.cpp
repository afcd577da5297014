// SPDX-License-Identifier: GPL-3.0-or-later
// `get rollout NAME` against the demo fleet served in-process (rd-sim's controllers, stepped by
// hand): Argo CD's sync of dev's shop/cart (2.0.4) starts its experiment step, whose smoke test
// runs as a Job, and the command's tree and JSON show the Experiment with its ReplicaSets, pods and
// AnalysisRun, and the run's Job, as the simulator stores them.
#include "appactioncommand.h"
#include "commandline.h"
#include "demofleet.h"
#include "getcommand.h"
#include "headlessrun.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

namespace {

QString nameOf(const QJsonObject &object)
{
    return object.value(QStringLiteral("metadata"))
        .toObject()
        .value(QStringLiteral("name"))
        .toString();
}

// Whether the object is cart's: dev's shop runs recommendations' experiment and smoke-test Job
// too, so cart's are told by their names (its Experiment, "cart-HASH-2-0") or their owner's
// (the Job's AnalysisRun, named after the Experiment).
bool belongsToCart(const QJsonObject &object)
{
    const QString cart = QStringLiteral("cart-");
    const QJsonObject owner = object.value(QStringLiteral("metadata"))
                                  .toObject()
                                  .value(QStringLiteral("ownerReferences"))
                                  .toArray()
                                  .at(0)
                                  .toObject();
    return nameOf(object).startsWith(cart)
        || owner.value(QStringLiteral("name")).toString().startsWith(cart);
}

QList<QJsonObject> cartsOnly(QList<QJsonObject> objects)
{
    objects.removeIf([](const QJsonObject &object) { return !belongsToCart(object); });
    return objects;
}

} // namespace

class TestGetRolloutTree : public QObject
{
    Q_OBJECT

private:
    DemoFleet m_demo {DemoFleet::Options {false}};
    QTemporaryDir m_dir;

    HeadlessRun run(const QString &line)
    {
        return runHeadless(headlessArguments({}, line), &GetCommand::run, &m_demo);
    }

    QList<QJsonObject> experiments() const
    {
        return cartsOnly(m_demo.objects(QStringLiteral("dev"), QStringLiteral("argoproj.io"),
                                        QStringLiteral("experiments")));
    }
    QList<QJsonObject> jobs() const
    {
        return cartsOnly(
            m_demo.objects(QStringLiteral("dev"), QStringLiteral("batch"), QStringLiteral("jobs")));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QString error;
        QVERIFY2(m_demo.start(&error), qPrintable(error));
        // The demo's way in: Argo CD syncs cart-dev, whose Git head sets cart 2.0.4.
        QVERIFY(m_dir.isValid());
        qputenv("RELEASE_DASHBOARD_AUDIT_FILE",
                m_dir.filePath(QStringLiteral("audit.jsonl")).toUtf8());
        QFile config(m_dir.filePath(QStringLiteral("fleet.yaml")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("environments:\n"
                     "  - name: dev\n"
                     "    argocd:\n"
                     "      - token: dev-argocd-admin-token\n");
        config.close();
        const QStringList leading
            = {QStringLiteral("--demo"), QStringLiteral("--config"), config.fileName()};
        const HeadlessRun sync
            = runHeadless(headlessArguments(leading, QStringLiteral("app sync cart-dev --env dev")),
                          &AppActionCommand::run, &m_demo);
        QVERIFY2(sync.code == 0, qPrintable(sync.err));
        // Virtual seconds until the experiment's smoke-test Job exists (its templates must be
        // available first); stepped, not slept.
        m_demo.settleUntil([this] { return !experiments().isEmpty() && !jobs().isEmpty(); }, 120);
        QVERIFY2(!experiments().isEmpty(), "the experiment step never started");
        QVERIFY2(!jobs().isEmpty(), "the experiment's analysis made no Job");
    }

    void treeShowsTheExperimentAndItsJob()
    {
        const HeadlessRun result = run(QStringLiteral("get rollout cart -n shop --demo --env dev"));
        QCOMPARE(result.code, 0);
        const QString &out = result.out;
        const QString experiment = nameOf(experiments().constFirst());
        const QString job = nameOf(jobs().constFirst());
        QVERIFY2(out.startsWith(QStringLiteral("Environment:     dev\nName:            cart\n")),
                 qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("Σ ") + experiment), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("⊞ ") + job), qPrintable(out));
        // Each line of the experiment's subtree is nested below it.
        const QStringList lines = out.split(u'\n');
        const qsizetype row
            = lines.indexOf(*std::find_if(lines.cbegin(), lines.cend(), [&](const QString &line) {
                  return line.contains(QStringLiteral("Σ ") + experiment);
              }));
        QVERIFY(lines.at(row).contains(QStringLiteral("Experiment")));
        QVERIFY(lines.at(row + 1).contains(QStringLiteral("⧉ ") + experiment));
        QVERIFY(out.contains(QStringLiteral("(canary, Σ:canary)"))
                || out.contains(QStringLiteral("Σ:canary")));
        QVERIFY2(result.err.isEmpty(), qPrintable(result.err));
    }

    void jsonCarriesTheTree()
    {
        const HeadlessRun result
            = run(QStringLiteral("get rollout cart -n shop --demo --env dev -o json"));
        QCOMPARE(result.code, 0);
        const QJsonObject tree = QJsonDocument::fromJson(result.out.toUtf8())
                                     .object()
                                     .value(QStringLiteral("tree"))
                                     .toObject();
        QCOMPARE(tree.value(QStringLiteral("kind")).toString(), QStringLiteral("Rollout"));
        QJsonObject experiment;
        for (const QJsonValue &revision : tree.value(QStringLiteral("revisions")).toArray()) {
            const QJsonArray found
                = revision.toObject().value(QStringLiteral("experiments")).toArray();
            if (!found.isEmpty())
                experiment = found.first().toObject();
        }
        QCOMPARE(experiment.value(QStringLiteral("name")).toString(),
                 nameOf(experiments().constFirst()));
        QCOMPARE(experiment.value(QStringLiteral("replicaSets")).toArray().size(), 2);
        const QJsonArray runs = experiment.value(QStringLiteral("analysisRuns")).toArray();
        QCOMPARE(runs.size(), 1);
        const QJsonArray jobs = runs.first().toObject().value(QStringLiteral("jobs")).toArray();
        QCOMPARE(jobs.size(), this->jobs().size());
        const QJsonObject job = jobs.first().toObject();
        QCOMPARE(job.value(QStringLiteral("name")).toString(), nameOf(this->jobs().constFirst()));
        QVERIFY(!job.value(QStringLiteral("iconMeaning")).toString().isEmpty());
        QVERIFY(job.value(QStringLiteral("iconMeaning")).toString() != QLatin1String("none"));
    }

    // The tree is filed from the ReplicaSets the rollout was read with: one list of them, not
    // a second for the tree (one request fewer per command). Pods are listed for the tree.
    void replicaSetsAreListedOnce()
    {
        const QString dev = QStringLiteral("dev");
        m_demo.recordRequests(dev);
        const HeadlessRun result = run(QStringLiteral("get rollout cart -n shop --demo --env dev"));
        QCOMPARE(result.code, 0);
        const QStringList requests = m_demo.takeRequests(dev);
        // A list's first page (a later page would carry continue=).
        const auto listsOf = [&](const char *path) {
            return requests.filter(QRegularExpression(
                QStringLiteral("^GET %1(\\?(?!.*continue=)|$)").arg(QLatin1String(path))));
        };
        const QString all = requests.join(u'\n');
        QVERIFY2(listsOf("/apis/apps/v1/namespaces/shop/replicasets").size() == 1, qPrintable(all));
        QVERIFY2(!listsOf("/api/v1/namespaces/shop/pods").isEmpty(), qPrintable(all));
        QVERIFY2(!listsOf("/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts/cart").isEmpty(),
                 qPrintable(all));
    }
};

QTEST_MAIN(TestGetRolloutTree)
#include "tst_getrollouttree.moc"
