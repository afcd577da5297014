// SPDX-License-Identifier: GPL-3.0-or-later
#include "condition.h"

const Condition *findCondition(const QList<Condition> &conditions, QStringView type)
{
    for (const Condition &condition : conditions) {
        if (condition.type == type)
            return &condition;
    }
    return nullptr;
}
