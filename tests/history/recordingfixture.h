// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The demo fleet in process with its clock stepped by the test, FleetFetcher watching it and
// a HistoryRecorder writing what it sees into a temporary database, on the simulator's
// virtual clock: what the recorder stamps is the simulator's time, so timelines can be
// compared with what the simulator did.

#include "../fetchers/demosim.h"
#include "../fetchers/fleetsim.h"
#include "../fetchers/serverjson.h"

#include "fleetfetcher.h"
#include "historyreader.h"
#include "historyrecorder.h"

#include <QSignalSpy>
#include <QTemporaryDir>

class Recording
{
public:
    Recording(DemoSim &sim, const QString &databasePath, const QString &auditPath) : m_sim(sim)
    {
        HistoryRecorderOptions options;
        options.databasePath = databasePath;
        options.auditPath = auditPath;
        options.flushIntervalMSecs = 20;
        Simulator *simulator = &sim.simulator();
        options.clock = [simulator] { return simulator->clock().now(); };
        recorder = std::make_unique<HistoryRecorder>(options);
        QList<EnvironmentSpec> environments;
        for (const char *name : {"dev", "staging", "prod"}) {
            const QString env = QString::fromLatin1(name);
            environments.append(
                FleetSim::environment(env, env)); // contexts are named after clusters
        }
        fetcher = std::make_unique<FleetFetcher>(sim.kubeconfig(), environments);
        fetcher->setOptions(FleetSim::fastOptions());
        QObject::connect(fetcher.get(), &FleetFetcher::workloadsChanged, recorder.get(),
                         &HistoryRecorder::record);
        QObject::connect(fetcher.get(), &FleetFetcher::stateChanged,
                         [this](const QString &env, const ConnectionState &state) {
                             if (state.kind == ConnectionState::Live)
                                 m_live.insert(env);
                         });
        QObject::connect(recorder.get(), &HistoryRecorder::written,
                         [this](int, int rows) { m_rowsWritten += rows; });
    }

    // Starts recording and watching; true once all three environments are live.
    bool start()
    {
        QSignalSpy opened(recorder.get(), &HistoryRecorder::opened);
        recorder->start();
        if (!opened.wait(5000) || !opened.at(0).at(0).toString().isEmpty())
            return false;
        fetcher->start();
        return QTest::qWaitFor([this] { return m_live.size() == 3; }, 10000);
    }

    // Plays the fleet for `seconds` of virtual time in steps of `chunk` seconds, giving the
    // watches time to deliver after each, so a change is stamped within `chunk` seconds.
    void play(int seconds, int chunk = 2)
    {
        for (int played = 0; played < seconds; played += chunk) {
            m_sim.step(chunk);
            QTest::qWait(100); // two batch intervals: the change is stamped in this step
        }
        QTest::qWait(150);
        QVERIFY(recorder->flushNow());
    }

    qint64 rowsWritten() const { return m_rowsWritten; }

    std::unique_ptr<HistoryRecorder> recorder;
    std::unique_ptr<FleetFetcher> fetcher;

private:
    DemoSim &m_sim;
    QSet<QString> m_live;
    qint64 m_rowsWritten = 0;
};
