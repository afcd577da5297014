// SPDX-License-Identifier: GPL-3.0-or-later
#include "notice.h"

QString Notice::key() const
{
    // A gate may report a rollout before its uid is known here; its name stands in.
    const QString who
        = rolloutUid.isEmpty() ? namespaceName + QLatin1Char('/') + rolloutName : rolloutUid;
    const QChar separator(0x1f);
    return environment + separator + who + separator + QString::number(revision) + separator
        + NoticeText::kindName(kind) + separator + subject;
}

QList<Notice::Kind> allNoticeKinds()
{
    return {Notice::Kind::AnalysisFailed, Notice::Kind::GateFailed, Notice::Kind::Aborted,
            Notice::Kind::Paused,         Notice::Kind::Promoted,   Notice::Kind::Finished};
}

QString NoticeText::kindName(Notice::Kind kind)
{
    switch (kind) {
    case Notice::Kind::AnalysisFailed:
        return QStringLiteral("analysis-failed");
    case Notice::Kind::Aborted:
        return QStringLiteral("aborted");
    case Notice::Kind::Paused:
        return QStringLiteral("paused");
    case Notice::Kind::Promoted:
        return QStringLiteral("promoted");
    case Notice::Kind::Finished:
        return QStringLiteral("finished");
    case Notice::Kind::GateFailed:
        return QStringLiteral("gate-failed");
    }
    return QString();
}

bool NoticeText::kindFromName(const QString &name, Notice::Kind *kind)
{
    for (Notice::Kind candidate : allNoticeKinds()) {
        if (kindName(candidate) == name) {
            *kind = candidate;
            return true;
        }
    }
    return false;
}

QString NoticeText::kindLabel(Notice::Kind kind)
{
    switch (kind) {
    case Notice::Kind::AnalysisFailed:
        return tr("Analysis failed");
    case Notice::Kind::Aborted:
        return tr("Rollout aborted");
    case Notice::Kind::Paused:
        return tr("Paused by a person");
    case Notice::Kind::Promoted:
        return tr("Promoted");
    case Notice::Kind::Finished:
        return tr("Rollout finished");
    case Notice::Kind::GateFailed:
        return tr("Gate failed");
    }
    return QString();
}

QString NoticeText::title(const Notice &notice)
{
    return tr("%1: %2 / %3 / %4", "kind: environment / namespace / rollout")
        .arg(kindLabel(notice.kind), notice.environment, notice.namespaceName, notice.rolloutName);
}
