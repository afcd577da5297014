// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "argoapplication.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

struct ArgoApplicationList
{
    QList<ArgoApplication> items;
    QString resourceVersion; // the list's: where a watch may start
    QString error; // translated; empty when the body was understood
};

// One event of /api/v1/stream/applications: `{"result": {"type": ..., "application": ...}}`
// (grpc-gateway wraps every streamed message in `result`; a failure mid-stream comes as
// `{"error": {...}}` instead).
struct ArgoWatchEvent
{
    enum class Type { Added, Modified, Deleted };
    Type type = Type::Added;
    ArgoApplication application;
    QString error; // translated: a stream error or a body we could not understand
};

struct ArgoUserInfo
{
    bool loggedIn = false;
    QString username;
    QString issuer;
    QStringList groups;
};

// Decodes Argo CD API answers (Argo CD 3.6's JSON; unknown fields are ignored, missing ones
// stay empty). The application count of even a large install is in the thousands, far from
// the pod counts our own decoder is built for, so Qt's parser is used here. Every problem is
// a translated message, never an exception or a crash; the caller bounds the input's size.
class ArgoDecoder
{
    Q_DECLARE_TR_FUNCTIONS(ArgoDecoder)
public:
    static ArgoApplication application(const QJsonObject &object);
    static bool application(const QByteArray &body, ArgoApplication *out, QString *error);
    static ArgoApplicationList list(const QByteArray &body);
    static ArgoWatchEvent event(const QByteArray &json);
    static bool revisionMetadata(const QByteArray &body, ArgoRevisionMetadata *out, QString *error);
    static bool userInfo(const QByteArray &body, ArgoUserInfo *out, QString *error);
    // `{"value": "yes"}` of can-i; false with error set when the body is something else.
    static bool canI(const QByteArray &body, bool *allowed, QString *error);

private:
    static bool object(const QByteArray &body, QJsonObject *out, QString *error);
};
