// SPDX-License-Identifier: GPL-3.0-or-later
#include "demoscenario.h"

#include "scenario/scenario.h"

#include <QFile>

// Q_INIT_RESOURCE must be used outside any namespace. A static library's resources are not
// registered unless something names them: this does, once.
static void registerDemoScenarioResource()
{
    static const bool registered = [] {
        Q_INIT_RESOURCE(demoscenario);
        return true;
    }();
    Q_UNUSED(registered);
}

namespace rdsim {

QByteArray DemoScenario::yaml()
{
    registerDemoScenarioResource();
    QFile file(QStringLiteral(":/rd-sim/demo.yaml"));
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return file.readAll();
}

bool DemoScenario::load(Scenario *out, QString *error)
{
    const QByteArray text = yaml();
    if (text.isEmpty()) {
        *error = QStringLiteral("the built-in demo scenario is missing");
        return false;
    }
    return Scenario::fromYaml(text, QStringLiteral("demo.yaml"), out, error);
}

} // namespace rdsim
