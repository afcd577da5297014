// SPDX-License-Identifier: GPL-3.0-or-later
#include "mergepatch.h"

#include <QJsonObject>

namespace rdsim {

QJsonValue MergePatch::apply(const QJsonValue &target, const QJsonValue &patch)
{
    if (!patch.isObject())
        return patch;
    // A non-object target is replaced by an empty object before merging (RFC 7386 section 2).
    QJsonObject result = target.isObject() ? target.toObject() : QJsonObject();
    const QJsonObject patchObject = patch.toObject();
    for (auto it = patchObject.constBegin(); it != patchObject.constEnd(); ++it) {
        if (it.value().isNull())
            result.remove(it.key());
        else
            result.insert(it.key(), apply(result.value(it.key()), it.value()));
    }
    return result;
}

} // namespace rdsim
