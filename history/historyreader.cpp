// SPDX-License-Identifier: GPL-3.0-or-later
#include "historyreader.h"
#include "historyschema.h"
#include "historysql.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlQuery>

using HistorySql::execWith;
using HistorySql::numberFrom;
using HistorySql::splitLines;
using HistorySql::textValue;
using HistorySql::timeFrom;
using HistorySql::timeValue;

namespace {

const QString summaryColumns = QStringLiteral(
    "id, environment, workload_uid, revision, namespace, workload, kind, strategy, pod_hash,"
    " images, step_count, started_at, ended_at, outcome, partially_observed,"
    " first_observed_at, workload_deleted_at");

ReleaseSummary summaryFrom(const QSqlQuery &q)
{
    ReleaseSummary s;
    s.id = q.value(0).toLongLong();
    s.key.environment = q.value(1).toString();
    s.key.workloadUid = q.value(2).toString();
    s.key.revision = q.value(3).toLongLong();
    s.namespaceName = q.value(4).toString();
    s.workload = q.value(5).toString();
    s.kind = q.value(6).toString();
    s.strategy = q.value(7).toString();
    s.podTemplateHash = q.value(8).toString();
    s.images = splitLines(q.value(9).toString());
    s.stepCount = q.value(10).toInt();
    s.startedAt = timeFrom(q.value(11));
    s.endedAt = timeFrom(q.value(12));
    // An unknown name (a newer version's outcome) reads as in progress rather than failing.
    if (!releaseOutcomeFromName(q.value(13).toString(), &s.outcome))
        s.outcome = ReleaseOutcome::InProgress;
    s.partiallyObserved = q.value(14).toBool();
    s.firstObservedAt = timeFrom(q.value(15));
    s.workloadDeletedAt = timeFrom(q.value(16));
    return s;
}

ReleaseTransition transitionFrom(const QSqlQuery &q)
{
    ReleaseTransition t;
    t.time = timeFrom(q.value(0));
    t.phase = q.value(1).toString();
    t.step = q.value(2).toInt();
    t.desiredWeight = q.value(3).toInt();
    t.actualWeight = q.value(4).toInt();
    t.paused = q.value(5).toBool();
    t.message = q.value(6).toString();
    return t;
}

ReleaseAction actionFrom(const QSqlQuery &q)
{
    ReleaseAction a;
    a.time = timeFrom(q.value(0));
    a.action = q.value(1).toString();
    a.source = q.value(2).toString() == QLatin1String("audit") ? ReleaseAction::Source::Audit
                                                               : ReleaseAction::Source::Observed;
    a.user = q.value(3).toString();
    a.result = q.value(4).toString();
    a.message = q.value(5).toString();
    a.auditId = q.value(6).toString();
    return a;
}

ReleaseAnalysisRun runFrom(const QSqlQuery &q)
{
    ReleaseAnalysisRun r;
    r.name = q.value(0).toString();
    r.runKind = q.value(1).toString();
    r.phase = q.value(2).toString();
    r.message = q.value(3).toString();
    r.startedAt = timeFrom(q.value(4));
    r.completedAt = timeFrom(q.value(5));
    return r;
}

ReleaseMeasurement measurementFrom(const QSqlQuery &q)
{
    ReleaseMeasurement m;
    m.analysisRun = q.value(0).toString();
    m.runKind = q.value(1).toString();
    m.metric = q.value(2).toString();
    m.phase = q.value(3).toString();
    m.value = q.value(4).toString();
    m.message = q.value(5).toString();
    m.successCondition = q.value(6).toString();
    m.failureCondition = q.value(7).toString();
    m.startedAt = timeFrom(q.value(8));
    m.finishedAt = timeFrom(q.value(9));
    return m;
}

ReleaseEvent eventFrom(const QSqlQuery &q)
{
    ReleaseEvent e;
    e.uid = q.value(0).toString();
    e.type = q.value(1).toString();
    e.reason = q.value(2).toString();
    e.message = q.value(3).toString();
    e.objectKind = q.value(4).toString();
    e.objectName = q.value(5).toString();
    e.count = q.value(6).toInt();
    e.firstSeen = timeFrom(q.value(7));
    e.lastSeen = timeFrom(q.value(8));
    return e;
}

ReleaseGateEvaluation gateFrom(const QSqlQuery &q)
{
    ReleaseGateEvaluation g;
    g.evaluatedAt = timeFrom(q.value(0));
    g.gate = q.value(1).toString();
    if (!gateSourceFromName(q.value(2).toString(), &g.source))
        g.source = GateResult::Source::Config;
    // An unknown outcome (a newer version's) is not claimed to have passed.
    if (!GateOutcomes::fromId(q.value(3).toString(), &g.outcome))
        g.outcome = GateOutcome::Inconclusive;
    g.value = numberFrom(q.value(4));
    g.worstValue = numberFrom(q.value(5));
    g.stableValue = numberFrom(q.value(6));
    g.bound = q.value(7).toString();
    g.samples = q.value(8).toInt();
    g.windowMs = q.value(9).toLongLong();
    g.message = q.value(10).toString();
    return g;
}

ReleaseSafetyNets safetyNetsFrom(const QSqlQuery &q)
{
    ReleaseSafetyNets nets;
    nets.readAt = timeFrom(q.value(0));
    // A row that is not an object (damaged by hand) reads as an empty reading, still dated.
    nets.nets = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
    return nets;
}

// Reads every row of `sql` for one release into *out; false on a failed query.

template<typename T, typename From>
bool readAll(QSqlQuery &query, const QString &sql, qint64 releaseId, From from, QList<T> *out)
{
    if (!query.prepare(sql) || !execWith(query, {releaseId}))
        return false;
    while (query.next())
        out->append(from(query));
    return !query.lastError().isValid();
}

} // namespace

