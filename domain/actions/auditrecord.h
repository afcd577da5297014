// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

// One line of the audit file (JSON Lines): an action attempt, then its outcome, paired by
// id. It names who did what where and what came of it; it never holds a credential (the user
// is a name, the request bodies are the rollout patches, which carry none).
struct AuditRecord
{
    enum class Stage { Attempt, Outcome };
    enum class Result {
        None, // an attempt: not decided yet
        Succeeded, // the patches were accepted
        NothingToDo, // the state needed no patch (e.g. promote of an unpaused blue-green)
        Denied, // the user may not (SelfSubjectAccessReview or a 403)
        Refused, // not sent: read-only, or the action does not fit the rollout's state
        Failed, // sent and failed, or could not be sent
    };

    QString id; // pairs the attempt with its outcome
    Stage stage = Stage::Attempt;
    QDateTime time; // UTC, milliseconds
    QString environment;
    QString context;
    QString namespaceName;
    QString rollout;
    QString action; // rolloutActionId()
    qint64 revision = 0; // undo target, 0 otherwise
    QString user; // from SelfSubjectReview, else the kubeconfig user
    QString userSource; // "SelfSubjectReview" or "kubeconfig"
    QString client; // "gui", "cli", or "gate" (the window acting on onGateFail: pause)
    QString reason; // why the window acted on its own ("gate 'x' failed: ..."); else empty
    Result result = Result::None;
    int httpStatus = 0;
    QString message; // what happened, as shown to the user
    QList<QByteArray> requests; // "PATCH <path> <content-type> <body>", once per send
    QList<int> responses; // HTTP status of each of `requests`; 0: no answer

    static QString resultName(Result result); // "succeeded", "denied", ...
    static Result resultFromName(const QString &name);
    // One compact JSON object without a line break.
    // Turns the attempt into its outcome, stamped now (the executors' last step).
    void setOutcome(Result outcome, int status, const QString &text);
    QByteArray toJsonLine() const;
    // False (and *error) for a line that is not an audit record.
    static bool fromJsonLine(const QByteArray &line, AuditRecord *out, QString *error);
};

struct AuditFile
{
    QList<AuditRecord> records; // in file order
    QStringList problems; // translated: "line 7: not valid JSON" (a torn last line, ...)
};

// Reads the whole file; a missing file is empty, not an error.
AuditFile readAuditFile(const QString &path);

Q_DECLARE_METATYPE(AuditRecord)
