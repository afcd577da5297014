// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stringmap.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

// metadata.ownerReferences[]: how pods find their ReplicaSet and ReplicaSets their Rollout.
struct OwnerReference
{
    QString apiVersion;
    QString kind;
    QString name;
    QString uid;
    bool controller = false;

    bool operator==(const OwnerReference &o) const
    {
        return uid == o.uid && name == o.name && kind == o.kind && apiVersion == o.apiVersion
            && controller == o.controller;
    }
    bool operator!=(const OwnerReference &o) const { return !(*this == o); }
};

// The part of metav1.ObjectMeta the dashboard reads. managedFields and the
// kubectl last-applied-configuration annotation are dropped by the decoder: they are large
// and nothing here shows them.
struct ObjectMeta
{
    QString name;
    QString namespaceName;
    QString uid;
    QString resourceVersion;
    qint64 generation = 0;
    QDateTime creationTimestamp;
    QDateTime deletionTimestamp;
    StringMap labels;
    StringMap annotations;
    QList<OwnerReference> ownerReferences;

    // The owner reference with controller: true, or nullptr.
    const OwnerReference *controllerRef() const;
    // True when any owner reference points at uid (how the Argo Rollouts plugin matches).
    bool isOwnedBy(const QString &ownerUid) const;

    bool operator==(const ObjectMeta &o) const;
    bool operator!=(const ObjectMeta &o) const { return !(*this == o); }
};

Q_DECLARE_METATYPE(OwnerReference)
Q_DECLARE_METATYPE(ObjectMeta)
