// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// What the command line asks for. The window by default; `get rollouts` / `get rollout
// NAME` print once and exit (docs/cli.md).
struct CommandLineOptions
{
    enum class Mode { Gui, GetRollouts, GetRollout };
    enum class Output { Table, Wide, Json };

    Mode mode = Mode::Gui;
    bool demo = false;
    QString kubeconfig; // --kubeconfig; empty: $KUBECONFIG or ~/.kube/config
    QString config; // --config; empty: the default file when it exists
    QString language; // --lang; empty: the system locale
    bool readOnly = false;

    // get
    QString name; // get rollout NAME
    bool allNamespaces = false; // -A
    QString namespaceName; // -n
    QString context; // --context
    QString environment; // --env
    Output output = Output::Table;

    bool isHeadless() const { return mode != Mode::Gui; }
};

class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    enum class Result { Ok, Help, Version, Error };

    // arguments includes the program name (QCoreApplication::arguments()). On Help and
    // Version *text holds what to print; on Error *text holds the message.
    static Result parse(const QStringList &arguments, CommandLineOptions *out, QString *text);
    // Whether the arguments name a headless subcommand: decides QCoreApplication versus
    // QApplication before any application object exists.
    static bool isHeadless(int argc, char **argv);
};
