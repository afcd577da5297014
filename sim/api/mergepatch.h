// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonValue>

namespace rdsim {

// JSON Merge Patch (RFC 7386): objects merge key by key, null deletes a key, anything else
// replaces the target value wholesale (arrays included).
class MergePatch
{
public:
    static QJsonValue apply(const QJsonValue &target, const QJsonValue &patch);
};

} // namespace rdsim
