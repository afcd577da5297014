// SPDX-License-Identifier: GPL-3.0-or-later
#include "headlessfleet.h"

#include "commandline.h"
#include "demofleet.h"
#include <QTextStream>

HeadlessFleet::HeadlessFleet() = default;
HeadlessFleet::~HeadlessFleet() = default;

bool HeadlessFleet::open(const CommandLineOptions &options, DemoFleet *running, QString *error)
{
    DemoFleet *demo = running;
    if (options.demo && !(demo && demo->isRunning())) {
        m_ownDemo = std::make_unique<DemoFleet>();
        if (!m_ownDemo->start(error)) {
            m_failure = Failure::Demo;
            return false;
        }
        demo = m_ownDemo.get();
    }
    if (!FleetSetup::load(options, options.demo ? demo->kubeconfigPath() : QString(), &m_setup,
                          error)) {
        m_failure = Failure::Setup;
        return false;
    }
    return true;
}

void HeadlessFleet::printError(QTextStream &err, const QString &message)
{
    err << QStringLiteral("release-dashboard: ") << message << Qt::endl;
}
