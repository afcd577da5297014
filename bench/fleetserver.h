// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

// The benchmark fleet served by a child process (the benchmark's own executable with
// --serve), so the simulator's 70,000 QJsonObjects and its server threads stay out of the
// figures of the process being measured. Clusters are named fleet-1 … fleet-N, each with
// FleetGenerator's objects, one admin user, and the virtual clock frozen: nothing changes
// unless churn asks for it.
struct FleetServer
{
    struct Options
    {
        int clusters = 5;
        int rollouts = 1000; // per cluster
        // Writes per second over all clusters once serving (0: none), half of them to
        // Rollouts (a row changes) and half to pods (a detail changes): the "1,000 watch
        // events/s" of the GUI stall budget.
        int churnPerSecond = 0;
        // Releases started per second over all clusters (0: none), besides the churn: new
        // revisions taken through their canary steps with AnalysisRuns and Events
        // (ReleaseStorm), about 18 writes each, so a recorder has releases to record.
        double releasesPerSecond = 0;

        QStringList arguments() const; // for the child's command line
        static Options fromArguments(const QStringList &args);
    };

    static QString clusterName(int index); // "fleet-1" for 0

    // The child's side: loads the fleet, prints "KUBECONFIG <path>" and serves until stdin
    // closes. Exit code 2 when the simulator could not start.
    static int serve(const Options &options);

    // The parent's side: starts the child and waits (up to 10 minutes) for its kubeconfig;
    // an empty string when it did not come. Closing the child's stdin (stop()) ends it.
    static QString start(QProcess &child, const Options &options);
    static void stop(QProcess &child);
};