bool HistoryReader::open(const QString &path, int busyTimeoutMSecs)
{
    m_errorMessage.clear();
    m_path = QFileInfo(path).absoluteFilePath();
    const QString nativePath = QDir::toNativeSeparators(m_path);
    // SQLite would create a missing file; the reader never makes a history.
    if (!QFileInfo::exists(m_path)) {
        m_errorMessage = tr("There is no release history at %1 yet.").arg(nativePath);
        return false;
    }
    if (!m_connection.open(m_path, busyTimeoutMSecs)
        || !m_connection.exec(QStringLiteral("PRAGMA query_only = ON"))) {
        m_errorMessage = tr("The release history at %1 cannot be read (%2).")
                             .arg(nativePath, m_connection.lastError().text());
        m_connection.close();
        return false;
    }
    const QVariant version = m_connection.value(QStringLiteral("PRAGMA user_version"));
    if (!version.isValid() || version.toInt() < 1 || version.toInt() > historySchemaVersion) {
        m_errorMessage = !version.isValid()
            ? tr("The release history at %1 cannot be read (%2).")
                  .arg(nativePath, m_connection.lastError().text())
            : tr("The release history at %1 has schema %2; this version reads schema %3.")
                  .arg(nativePath)
                  .arg(version.toInt())
                  .arg(historySchemaVersion);
        m_connection.close();
        return false;
    }
    m_version = version.toInt();
    return true;
}

bool HistoryReader::failed(const QSqlQuery &query) const
{
    m_errorMessage = tr("The release history at %1 cannot be read (%2).")
                         .arg(QDir::toNativeSeparators(m_path), query.lastError().text());
    return false;
}

QList<ReleaseSummary> HistoryReader::releases(const ReleaseFilter &filter) const
{
    m_errorMessage.clear();
    QStringList where;
    QVariantList values;
    const auto match = [&](const char *column, const QVariant &value) {
        where.append(QString::fromLatin1(column));
        values.append(value);
    };
    if (!filter.environment.isEmpty())
        match("environment = ?", filter.environment);
    if (!filter.namespaceName.isEmpty())
        match("namespace = ?", filter.namespaceName);
    if (!filter.workload.isEmpty())
        match("workload = ?", filter.workload);
    if (filter.since.isValid())
        match("started_at >= ?", timeValue(filter.since));
    if (filter.until.isValid())
        match("started_at < ?", timeValue(filter.until));
    if (!filter.outcomes.isEmpty()) {
        QStringList marks;
        for (const ReleaseOutcome outcome : filter.outcomes) {
            marks.append(QStringLiteral("?"));
            values.append(releaseOutcomeName(outcome));
        }
        where.append(QStringLiteral("outcome IN (%1)").arg(marks.join(QLatin1String(", "))));
    }
    QString sql = QStringLiteral("SELECT %1 FROM releases").arg(summaryColumns);
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QLatin1String(" AND "));
    sql += QStringLiteral(" ORDER BY started_at DESC, id DESC LIMIT ?");
    values.append(filter.limit > 0 ? filter.limit : -1);

    QSqlQuery query(m_connection.database());
    QList<ReleaseSummary> result;
    if (!query.prepare(sql) || !execWith(query, values)) {
        failed(query);
        return result;
    }
    while (query.next())
        result.append(summaryFrom(query));
    return result;
}

