// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Values for the history tests: releases with every field set, and a write with rows of
// every kind, so a round trip checks each column.

#include "historywrite.h"
#include "releaserecord.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

namespace HistorySamples {

// A fixed instant with milliseconds, so a lost millisecond shows.
inline QDateTime at(int minutes, int msecs = 0)
{
    return QDateTime(QDate(2024, 5, 17), QTime(9, 0), Qt::UTC)
        .addSecs(minutes * 60)
        .addMSecs(msecs);
}

inline ReleaseSummary release(const QString &environment, const QString &uid, qint64 revision,
                              const QDateTime &startedAt)
{
    ReleaseSummary r;
    r.key = {environment, uid, revision};
    r.namespaceName = QStringLiteral("shop");
    r.workload = QStringLiteral("checkout-") + uid;
    r.kind = QStringLiteral("Rollout");
    r.strategy = QStringLiteral("Canary");
    r.podTemplateHash = QStringLiteral("hash%1").arg(revision);
    r.images = {QStringLiteral("registry/checkout:1.%1").arg(revision),
                QStringLiteral("registry/sidecar:7")};
    r.stepCount = 4;
    r.startedAt = startedAt;
    r.firstObservedAt = startedAt.addMSecs(1500);
    return r;
}

inline ReleaseSummary finished(ReleaseSummary r, ReleaseOutcome outcome, const QDateTime &endedAt)
{
    r.outcome = outcome;
    r.endedAt = endedAt;
    return r;
}

// A write with one release and rows of every kind, every field set (and some times null).
inline HistoryWrite fullWrite(const ReleaseSummary &r)
{
    HistoryWrite w;
    w.releases = {r};
    w.stepTexts = {{r.key,
                    {QStringLiteral("setWeight: 20"), QStringLiteral("pause: 1m"),
                     QStringLiteral("analysis: success-rate"), QStringLiteral("setWeight: 100")}}};
    w.transitions = {
        {r.key,
         {at(1, 5), QStringLiteral("Progressing"), 0, 20, 18, false,
          QStringLiteral("more replicas")}},
        {r.key,
         {at(2, 7), QStringLiteral("Paused"), 1, 20, 20, true, QStringLiteral("CanaryPauseStep")}},
    };
    ReleaseAction audit;
    audit.time = at(3, 1);
    audit.action = QStringLiteral("promote");
    audit.source = ReleaseAction::Source::Audit;
    audit.user = QStringLiteral("alice@example.com");
    audit.result = QStringLiteral("succeeded");
    audit.message = QStringLiteral("promoted by hand");
    audit.auditId = QStringLiteral("audit-0001");
    ReleaseAction observed;
    observed.time = at(4, 2);
    observed.action = QStringLiteral("abort");
    observed.source = ReleaseAction::Source::Observed;
    observed.message = QStringLiteral("spec.abort set");
    w.actions = {{r.key, audit}, {r.key, observed}};
    w.analysisRuns
        = {{r.key,
            {QStringLiteral("checkout-7-2"), QStringLiteral("Step"), QStringLiteral("Successful"),
             QStringLiteral("all good"), at(2, 10), at(3, 20)}},
           {r.key,
            {QStringLiteral("checkout-7-bg"), QStringLiteral("Background"),
             QStringLiteral("Running"), QString(), at(1, 30), QDateTime()}}};
    ReleaseMeasurement m;
    m.analysisRun = QStringLiteral("checkout-7-2");
    m.runKind = QStringLiteral("Step");
    m.metric = QStringLiteral("success-rate");
    m.phase = QStringLiteral("Successful");
    m.value = QStringLiteral("[0.99]");
    m.message = QStringLiteral("fine");
    m.successCondition = QStringLiteral("result[0] >= 0.95");
    m.failureCondition = QStringLiteral("result[0] < 0.9");
    m.startedAt = at(2, 11);
    m.finishedAt = at(2, 41);
    ReleaseMeasurement running = m;
    running.startedAt = at(3, 11);
    running.finishedAt = QDateTime();
    running.phase = QStringLiteral("Running");
    running.value.clear();
    w.measurements = {{r.key, m}, {r.key, running}};
    ReleaseEvent e {QStringLiteral("ev-1"),
                    QStringLiteral("Normal"),
                    QStringLiteral("RolloutStepCompleted"),
                    QStringLiteral("Rollout step 1/4 completed (setWeight: 20)"),
                    QStringLiteral("Rollout"),
                    QStringLiteral("checkout"),
                    3,
                    at(1, 50),
                    at(2, 50)};
    ReleaseEvent warning {QStringLiteral("ev-2"),
                          QStringLiteral("Warning"),
                          QStringLiteral("AnalysisRunFailed"),
                          QStringLiteral("metric failed"),
                          QStringLiteral("AnalysisRun"),
                          QStringLiteral("checkout-7-2"),
                          1,
                          at(2, 55),
                          at(2, 55)};
    w.events = {{r.key, warning}, {r.key, e}}; // out of time order on purpose
    return w;
}

// A plain connection of the test's own, beside the one under test.
class RawConnection
{
public:
    explicit RawConnection(const QString &path)
    {
        static int counter = 0;
        m_name = QStringLiteral("raw-%1").arg(++counter);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~RawConnection()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    bool exec(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        return q.exec(sql);
    }
    QVariant value(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        if (!q.exec(sql) || !q.next())
            return QVariant();
        return q.value(0);
    }
    QStringList column(const QString &sql, int index = 0)
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        QStringList result;
        if (q.exec(sql)) {
            while (q.next())
                result.append(q.value(index).toString());
        }
        return result;
    }

private:
    QString m_name;
};

} // namespace HistorySamples
