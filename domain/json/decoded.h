// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kubestatus.h"

#include <QList>
#include <QMetaType>
#include <QString>

// A field the decoder could not read: the item is still decoded, with that field left at
// its default. path is like "items[3].spec.replicas"; message is translated.
struct DecodeIssue
{
    QString path;
    QString message;

    // "spec.replicas: expected an integer"
    QString text() const;

    bool operator==(const DecodeIssue &o) const { return path == o.path && message == o.message; }
    bool operator!=(const DecodeIssue &o) const { return !(*this == o); }
};

// What every decode returns besides its value. error is set (translated, e.g. "malformed
// JSON at byte 17: ...") when nothing could be decoded; issues list recoverable field
// problems, at most DecodeReport::maxIssues of them, the rest only counted.
struct DecodeReport
{
    static constexpr qsizetype maxIssues = 100;

    QString error;
    QList<DecodeIssue> issues;
    qsizetype suppressedIssues = 0;

    bool isOk() const { return error.isEmpty(); }
    bool hasIssues() const { return !issues.isEmpty(); }
    // All issue texts, one per line, with "... and N more" when some were suppressed.
    QString issuesText() const;
};

// A *List response body (one page of a paginated list).
template<typename T> struct ObjectList
{
    QList<T> items;
    QString resourceVersion; // metadata.resourceVersion: where to start the watch
    QString continueToken; // metadata.continue: empty on the last page
    qint64 remainingItemCount = -1;
    DecodeReport report;

    bool isOk() const { return report.isOk(); }
};

// One object body (GET, PATCH response).
template<typename T> struct Decoded
{
    T value;
    DecodeReport report;

    bool isOk() const { return report.isOk(); }
};

enum class WatchEventType : quint8 { Added, Modified, Deleted, Bookmark, Error };

// One {"type": ..., "object": ...} value of a watch stream. For Bookmark only
// object.metadata (resourceVersion, annotations) is meaningful; for Error, status holds the
// Status object and object is empty.
template<typename T> struct WatchEvent
{
    WatchEventType type = WatchEventType::Added;
    T object;
    KubeStatus status;
};

Q_DECLARE_METATYPE(DecodeIssue)
Q_DECLARE_METATYPE(DecodeReport)
