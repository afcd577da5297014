// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "actiondriver.h"
#include "connectionstate.h"
#include "resourcesampler.h"
#include "statecheck.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

class SimProcess;

// The figures of one soak run and the PASS/FAIL verdict, printed in two parts: the body
// (state, resources, actions) before the shutdown check, so a shutdown that hangs still
// leaves every other figure on the console, then the shutdown and the verdict.
struct SoakReport
{
    qint64 soakMs = 0;
    qint64 settleMs = 0;
    int batches = 0;
    qint64 changes = 0;
    QMap<QString, int> disconnections;
    QHash<QString, ConnectionState> states;
    QMap<QString, int> faults;
    QList<StateCheck::Result> stateResults;
    ResourceSampler::Verdict resources;
    ActionDriver::AuditVerdict audit;
    int clicks = 0, skipped = 0, outcomes = 0, dialogsClosed = 0;
    QMap<QString, int> actionResults;
    QMap<QString, int> skipReasons;
    QMap<QString, int> simPatches; // cluster -> Rollout PATCHes the server saw
    QMap<QString, QString> simPatchStatuses; // cluster -> "200×12 503×2"
    qint64 simWrites = 0;
    int simEvents = 0; // Events the servers hold at the end
    int restarts = 0;
    int pluginRuns = 0;
    bool pluginHung = false;
    qint64 shutdownMs = -1;
    int threadsAfterShutdown = 0;
    qint64 sleepPid = 0;
    bool bodyPassed = false;

    void setActions(const ActionDriver &actions);
    void setSims(const QList<SimProcess *> &sims);
    void progress(qint64 elapsedMs, const ResourceSampler &sampler, const ActionDriver &actions,
                  int serverEvents) const;
    void printBody();
    void shutdownStarted(bool hanging);
    // Prints the shutdown figures and the verdict; true for PASS.
    bool printShutdownAndVerdict();
};
