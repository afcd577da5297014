// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "argoapplication.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// What changed among the applications one environment reads from one Argo CD server, as one
// value from the fetcher to the GUI thread.
struct ArgoAppBatch
{
    QString environment;
    QString instance;
    bool reset = false; // a fresh list: applications of this instance not in `upserts` are gone
    QList<ArgoApplication> upserts; // environment and instance set
    QStringList removedKeys; // ArgoApplication::key()
};

// How the window's connection to one Argo CD server is doing.
struct ArgoCdStatus
{
    enum class State { Connecting, Live, Error };
    QString environment;
    QString instance;
    QString endpoint; // ArgoCdInstance::describe(): no secret
    State state = State::Connecting;
    QString message; // translated; the error while state is Error
    QString username; // who the token is, from /api/v1/session/userinfo
    int httpStatus = 0; // of the error, 0 for none or a transport error
    qint64 retryAtMs = 0; // epoch ms of the next attempt while in Error, 0 when none
};

Q_DECLARE_METATYPE(ArgoAppBatch)
Q_DECLARE_METATYPE(ArgoCdStatus)
