// SPDX-License-Identifier: GPL-3.0-or-later
#include "simcommandline.h"

#include "demo/demoscenario.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <cstdio>

namespace rdsim {

namespace {

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

struct Options
{
    QCommandLineOption scenario {QStringLiteral("scenario"), QStringLiteral("Scenario YAML file."),
                                 QStringLiteral("FILE")};
    QCommandLineOption demo {QStringLiteral("demo"),
                             QStringLiteral("Serve the dashboard's demo fleet "
                                            "(resources/scenarios/demo.yaml, built in).")};
    QCommandLineOption load {
        QStringLiteral("load"),
        QStringLiteral("Load Kubernetes manifests from DIR (DIR/<cluster>/ for one cluster)."),
        QStringLiteral("DIR")};
    QCommandLineOption frozen {
        QStringLiteral("frozen"),
        QStringLiteral("Stop the virtual clock: no controller changes anything.")};
    QCommandLineOption port {
        QStringLiteral("port"),
        QStringLiteral("First port (cluster i listens on N+i); default: free ports."),
        QStringLiteral("N")};
    QCommandLineOption kubeconfig {QStringLiteral("kubeconfig-out"),
                                   QStringLiteral("Write the kubeconfig to FILE."),
                                   QStringLiteral("FILE")};
    QCommandLineOption parentPid {
        QStringLiteral("parent-pid"),
        QStringLiteral("Stop when process PID, which started rd-sim, ends (also when killed)."),
        QStringLiteral("PID")};
    QCommandLineOption commands {
        QStringLiteral("commands"),
        QStringLiteral("Read commands on standard input (offline CLUSTER, online CLUSTER); "
                       "stop when it closes.")};
};

bool readScenario(const QCommandLineParser &parser, const Options &options, Scenario *out)
{
    QString error;
    bool ok = true;
    if (parser.isSet(options.demo) && parser.isSet(options.scenario)) {
        error = QStringLiteral("--demo and --scenario cannot be used together");
        ok = false;
    } else if (parser.isSet(options.demo)) {
        ok = DemoScenario::load(out, &error);
    } else if (parser.isSet(options.scenario)) {
        ok = Scenario::fromFile(parser.value(options.scenario), out, &error);
    }
    if (!ok)
        printError(error);
    return ok;
}

// The numbers of --port and --parent-pid; false after printing what is wrong.
bool readNumbers(const QCommandLineParser &parser, const Options &options, SimCommandLine *out)
{
    bool ok = true;
    if (parser.isSet(options.port)) {
        out->simulator.basePort = parser.value(options.port).toInt(&ok);
        if (!ok || out->simulator.basePort < 1 || out->simulator.basePort > 65535) {
            printError(QStringLiteral("--port: '%1' is not a port number")
                           .arg(parser.value(options.port)));
            return false;
        }
    }
    if (parser.isSet(options.parentPid)) {
        out->parentPid = parser.value(options.parentPid).toLongLong(&ok);
        if (!ok || out->parentPid < 1) {
            printError(QStringLiteral("--parent-pid: '%1' is not a process id")
                           .arg(parser.value(options.parentPid)));
            return false;
        }
    }
    return true;
}

} // namespace

int parseSimCommandLine(const QStringList &arguments, SimCommandLine *out)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Simulated Kubernetes clusters with Argo Rollouts, served over HTTPS."));
    parser.addHelpOption();
    parser.addVersionOption();
    const Options options;
    parser.addOptions({options.scenario, options.demo, options.load, options.frozen, options.port,
                       options.kubeconfig, options.parentPid, options.commands});
    if (!parser.parse(arguments)) {
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
    if (!readScenario(parser, options, &out->scenario) || !readNumbers(parser, options, out))
        return 2;
    out->simulator.frozen = parser.isSet(options.frozen);
    out->simulator.kubeconfigPath = parser.value(options.kubeconfig);
    out->commands = parser.isSet(options.commands);
    QString error;
    if (parser.isSet(options.load)
        && !loadManifests(parser.value(options.load), out->scenario, &out->simulator.extraObjects,
                          &error)) {
        printError(error);
        return 2;
    }
    return -1;
}

void printLine(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

void printError(const QString &line)
{
    std::fputs(qPrintable(QStringLiteral("rd-sim: ") + line + u'\n'), stderr);
}

} // namespace rdsim
