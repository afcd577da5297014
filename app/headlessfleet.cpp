// SPDX-License-Identifier: GPL-3.0-or-later
#include "headlessfleet.h"

#include "commandline.h"
#include "demoprocess.h"
#include <QTextStream>

HeadlessFleet::HeadlessFleet() = default;
HeadlessFleet::~HeadlessFleet() = default;

int HeadlessFleet::open(const CommandLineOptions &options, DemoServer *running, QTextStream &err)
{
    QString error;
    DemoServer *demo = running;
    if (options.demo && !(demo && demo->isRunning())) {
        m_ownDemo = std::make_unique<DemoProcess>();
        if (!m_ownDemo->start(&error)) {
            printError(err, error);
            return 1;
        }
        demo = m_ownDemo.get();
    }
    if (!FleetSetup::load(options, options.demo ? demo->kubeconfigPath() : QString(), &m_setup,
                          &error)
        || !m_setup.selectEnvironments(options, &m_environments, &error)) {
        printError(err, error);
        return 2;
    }
    return 0;
}

void HeadlessFleet::printError(QTextStream &err, const QString &message)
{
    err << QStringLiteral("release-dashboard: ") << message << Qt::endl;
}
