// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "flaggeraction.h"
#include "releaserecord.h"
#include "rolloutaction.h"
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

// `gate check` (app/gatecommandline.h).
struct GateCheckOptions
{
    enum class Output { Text, Json, Junit };

    QDateTime at; // --at; null: now
    qint64 watchMs = 0; // --watch; 0: judge once
    Output output = Output::Text;
};

// `app sync|rollback|terminate NAME` (app/appcommandline.h): one Argo CD application.
struct AppActionOptions
{
    enum class Kind { Sync, Rollback, Terminate };

    Kind kind = Kind::Sync;
    QString revision; // sync --revision R; empty: the application's target revision
    qint64 historyId = 0; // rollback ID: a status.history entry
    bool prune = false;
    bool dryRun = false;
    bool yes = false; // --yes: the environment is protected and the person means it
};

// What the command line asks for. The window by default; `get rollouts` / `get rollout
// NAME` print once and exit; `pause|resume|promote|abort|retry|restart|undo NAME` act on one
// rollout and exit; `get applications` and `app sync|rollback|terminate NAME` do the same
// for Argo CD applications; `history`, `report` and `record` read or write the release history;
// `gate check` judges a rollout's quality gates (docs/cli.md).
struct CommandLineOptions
{
    enum class Mode {
        Gui,
        GetRollouts,
        GetRollout,
        Action,
        History,
        Report,
        Record,
        GateCheck,
        GetApplications,
        AppAction,
        GetCanaries
    };
    enum class Output { Table, Wide, Json };

    Mode mode = Mode::Gui;
    bool demo = false;
    QString kubeconfig; // --kubeconfig; empty: $KUBECONFIG or ~/.kube/config
    QString config; // --config; empty: the default file when it exists
    QString language; // --lang; empty: the system locale
    bool readOnly = false;
    QString select; // --select ENV/NAMESPACE/NAME: the window opens on that workload
    bool showReleases = false; // --releases: the Releases window opens too
    QString theme; // --theme system|light|dark; empty: the saved choice (default system)
    QString demoOutage; // --demo-outage ENV: that demo cluster goes away 5 s after start

    // get
    QString name; // get rollout NAME
    bool allNamespaces = false; // -A
    QString namespaceName; // -n
    QString context; // --context
    QString environment; // --env
    Output output = Output::Table;
    // actions (name, namespaceName, context and environment above apply too)
    RolloutAction action = RolloutAction::Pause;
    bool canary = false; // `pause canary NAME`: a Flagger canary (app/canarycommandline.h)
    FlaggerAction canaryAction = FlaggerAction::Pause; // with canary: what is done to it
    qint64 toRevision = 0; // undo --to-revision; 0 = the previous revision
    // --wait: return once the controller shows the effect (app/waitcommandline.h)
    bool wait = false;
    qint64 waitTimeoutMs = 60000; // --timeout DURATION with --wait

    // history, report, record (app/historycommandline.cpp)
    QString historyFile; // --history-file; empty: HistoryRecorder::defaultPath(demo)
    QStringList environments; // every --env (record watches several)
    QString workloadNamespace; // history --workload NS/NAME; report ENV/NS/NAME
    QString workload; // history --workload; report ENV/NS/NAME
    QDateTime since; // history --since; null: no bound
    QDateTime until; // history --until; null: no bound
    QList<ReleaseOutcome> outcomes; // history --outcome; empty: any
    qint64 revision = 0; // report --revision; 0 = the newest recorded release
    QString reportFile; // report -o FILE.pdf|FILE.md

    // gate check (name and namespaceName hold --rollout NAMESPACE/NAME)
    GateCheckOptions gate;

    // get applications, app ... (name holds the application's NAME)
    QString instance; // --instance: one Argo CD server of the environment's argocd: list
    AppActionOptions app;

    bool isHeadless() const { return mode != Mode::Gui; }
    // The action command's word for messages: "pause", "promote-full", "halt" (a canary's).
    QString actionWord() const;
};

class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    enum class Result { Ok, Help, Version, Error };

    // arguments includes the program name (QCoreApplication::arguments()). On Help and
    // Version *text holds what to print; on Error *text holds the message.
    static Result parse(const QStringList &arguments, CommandLineOptions *out, QString *text);
    // The words that start a headless command: get, and the action ids of the commands.
    static QStringList headlessCommands();
    // Whether the arguments name a headless subcommand: decides QCoreApplication versus
    // QApplication before any application object exists.
    static bool isHeadless(int argc, char **argv);
    // The headless command the arguments name ("get", "report", ...); empty for the window
    // and for help and version. Like isHeadless(), for before the application object exists:
    // `report` needs a QGuiApplication to lay out a PDF.
    static QString headlessCommand(int argc, char **argv);
    // -o table|wide|json of get; false with a message for anything else.
    static bool readOutputFormat(const QString &format, CommandLineOptions::Output *out,
                                 QString *text);
};
