// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Reading the objects of a loaded scenario, for the scenario tests (tst_builtinscenarios,
// tst_scenarioparser).

#include "scenario/scenario.h"

#include <QJsonObject>
#include <QStringList>

using namespace rdsim;

namespace ScenarioTest {

inline QString field(const QJsonObject &object, const QString &dottedPath)
{
    QJsonValue value = object;
    for (const QString &part : dottedPath.split(QLatin1Char('.')))
        value = value.toObject().value(part);
    return value.toString();
}

inline QStringList names(const QList<QJsonObject> &objects)
{
    QStringList result;
    for (const QJsonObject &object : objects)
        result << field(object, QStringLiteral("metadata.namespace")) + QLatin1Char('/')
                + field(object, QStringLiteral("metadata.name"));
    return result;
}

} // namespace ScenarioTest
