// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordcommand.h"

#include "auditlog.h"
#include "commandline.h"
#include "fleetfetcher.h"
#include "getcommand.h"
#include "headlessfleet.h"
#include "historycommand.h"
#include "historyrecorder.h"

#include <QDir>
#include <QEventLoop>
#include <QHash>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace {

// The self-pipe: a signal handler may only do async-signal-safe things, so it writes a byte
// that the event loop reads; the loop then stops in the ordinary way and the recorder
// writes what is pending. One run at a time per process, as one command line runs.
int signalPipe[2] = {-1, -1};

extern "C" void onStopSignal(int)
{
    const char byte = 1;
    const ssize_t written = ::write(signalPipe[1], &byte, 1);
    (void)written; // a full pipe already holds a stop request
}

class StopSignals
{
public:
    explicit StopSignals(QEventLoop *loop)
    {
        if (::pipe2(signalPipe, O_CLOEXEC | O_NONBLOCK) != 0)
            return;
        m_notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, loop);
        QObject::connect(m_notifier, &QSocketNotifier::activated, loop, [loop] {
            char buffer[16];
            while (::read(signalPipe[0], buffer, sizeof buffer) > 0) { }
            loop->exit(GetCommand::Success);
        });
        struct sigaction action = {};
        action.sa_handler = onStopSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        ::sigaction(SIGINT, &action, &m_previousInt);
        ::sigaction(SIGTERM, &action, &m_previousTerm);
        m_installed = true;
    }
    ~StopSignals()
    {
        if (!m_installed)
            return;
        ::sigaction(SIGINT, &m_previousInt, nullptr);
        ::sigaction(SIGTERM, &m_previousTerm, nullptr);
        delete m_notifier;
        for (int &fd : signalPipe) {
            ::close(fd);
            fd = -1;
        }
    }
    StopSignals(const StopSignals &) = delete;
    StopSignals &operator=(const StopSignals &) = delete;

private:
    QSocketNotifier *m_notifier = nullptr;
    struct sigaction m_previousInt = {};
    struct sigaction m_previousTerm = {};
    bool m_installed = false;
};

QString stateText(const ConnectionState &state)
{
    QString kind;
    switch (state.kind) {
    case ConnectionState::Connecting:
        kind = RecordCommand::tr("connecting");
        break;
    case ConnectionState::Live:
        kind = RecordCommand::tr("live");
        break;
    case ConnectionState::Retrying:
        kind = RecordCommand::tr("retrying");
        break;
    case ConnectionState::Unauthorized:
        kind = RecordCommand::tr("unauthorized");
        break;
    case ConnectionState::Forbidden:
        kind = RecordCommand::tr("forbidden");
        break;
    case ConnectionState::Unreachable:
        kind = RecordCommand::tr("unreachable");
        break;
    case ConnectionState::ConfigError:
        kind = RecordCommand::tr("configuration error");
        break;
    }
    return state.reason.isEmpty() ? kind : RecordCommand::tr("%1: %2").arg(kind, state.reason);
}

// --env may be given several times: the first goes through HeadlessFleet (its errors and
// exit codes), the others through the same selection.
int openFleet(const CommandLineOptions &options, DemoServer *demo, QTextStream &err,
              HeadlessFleet *fleet, QList<EnvironmentSpec> *environments)
{
    CommandLineOptions selection = options;
    selection.environment = options.environments.value(0);
    if (const int code = fleet->open(selection, demo, err))
        return code;
    *environments = fleet->environments();
    for (qsizetype i = 1; i < options.environments.size(); ++i) {
        selection.environment = options.environments.at(i);
        QList<EnvironmentSpec> more;
        QString error;
        if (!fleet->setup().selectEnvironments(selection, &more, &error)) {
            HeadlessFleet::printError(err, error);
            return GetCommand::UsageError;
        }
        *environments += more;
    }
    return GetCommand::Success;
}

QString startedLine(const QList<EnvironmentSpec> &environments, const QString &path)
{
    QStringList names;
    for (const EnvironmentSpec &environment : environments)
        names.append(environment.name);
    const QString where = QDir::toNativeSeparators(path);
    return RecordCommand::tr("recording %n environments (%1) into %2", nullptr, int(names.size()))
        .arg(names.join(QStringLiteral(", ")), where);
}

} // namespace

int RecordCommand::run(const CommandLineOptions &options, QTextStream &out, QTextStream &err,
                       DemoServer *demo)
{
    HeadlessFleet fleet;
    QList<EnvironmentSpec> environments;
    if (const int code = openFleet(options, demo, err, &fleet, &environments))
        return code;
    const QString path = HistoryCommand::databasePath(options);
    HistoryRecorderOptions recorderOptions;
    recorderOptions.databasePath = path;
    // Our own actions (this machine's `pause`, ...) join their releases with the person.
    recorderOptions.auditPath = AuditLog::defaultPath();
    recorderOptions.retentionDays = fleet.setup().history.retentionDays;
    recorderOptions.maxBytes = fleet.setup().history.maxBytes();
    HistoryRecorder recorder(recorderOptions);
    FleetFetcher fetcher(fleet.setup().kubeconfig, environments);
    QObject::connect(&fetcher, &FleetFetcher::workloadsChanged, &recorder,
                     &HistoryRecorder::record);

    QEventLoop loop;
    StopSignals stopSignals(&loop);
    // A line per change of state, not per retry countdown: the kind and the reason.
    QHash<QString, QString> lastState;
    QObject::connect(&fetcher, &FleetFetcher::stateChanged, &loop,
                     [&](const QString &environment, const ConnectionState &state) {
                         const QString text = stateText(state);
                         if (lastState.value(environment) == text)
                             return;
                         lastState.insert(environment, text);
                         out << tr("%1: %2").arg(environment, text) << Qt::endl;
                     });
    QObject::connect(&recorder, &HistoryRecorder::opened, &loop,
                     [&](const QString &errorMessage, const QString &notice) {
                         if (!errorMessage.isEmpty()) {
                             HeadlessFleet::printError(err, errorMessage);
                             loop.exit(GetCommand::Failure);
                             return;
                         }
                         if (!notice.isEmpty())
                             HeadlessFleet::printError(err, notice);
                         out << startedLine(environments, path) << Qt::endl;
                         fetcher.start();
                     });
    QObject::connect(&recorder, &HistoryRecorder::writeFailed, &loop,
                     [&err](const QString &message) { HeadlessFleet::printError(err, message); });
    recorder.start();
    const int code = loop.exec();
    // No batch after this; the recorder writes the rest and closes as it is destroyed.
    fetcher.stop();
    const bool written = recorder.flushNow();
    if (code != GetCommand::Success)
        return code; // the database could not be opened: said already
    if (!written) {
        // The last write failed (its reason came through writeFailed above, if the loop
        // still ran): not a clean stop.
        HeadlessFleet::printError(err, tr("the last recorded changes could not be written"));
        return 1;
    }
    out << tr("recording stopped") << Qt::endl;
    return code;
}
