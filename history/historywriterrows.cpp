// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryWriter's child rows: everything of a write after its release summaries.
#include "historysql.h"
#include "historywriter.h"

#include <QJsonDocument>

using HistorySql::execWith;
using HistorySql::joinLines;
using HistorySql::numberValue;
using HistorySql::textValue;
using HistorySql::timeValue;

namespace {

template<typename T, typename Write> bool writeEach(const QList<ReleaseRow<T>> &rows, Write write)
{
    for (const ReleaseRow<T> &row : rows) {
        if (!write(row))
            return false;
    }
    return true;
}

QString sourceName(ReleaseAction::Source source)
{
    return source == ReleaseAction::Source::Audit ? QStringLiteral("audit")
                                                  : QStringLiteral("observed");
}

} // namespace

bool HistoryWriter::writeRows(const HistoryWrite &batch)
{
    const bool rowsWritten
        = writeEach(batch.stepTexts, [this](const auto &row) { return writeStepTexts(row); })
        && writeEach(batch.transitions, [this](const auto &row) { return writeTransition(row); })
        && writeEach(batch.actions, [this](const auto &row) { return writeAction(row); })
        && writeEach(batch.analysisRuns, [this](const auto &row) { return writeAnalysisRun(row); })
        && writeEach(batch.measurements, [this](const auto &row) { return writeMeasurement(row); })
        && writeEach(batch.events, [this](const auto &row) { return writeEvent(row); })
        && writeEach(batch.gateEvaluations,
                     [this](const auto &row) { return writeGateEvaluation(row); })
        && writeEach(batch.safetyNets, [this](const auto &row) { return writeSafetyNets(row); });
    if (!rowsWritten)
        return false;
    for (const DeletedWorkload &workload : batch.deletedWorkloads) {
        if (!markDeleted(workload))
            return false;
    }
    return true;
}

bool HistoryWriter::writeStepTexts(const ReleaseRow<QStringList> &row)
{
    qint64 id = 0;
    if (!rowRelease(row.release, &id))
        return false;
    if (id == 0)
        return true;
    return execWith(m_updateStepTexts, {joinLines(row.value), id}) || fail(m_updateStepTexts);
}

bool HistoryWriter::writeTransition(const ReleaseRow<ReleaseTransition> &row)
{
    qint64 id = 0;
    if (!rowRelease(row.release, &id))
        return false;
    if (id == 0)
        return true;
    const ReleaseTransition &t = row.value;
    const QVariantList values = {
        id,
        timeValue(t.time),
        textValue(t.phase),
        t.step,
        t.desiredWeight,
        t.actualWeight,
        int(t.paused),
        textValue(t.message),
    };
    return execWith(m_insertTransition, values) || fail(m_insertTransition);
}

bool HistoryWriter::writeAction(const ReleaseRow<ReleaseAction> &row)
{
    qint64 id = 0;
    if (!rowRelease(row.release, &id))
        return false;
    if (id == 0)
        return true;
    const ReleaseAction &a = row.value;
    const QVariantList values = {
        id,
        timeValue(a.time),
        textValue(a.action),
        sourceName(a.source),
        textValue(a.user),
        textValue(a.result),
        textValue(a.message),
        textValue(a.auditId),
    };
    return execWith(m_insertAction, values) || fail(m_insertAction);
}

bool HistoryWriter::writeAnalysisRun(const ReleaseRow<ReleaseAnalysisRun> &row)
{
    qint64 id = 0;
    if (!rowRelease(row.release, &id))
        return false;
    if (id == 0)
        return true;
    const ReleaseAnalysisRun &r = row.value;
    const QVariantList values = {
        id,
        textValue(r.name),
        textValue(r.runKind),
        textValue(r.phase),
        textValue(r.message),
        timeValue(r.startedAt),
        timeValue(r.completedAt),
    };
    return execWith(m_upsertRun, values) || fail(m_upsertRun);
}

