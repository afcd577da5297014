// SPDX-License-Identifier: GPL-3.0-or-later
// rd-sim: the simulated fleet as a standalone program.
//   rd-sim [--scenario FILE] [--load DIR] [--frozen] [--port N] [--kubeconfig-out FILE]
// Prints each cluster's URL and the kubeconfig path when ready; stops on SIGINT/SIGTERM.
// Exit codes: 0 stopped cleanly, 1 could not start, 2 bad command line, scenario or manifest.
#include "core/virtualclock.h"
#include "fleet/simulator.h"
#include "scenario/scenario.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <csignal>
#include <cstdio>

using namespace rdsim;

namespace {

void printLine(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

void printError(const QString &line)
{
    std::fputs(qPrintable(QStringLiteral("rd-sim: ") + line + u'\n'), stderr);
}

// Files directly in DIR go to every cluster; files in DIR/<cluster>/ to that cluster only.
bool loadManifests(const QString &dir, const Scenario &scenario,
                   QList<QPair<QString, QJsonObject>> *out, QString *error)
{
    if (!QFileInfo(dir).isDir()) {
        *error = QStringLiteral("%1: not a directory").arg(dir);
        return false;
    }
    QList<QJsonObject> objects;
    if (!ManifestLoader::loadDirectory(dir, &objects, error))
        return false;
    for (const QJsonObject &object : std::as_const(objects))
        out->append({QString(), object});
    for (const ClusterScenario &cluster : scenario.clusters) {
        const QString sub = QDir(dir).filePath(cluster.name);
        if (!QFileInfo(sub).isDir())
            continue;
        objects.clear();
        if (!ManifestLoader::loadDirectory(sub, &objects, error))
            return false;
        for (const QJsonObject &object : std::as_const(objects))
            out->append({cluster.name, object});
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    // Block the stop signals before any thread starts so that only sigwait() below sees them.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("rd-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Simulated Kubernetes clusters with Argo Rollouts, served over HTTPS."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption scenarioOption(
        QStringLiteral("scenario"), QStringLiteral("Scenario YAML file."), QStringLiteral("FILE"));
    const QCommandLineOption loadOption(
        QStringLiteral("load"),
        QStringLiteral("Load Kubernetes manifests from DIR (DIR/<cluster>/ for one cluster)."),
        QStringLiteral("DIR"));
    const QCommandLineOption frozenOption(
        QStringLiteral("frozen"),
        QStringLiteral("Stop the virtual clock: no controller changes anything."));
    const QCommandLineOption portOption(
        QStringLiteral("port"),
        QStringLiteral("First port (cluster i listens on N+i); default: free ports."),
        QStringLiteral("N"));
    const QCommandLineOption kubeconfigOption(QStringLiteral("kubeconfig-out"),
                                              QStringLiteral("Write the kubeconfig to FILE."),
                                              QStringLiteral("FILE"));
    parser.addOptions({scenarioOption, loadOption, frozenOption, portOption, kubeconfigOption});
    if (!parser.parse(app.arguments())) {
        printError(parser.errorText());
        return 2;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty()) {
        printError(
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
        return 2;
    }

    Scenario scenario = Scenario::minimal();
    QString error;
    if (parser.isSet(scenarioOption)
        && !Scenario::fromFile(parser.value(scenarioOption), &scenario, &error)) {
        printError(error);
        return 2;
    }
    SimulatorOptions options;
    options.frozen = parser.isSet(frozenOption);
    options.kubeconfigPath = parser.value(kubeconfigOption);
    if (parser.isSet(portOption)) {
        bool ok = false;
        options.basePort = parser.value(portOption).toInt(&ok);
        if (!ok || options.basePort < 1 || options.basePort > 65535) {
            printError(
                QStringLiteral("--port: '%1' is not a port number").arg(parser.value(portOption)));
            return 2;
        }
    }
    if (parser.isSet(loadOption)
        && !loadManifests(parser.value(loadOption), scenario, &options.extraObjects, &error)) {
        printError(error);
        return 2;
    }

    Simulator simulator(scenario, options);
    if (!simulator.start(&error)) {
        printError(error);
        // Objects the scenario or --load gave that cannot be served are input errors.
        return error.contains(QStringLiteral(": object ")) ? 2 : 1;
    }
    for (SimCluster *cluster : simulator.clusters())
        printLine(QStringLiteral("cluster %1: %2").arg(cluster->name(), cluster->url()));
    printLine(QStringLiteral("kubeconfig: %1").arg(simulator.kubeconfigPath()));
    printLine(options.frozen ? QStringLiteral("ready (frozen)") : QStringLiteral("ready"));

    int received = 0;
    sigwait(&stopSignals, &received);
    printLine(QStringLiteral("stopping on %1")
                  .arg(received == SIGINT ? QStringLiteral("SIGINT") : QStringLiteral("SIGTERM")));
    simulator.stop();
    return 0;
}
