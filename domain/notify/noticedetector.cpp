// SPDX-License-Identifier: GPL-3.0-or-later
#include "noticedetector.h"

namespace {

// A pause only a person ends (the situation's own distinction: a step's pause with a
// deadline is a TimedPause, a person's spec.paused is a ManualPause).
bool waitsForPromotion(RolloutSituation::Kind kind)
{
    return kind == RolloutSituation::Kind::WaitingForPromotion
        || kind == RolloutSituation::Kind::Inconclusive;
}

// "step 3" (1-based) for a canary's step index inside its steps, else empty.
QString stepSubject(const RolloutNoticeFacts &facts, qint32 index)
{
    if (facts.stepCount <= 0 || index < 0 || index >= facts.stepCount)
        return QString();
    return QStringLiteral("step ") + QString::number(index + 1);
}

} // namespace

QList<Notice> NoticeDetector::observe(const RolloutNoticeFacts &facts, bool live)
{
    Memory &memory = m_rollouts[facts.ref()];
    if (!memory.seen) {
        memory.seen = true;
        memory.facts = facts;
        followWaiting(&memory, facts);
        return {};
    }
    const QList<Notice> found = live ? detect(memory, facts) : QList<Notice>();
    moveTo(&memory, facts.revision);
    const QList<Notice> notices = untold(&memory, found);
    if (!facts.manualPause) {
        // The person's pause ended: pausing again is a new fact.
        for (auto it = memory.told.begin(); it != memory.told.end();) {
            if (it->kind == Notice::Kind::Paused)
                it = memory.told.erase(it);
            else
                ++it;
        }
    }
    followWaiting(&memory, facts);
    memory.facts = facts;
    return notices;
}

void NoticeDetector::forget(const RolloutRef &ref)
{
    m_rollouts.remove(ref);
}

void NoticeDetector::forgetEnvironment(const QString &environment)
{
    m_rollouts.removeIf([&](const auto &entry) { return entry.key().environment == environment; });
}

void NoticeDetector::clear()
{
    m_rollouts.clear();
}

std::optional<Notice> NoticeDetector::gateFailed(const QString &environment,
                                                 const QString &namespaceName,
                                                 const QString &rolloutName,
                                                 const QString &rolloutUid, qint64 revision,
                                                 const QString &gateName, const QString &message)
{
    Notice notice;
    notice.kind = Notice::Kind::GateFailed;
    notice.environment = environment;
    notice.namespaceName = namespaceName;
    notice.rolloutName = rolloutName;
    notice.rolloutUid = rolloutUid;
    notice.revision = revision;
    notice.subject = gateName;
    notice.text = message.isEmpty() ? tr("Gate %1 failed.").arg(gateName)
                                    : tr("Gate %1 failed: %2").arg(gateName, message);
    // Filed with the rollout's other notices when its uid is known, else under its name
    // (uids have no slash, so the two never meet).
    const QString who
        = rolloutUid.isEmpty() ? namespaceName + QLatin1Char('/') + rolloutName : rolloutUid;
    Memory &memory = m_rollouts[RolloutRef {environment, who}];
    moveTo(&memory, revision);
    const QList<Notice> notices = untold(&memory, {notice});
    if (notices.isEmpty())
        return std::nullopt;
    return notices.first();
}

QList<Notice> NoticeDetector::detect(const Memory &memory, const RolloutNoticeFacts &after) const
{
    const RolloutNoticeFacts &before = memory.facts;
    QList<Notice> notices;
    analysisFailures(memory, after, &notices);
    if (!before.aborted && after.aborted) {
        // The controller resets the step index on abort; the state before says where.
        const QString step = stepSubject(before, before.progress);
        QString text = step.isEmpty()
            ? tr("Aborted.")
            : tr("Aborted at step %1 of %2.").arg(before.progress + 1).arg(before.stepCount);
        if (!after.abortReasons.isEmpty())
            text += QLatin1Char('\n') + after.abortReasons.join(QStringLiteral("; "));
        notices.append(noticeFor(after, Notice::Kind::Aborted,
                                 after.abortedAt.toString(Qt::ISODateWithMs), text));
    }
    if (!before.manualPause && after.manualPause) {
        // The title says who paused it; the text says where, and what moves it on.
        const QString step = stepSubject(after, after.progress);
        notices.append(noticeFor(after, Notice::Kind::Paused, step,
                                 step.isEmpty() ? tr("Paused; only Resume moves it on.")
                                                : tr("Paused at step %1 of %2; only Resume "
                                                     "moves it on.")
                                                      .arg(after.progress + 1)
                                                      .arg(after.stepCount)));
    }
    if (std::optional<Notice> promoted = promotion(memory, after))
        notices.append(*promoted);
    // Healthy at a revision that was not stable before: it got there while watched. A scale
    // or a restart of the stable revision passes through Progressing but is not a release.
    const bool finished = after.situation == RolloutSituation::Kind::Healthy && after.fullyPromoted
        && !after.aborted && (!before.fullyPromoted || before.revision != after.revision);
    if (finished)
        notices.append(noticeFor(after, Notice::Kind::Finished, QString(),
                                 tr("Revision %1 is stable and healthy.").arg(after.revision)));
    return notices;
}