bool HistoryWriter::writeMeasurement(const ReleaseRow<ReleaseMeasurement> &row)
{
    qint64 id = 0;
    if (!rowRelease(row.release, &id))
        return false;
    if (id == 0)
        return true;
    const ReleaseMeasurement &m = row.value;
    const QVariantList update = {
        textValue(m.runKind),
        textValue(m.phase),
        textValue(m.value),
        textValue(m.message),
        textValue(m.successCondition),
        textValue(m.failureCondition),
        timeValue(m.finishedAt),
        id,
        textValue(m.analysisRun),
        textValue(m.metric),
        timeValue(m.startedAt),
    };
    if (!execWith(m_updateMeasurement, update))
        return fail(m_updateMeasurement);
    if (m_updateMeasurement.numRowsAffected() > 0)
        return true;
    const QVariantList insert = {
        id,
        textValue(m.analysisRun),
        textValue(m.runKind),
        textValue(m.metric),
        textValue(m.phase),
        textValue(m.value),
        textValue(m.message),
        textValue(m.successCondition),
        textValue(m.failureCondition),
        timeValue(m.startedAt),
        timeValue(m.finishedAt),
    };
    return execWith(m_insertMeasurement, insert) || fail(m_insertMeasurement);
}

bool HistoryWriter::writeEvent(const ReleaseRow<ReleaseEvent> &row)
{
    qint64 id = 0;
    if (!rowRelease(row.release, &id))
        return false;
    if (id == 0)
        return true;
    const ReleaseEvent &e = row.value;
    const QVariantList values = {
        id,
        textValue(e.uid),
        textValue(e.type),
        textValue(e.reason),
        textValue(e.message),
        textValue(e.objectKind),
        textValue(e.objectName),
        e.count,
        timeValue(e.firstSeen),
        timeValue(e.lastSeen),
    };
    return execWith(m_upsertEvent, values) || fail(m_upsertEvent);
}

bool HistoryWriter::writeGateEvaluation(const ReleaseRow<ReleaseGateEvaluation> &row)
{
    qint64 id = 0;
    if (!rowRelease(row.release, &id))
        return false;
    if (id == 0)
        return true;
    const ReleaseGateEvaluation &g = row.value;
    const QVariantList values = {
        id,
        textValue(g.gate),
        gateSourceName(g.source),
        GateOutcomes::id(g.outcome),
        numberValue(g.value),
        numberValue(g.worstValue),
        numberValue(g.stableValue),
        textValue(g.bound),
        g.samples,
        g.windowMs,
        textValue(g.message),
        // NOT NULL: an evaluation is always of an instant (the tracker sets it).
        g.evaluatedAt.isValid() ? QVariant(g.evaluatedAt.toMSecsSinceEpoch()) : QVariant(qint64(0)),
    };
    return execWith(m_insertGateEvaluation, values) || fail(m_insertGateEvaluation);
}

bool HistoryWriter::writeSafetyNets(const ReleaseRow<ReleaseSafetyNets> &row)
{
    qint64 id = 0;
    if (!rowRelease(row.release, &id))
        return false;
    if (id == 0)
        return true;
    const ReleaseSafetyNets &nets = row.value;
    const QVariantList values = {
        id,
        // NOT NULL: the tracker dates every reading.
        nets.readAt.isValid() ? QVariant(nets.readAt.toMSecsSinceEpoch()) : QVariant(qint64(0)),
        QString::fromUtf8(QJsonDocument(nets.nets).toJson(QJsonDocument::Compact)),
    };
    return execWith(m_upsertSafetyNets, values) || fail(m_upsertSafetyNets);
}

bool HistoryWriter::markDeleted(const DeletedWorkload &workload)
{
    const QVariantList values = {
        timeValue(workload.deletedAt),
        textValue(workload.environment),
        textValue(workload.workloadUid),
    };
    return execWith(m_markDeleted, values) || fail(m_markDeleted);
}