std::optional<ReleaseSummary> HistoryReader::release(qint64 releaseId) const
{
    m_errorMessage.clear();
    QSqlQuery query(m_connection.database());
    if (!query.prepare(QStringLiteral("SELECT %1 FROM releases WHERE id = ?").arg(summaryColumns))
        || !execWith(query, {releaseId})) {
        failed(query);
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return summaryFrom(query);
}

std::optional<ReleaseTimeline> HistoryReader::timeline(qint64 releaseId) const
{
    m_errorMessage.clear();
    // One read transaction: the summary and its rows come from the same snapshot, even when
    // the recorder commits in between.
    if (!m_connection.exec(QStringLiteral("BEGIN"))) {
        m_errorMessage
            = tr("The release history at %1 cannot be read (%2).")
                  .arg(QDir::toNativeSeparators(m_path), m_connection.lastError().text());
        return std::nullopt;
    }
    std::optional<ReleaseTimeline> result;
    {
        QSqlQuery query(m_connection.database());
        const QString sql = QStringLiteral("SELECT %1, step_texts FROM releases WHERE id = ?")
                                .arg(summaryColumns);
        if (!query.prepare(sql) || !execWith(query, {releaseId})) {
            failed(query);
        } else if (query.next()) {
            ReleaseTimeline timeline;
            timeline.summary = summaryFrom(query);
            timeline.stepTexts = splitLines(query.value(17).toString());
            query.finish();
            if (readRows(&timeline))
                result = std::move(timeline);
        }
    }
    m_connection.exec(QStringLiteral("COMMIT"));
    return result;
}

bool HistoryReader::readRows(ReleaseTimeline *timeline) const
{
    const qint64 id = timeline->summary.id;
    QSqlQuery q(m_connection.database());
    const bool ok = readAll(q,
                            QStringLiteral(
                                "SELECT time, phase, step, desired_weight, actual_weight, paused,"
                                " message FROM transitions WHERE release_id = ? ORDER BY time, id"),
                            id, transitionFrom, &timeline->transitions)
        && readAll(q,
                   QStringLiteral("SELECT time, action_name, source, user_name, result, message,"
                                  " audit_id FROM actions WHERE release_id = ? ORDER BY time, id"),
                   id, actionFrom, &timeline->actions)
        && readAll(q,
                   QStringLiteral("SELECT name, run_kind, phase, message, started_at,"
                                  " completed_at FROM analysis_runs WHERE release_id = ?"
                                  " ORDER BY started_at, id"),
                   id, runFrom, &timeline->analysisRuns)
        && readAll(q,
                   QStringLiteral(
                       "SELECT analysis_run, run_kind, metric, phase, value, message,"
                       " success_condition, failure_condition, started_at, finished_at"
                       " FROM measurements WHERE release_id = ? ORDER BY started_at, id"),
                   id, measurementFrom, &timeline->measurements)
        && readAll(q,
                   QStringLiteral("SELECT uid, type, reason, message, object_kind, object_name,"
                                  " count, first_seen, last_seen FROM events WHERE release_id = ?"
                                  " ORDER BY first_seen, id"),
                   id, eventFrom, &timeline->events)
        // A file of version 1 has no gate evaluations yet.
        && (m_version < 2
            || readAll(q,
                       QStringLiteral("SELECT evaluated_at, gate, source, outcome, value,"
                                      " worst_value, stable_value, bound, samples, window_ms,"
                                      " message FROM gate_evaluations WHERE release_id = ?"
                                      " ORDER BY evaluated_at, gate"),
                       id, gateFrom, &timeline->gates));
    // Nor safety nets before version 3; one row per release at most.
    QList<ReleaseSafetyNets> nets;
    const bool netsOk = !ok || m_version < 3
        || readAll(q,
                   QStringLiteral("SELECT read_at, safety_nets FROM release_safety_nets"
                                  " WHERE release_id = ?"),
                   id, safetyNetsFrom, &nets);
    if (!nets.isEmpty())
        timeline->safetyNets = nets.first();
    return (ok && netsOk) || failed(q);
}

std::optional<ReleaseSummary> HistoryReader::previousRelease(const ReleaseSummary &release) const
{
    m_errorMessage.clear();
    if (!release.startedAt.isValid())
        return std::nullopt;
    QSqlQuery query(m_connection.database());
    const QString sql = QStringLiteral("SELECT %1 FROM releases WHERE environment = ?"
                                       " AND namespace = ? AND workload = ? AND started_at < ?"
                                       " ORDER BY started_at DESC, id DESC LIMIT 1")
                            .arg(summaryColumns);
    const QVariantList values = {
        textValue(release.key.environment),
        textValue(release.namespaceName),
        textValue(release.workload),
        timeValue(release.startedAt),
    };
    if (!query.prepare(sql) || !execWith(query, values)) {
        failed(query);
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return summaryFrom(query);
}

QStringList HistoryReader::environments() const
{
    return strings(QStringLiteral("SELECT DISTINCT environment FROM releases ORDER BY 1"), {});
}

QStringList HistoryReader::namespaces(const QString &environment) const
{
    if (environment.isEmpty())
        return strings(QStringLiteral("SELECT DISTINCT namespace FROM releases ORDER BY 1"), {});
    return strings(QStringLiteral("SELECT DISTINCT namespace FROM releases WHERE environment = ?"
                                  " ORDER BY 1"),
                   {environment});
}

QStringList HistoryReader::strings(const QString &sql, const QVariantList &values) const
{
    m_errorMessage.clear();
    QSqlQuery query(m_connection.database());
    QStringList result;
    if (!query.prepare(sql) || !execWith(query, values)) {
        failed(query);
        return result;
    }
    while (query.next())
        result.append(query.value(0).toString());
    return result;
}