void NoticeDetector::analysisFailures(const Memory &memory, const RolloutNoticeFacts &after,
                                      QList<Notice> *out) const
{
    const RolloutNoticeFacts &before = memory.facts;
    for (auto it = after.runs.cbegin(); it != after.runs.cend(); ++it) {
        const RolloutNoticeFacts::Run &run = it.value();
        if (!run.failed)
            continue;
        // A run seen unfinished that failed since, or one the rollout itself (known since its
        // first state) newly names as failed. A failed run merely listed later (its informer
        // can deliver after the rollout's) is an old fact.
        const auto previous = before.runs.constFind(it.key());
        const bool seenUnfinished = previous != before.runs.cend() && !previous->failed;
        const bool newlyNamed = previous == before.runs.cend() && run.referenced;
        if (!seenUnfinished && !newlyNamed)
            continue;
        QString text = run.phase == QLatin1String("Error")
            ? tr("Analysis run %1 ended in an error.").arg(it.key())
            : tr("Analysis run %1 failed.").arg(it.key());
        if (!run.message.isEmpty())
            text += QLatin1Char('\n') + run.message;
        out->append(noticeFor(after, Notice::Kind::AnalysisFailed, it.key(), text));
    }
}

std::optional<Notice> NoticeDetector::promotion(const Memory &memory,
                                                const RolloutNoticeFacts &after) const
{
    const RolloutNoticeFacts &before = memory.facts;
    if (before.revision != after.revision || after.aborted)
        return std::nullopt;
    if (!before.promoteFull && after.promoteFull)
        return noticeFor(after, Notice::Kind::Promoted, QStringLiteral("full"),
                         tr("Promoted fully: the remaining steps are skipped."));
    if (!memory.waitingAt || after.progress <= *memory.waitingAt)
        return std::nullopt;
    const qint32 step = *memory.waitingAt;
    const QString subject = stepSubject(after, step);
    if (subject.isEmpty())
        return noticeFor(after, Notice::Kind::Promoted, QStringLiteral("preview"),
                         tr("Promoted: the new version is active."));
    return noticeFor(after, Notice::Kind::Promoted, subject,
                     tr("Promoted past step %1 of %2.").arg(step + 1).arg(after.stepCount));
}

Notice NoticeDetector::noticeFor(const RolloutNoticeFacts &facts, Notice::Kind kind,
                                 const QString &subject, const QString &text)
{
    Notice notice;
    notice.kind = kind;
    notice.environment = facts.environment;
    notice.namespaceName = facts.namespaceName;
    notice.rolloutName = facts.name;
    notice.rolloutUid = facts.uid;
    notice.revision = facts.revision;
    notice.subject = subject;
    notice.text = text;
    return notice;
}

QList<Notice> NoticeDetector::untold(Memory *memory, const QList<Notice> &notices)
{
    QList<Notice> fresh;
    for (const Notice &notice : notices) {
        const QString key = notice.key();
        if (memory->told.contains(key))
            continue;
        memory->told.insert(key, Memory::Told {notice.revision, notice.kind});
        fresh.append(notice);
    }
    return fresh;
}

void NoticeDetector::moveTo(Memory *memory, qint64 revision)
{
    // Argo gives every new pod template (a rollback too) a higher revision, so what was told
    // about a lower one cannot come up again.
    memory->told.removeIf(
        [revision](const auto &entry) { return entry.value().revision < revision; });
}

void NoticeDetector::followWaiting(Memory *memory, const RolloutNoticeFacts &after)
{
    const RolloutNoticeFacts &before = memory->facts;
    if (before.revision != after.revision || after.aborted || after.promoteFull)
        memory->waitingAt.reset();
    if (memory->waitingAt && after.progress > *memory->waitingAt)
        memory->waitingAt.reset(); // moved on (and told as a promotion)
    if (waitsForPromotion(after.situation))
        memory->waitingAt = after.progress;
}
