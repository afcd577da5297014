// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rolloutref.h"

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QString>

// One thing worth telling a release manager who is not looking at the window: a fact about a
// rollout observed while watching it live (NoticeDetector), or a quality gate's failure that
// the gate evaluation reports (NoticeDetector::gateFailed). A value; the app decides whether
// and how it is shown (tray message, desktop notification, status bar).
struct Notice
{
    enum class Kind : quint8 {
        AnalysisFailed, // an AnalysisRun of the rollout ended Failed or Error
        Aborted, // status.abort became true (by a person or by the controller)
        Paused, // spec.paused became true: a person paused it, not a pause step
        Promoted, // a person moved it past a pause only a person ends, or promoted it fully
        Finished, // the new revision became stable and Healthy
        GateFailed, // a quality gate failed (reported from outside the detector)
    };

    Kind kind = Kind::AnalysisFailed;
    QString environment;
    QString namespaceName;
    QString rolloutName;
    QString rolloutUid; // empty for a gate failure about a rollout not (yet) listed
    qint64 revision = 0;
    // What the fact is about within the revision: the AnalysisRun's or the gate's name, the
    // step ("step 3", 1-based), "full" for a full promotion, the abort's time. Part of key().
    QString subject;
    // Translated, one or two lines: what happened, with the cluster's or the gate's words.
    QString text;

    // (environment, rollout uid or namespace/name, revision, kind, subject): the same fact
    // is never told twice.
    QString key() const;
    RolloutRef ref() const { return RolloutRef {environment, rolloutUid}; }

    bool operator==(const Notice &o) const
    {
        return kind == o.kind && environment == o.environment && namespaceName == o.namespaceName
            && rolloutName == o.rolloutName && rolloutUid == o.rolloutUid && revision == o.revision
            && subject == o.subject && text == o.text;
    }
    bool operator!=(const Notice &o) const { return !(*this == o); }
};

// Every kind, in the order the settings show them.
QList<Notice::Kind> allNoticeKinds();

class NoticeText
{
    Q_DECLARE_TR_FUNCTIONS(NoticeText)

public:
    // "analysis-failed", "aborted", "paused", "promoted", "finished", "gate-failed": stable,
    // untranslated (settings keys, logs, tests).
    static QString kindName(Notice::Kind kind);
    // False for a name kindName() never returns.
    static bool kindFromName(const QString &name, Notice::Kind *kind);
    // "Analysis failed", "Rollout aborted", ... (translated; the settings' column heads).
    static QString kindLabel(Notice::Kind kind);
    // "Analysis failed: prod / shop / checkout" (translated).
    static QString title(const Notice &notice);
};

Q_DECLARE_METATYPE(Notice)
