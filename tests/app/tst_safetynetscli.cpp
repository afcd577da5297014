// SPDX-License-Identifier: GPL-3.0-or-later
// `get rollout(s) -o json` carries each rollout's safety nets (issue 15), read from the demo
// fleet served in process: the canary's and the stable's vulnerability counts are what the
// simulator's Trivy reports for their ReplicaSets say, every source has its state, and the
// staging evidence comes from the environment before it in the config's order.
#include "commandline.h"
#include "demofleet.h"
#include "getcommand.h"
#include "headlessrun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>
#include <QTextStream>

namespace {

QString text(const QJsonObject &object, const QString &path)
{
    QJsonValue value = object;
    for (const QString &key : path.split(u'.'))
        value = value.toObject().value(key);
    return value.toString();
}

const QStringList sourceKeys = {
    QStringLiteral("vulnerabilities"), QStringLiteral("configAudit"),
    QStringLiteral("policy"),          QStringLiteral("gatekeeper"),
    QStringLiteral("falco"),           QStringLiteral("argoWorkflows"),
    QStringLiteral("tekton"),          QStringLiteral("loadTests"),
    QStringLiteral("litmusChaos"),     QStringLiteral("chaosMesh"),
    QStringLiteral("featureFlags"),
};

const QStringList states
    = {QStringLiteral("loaded"), QStringLiteral("notServed"), QStringLiteral("forbidden"),
       QStringLiteral("failed"), QStringLiteral("notAsked")};

} // namespace

class TestSafetyNetsCli : public QObject
{
    Q_OBJECT

private:
    DemoFleet m_demo {DemoFleet::Options {false}};

    QJsonDocument get(const QString &line, int *code)
    {
        const HeadlessRun result
            = runHeadless(headlessArguments({}, line), &GetCommand::run, &m_demo);
        if (result.code == GetCommand::UsageError)
            qWarning("%s", qPrintable(result.err));
        *code = result.code;
        return QJsonDocument::fromJson(result.out.toUtf8());
    }

    // The stored ReplicaSet of a rollout with this pod-template hash ("" when none).
    QString replicaSetName(const QString &environment, const QString &ns, const QString &hash)
    {
        if (hash.isEmpty())
            return QString();
        for (const QJsonObject &rs :
             m_demo.objects(environment, QStringLiteral("apps"), QStringLiteral("replicasets"))) {
            if (text(rs, QStringLiteral("metadata.namespace")) == ns
                && text(rs, QStringLiteral("metadata.labels.rollouts-pod-template-hash")) == hash)
                return text(rs, QStringLiteral("metadata.name"));
        }
        return QString();
    }

    // Critical/high of the stored VulnerabilityReports of one ReplicaSet, summed.
    QPair<int, int> storedCounts(const QString &environment, const QString &ns,
                                 const QString &replicaSet)
    {
        QPair<int, int> counts {0, 0};
        for (const QJsonObject &report :
             m_demo.objects(environment, QStringLiteral("aquasecurity.github.io"),
                            QStringLiteral("vulnerabilityreports"))) {
            const QJsonObject labels
                = report[QStringLiteral("metadata")][QStringLiteral("labels")].toObject();
            if (replicaSet.isEmpty() || text(report, QStringLiteral("metadata.namespace")) != ns
                || labels[QStringLiteral("trivy-operator.resource.name")].toString() != replicaSet)
                continue;
            const QJsonObject summary
                = report[QStringLiteral("report")][QStringLiteral("summary")].toObject();
            counts.first += summary[QStringLiteral("criticalCount")].toInt();
            counts.second += summary[QStringLiteral("highCount")].toInt();
        }
        return counts;
    }

    QJsonObject storedRollout(const QString &environment, const QString &ns, const QString &name)
    {
        for (const QJsonObject &rollout : m_demo.objects(environment, QStringLiteral("argoproj.io"),
                                                         QStringLiteral("rollouts"))) {
            if (text(rollout, QStringLiteral("metadata.namespace")) == ns
                && text(rollout, QStringLiteral("metadata.name")) == name)
                return rollout;
        }
        return QJsonObject();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QString error;
        QVERIFY2(m_demo.start(&error), qPrintable(error));
        // Three virtual minutes: canaries start, their ReplicaSets get scanned.
        m_demo.settle(180);
    }

    void everyRolloutHasItsSafetyNets()
    {
        int code = -1;
        const QJsonArray items = get(QStringLiteral("get rollouts -A -o json --demo"), &code)
                                     .object()
                                     .value(QStringLiteral("items"))
                                     .toArray();
        QCOMPARE(code, 0);
        QVERIFY(items.size() >= 3);
        const QHash<QString, QString> earlier
            = {{QStringLiteral("dev"), QString()},
               {QStringLiteral("staging"), QStringLiteral("dev")},
               {QStringLiteral("prod"), QStringLiteral("staging")}};
        int compared = 0;
        for (const QJsonValue &value : items) {
            const QJsonObject item = value.toObject();
            const QString environment = item[QStringLiteral("environment")].toString();
            const QString ns = item[QStringLiteral("namespace")].toString();
            const QString name = item[QStringLiteral("name")].toString();
            const QJsonObject nets = item[QStringLiteral("safetyNets")].toObject();
            QVERIFY2(!nets.isEmpty(), qPrintable(name));
            const QJsonObject sources = nets[QStringLiteral("sources")].toObject();
            for (const QString &key : sourceKeys)
                QVERIFY2(states.contains(sources[key].toString()), qPrintable(key));
            QCOMPARE(text(nets, QStringLiteral("staging.environment")), earlier.value(environment));
            if (sources[QStringLiteral("vulnerabilities")].toString() != QLatin1String("loaded"))
                continue;
            // What the simulator's scanner wrote for the canary's and the stable's ReplicaSet.
            const QJsonObject status
                = storedRollout(environment, ns, name)[QStringLiteral("status")].toObject();
            const QString stableHash = status[QStringLiteral("stableRS")].toString();
            const QString currentHash = status[QStringLiteral("currentPodHash")].toString();
            const QString canaryRs = currentHash == stableHash
                ? QString()
                : replicaSetName(environment, ns, currentHash);
            const QString stableRs = replicaSetName(environment, ns, stableHash);
            for (const auto &[side, rs] : {std::pair {QStringLiteral("canary"), canaryRs},
                                           std::pair {QStringLiteral("stable"), stableRs}}) {
                const QJsonObject counts = nets[QStringLiteral("vulnerabilities")][side].toObject();
                const QPair<int, int> stored = storedCounts(environment, ns, rs);
                QCOMPARE(counts[QStringLiteral("critical")].toInt(), stored.first);
                QCOMPARE(counts[QStringLiteral("high")].toInt(), stored.second);
            }
            compared += canaryRs.isEmpty() ? 0 : 1;
        }
        QVERIFY2(compared > 0, "no rollout with a scanned canary to compare");
    }

    void oneRolloutAlone()
    {
        int code = -1;
        const QJsonObject rollout
            = get(QStringLiteral("get rollout checkout -n shop --env prod -o json --demo"), &code)
                  .object();
        QCOMPARE(code, 0);
        QCOMPARE(rollout[QStringLiteral("kind")].toString(), QStringLiteral("RolloutSummary"));
        const QJsonObject nets = rollout[QStringLiteral("safetyNets")].toObject();
        QCOMPARE(text(nets, QStringLiteral("staging.environment")), QStringLiteral("staging"));
        QCOMPARE(nets[QStringLiteral("sources")].toObject().keys().size(), sourceKeys.size());
    }
};

QTEST_MAIN(TestSafetyNetsCli)
#include "tst_safetynetscli.moc"
