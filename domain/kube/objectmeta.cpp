// SPDX-License-Identifier: GPL-3.0-or-later
#include "objectmeta.h"

const OwnerReference *ObjectMeta::controllerRef() const
{
    for (const OwnerReference &ref : ownerReferences) {
        if (ref.controller)
            return &ref;
    }
    return nullptr;
}

bool ObjectMeta::isOwnedBy(const QString &ownerUid) const
{
    if (ownerUid.isEmpty())
        return false;
    for (const OwnerReference &ref : ownerReferences) {
        if (ref.uid == ownerUid)
            return true;
    }
    return false;
}

bool ObjectMeta::operator==(const ObjectMeta &o) const
{
    // resourceVersion first: it differs on almost every real change and is cheap to compare.
    return resourceVersion == o.resourceVersion && uid == o.uid && name == o.name
        && namespaceName == o.namespaceName && generation == o.generation
        && creationTimestamp == o.creationTimestamp && deletionTimestamp == o.deletionTimestamp
        && labels == o.labels && annotations == o.annotations
        && ownerReferences == o.ownerReferences;
}
