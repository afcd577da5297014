// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "objectmeta.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

struct ObjectReference
{
    QString apiVersion;
    QString kind;
    QString namespaceName;
    QString name;
    QString uid;
    QString fieldPath;

    bool operator==(const ObjectReference &o) const
    {
        return uid == o.uid && name == o.name && kind == o.kind && namespaceName == o.namespaceName
            && apiVersion == o.apiVersion && fieldPath == o.fieldPath;
    }
    bool operator!=(const ObjectReference &o) const { return !(*this == o); }
};

// core/v1 Event.
struct Event
{
    ObjectMeta metadata;
    ObjectReference involvedObject;
    QString reason;
    QString message;
    QString type; // Normal or Warning
    qint32 count = 0;
    QDateTime firstTimestamp;
    QDateTime lastTimestamp;
    QDateTime eventTime; // set instead of the two above by events.k8s.io writers
    QString sourceComponent;
    QString sourceHost;
    QString reportingController;

    // lastTimestamp, else eventTime, else creationTimestamp: when it last happened.
    QDateTime lastSeen() const;

    bool operator==(const Event &o) const;
    bool operator!=(const Event &o) const { return !(*this == o); }
};

Q_DECLARE_METATYPE(ObjectReference)
Q_DECLARE_METATYPE(Event)
