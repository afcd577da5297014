// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartspec.h"
#include "contextgroups.h"
#include "environmentconfig.h"
#include "gatespec.h"
#include "historyconfig.h"
#include "kubeconfig.h"
#include "promotionconfig.h"

#include <QCoreApplication>
#include <QString>

struct CommandLineOptions;

// The kubeconfig and the environments the app works with, as the command line, the config
// file and (for --demo) the demo fleet decide them.
struct FleetSetup
{
    Q_DECLARE_TR_FUNCTIONS(FleetSetup)

public:
    Kubeconfig kubeconfig;
    EnvironmentConfig environments;
    // The config file's `charts:` (ChartConfig); the demo's own without one; empty: built-in.
    QList<ChartSpec> charts;
    // The config file's `gates:` and `gateInterval:` (GateConfig); the demo's own without one.
    GateSettings gates;
    // The config file's `history:` (HistoryConfig): retention and size of the release record.
    HistorySettings history;
    // The config file's `promotion:` (PromotionConfig): rows of the promotion view.
    PromotionSettings promotion;
    // Without a config file: the kubeconfig's contexts grouped by cluster, one environment
    // each (the window offers to save them). Empty when a config file or the demo decided.
    QList<ContextGroup> contextGroups;

    // demoKubeconfig: the running demo's kubeconfig (--demo), else empty. The environments
    // come from --config, else from the default config file when it exists, else (demo) the
    // built-in demo environments, else one per cluster of the kubeconfig (ContextGroups).
    // --read-only marks all read-only. False with a precise *error (file, line, field) on any
    // problem.
    static bool load(const CommandLineOptions &options, const QString &demoKubeconfig,
                     FleetSetup *out, QString *error);

    // Name, server and user of each context, in kubeconfig order.
    static QList<KubeContextInfo> contextInfos(const Kubeconfig &kubeconfig);

    // What a headless command works on: --env E, --context C (a context no environment uses
    // becomes an environment of its own name, as kubectl --context), or every environment.
    bool selectEnvironments(const CommandLineOptions &options, QList<EnvironmentSpec> *out,
                            QString *error) const;
};
