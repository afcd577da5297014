// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace rdsim {

// How a Job's pod runs in the simulator, decided by its pod template's annotations so a
// scenario chooses every outcome (docs/rd-sim.md, "Jobs"):
//   rd-sim.dev/exit-code    the containers' exit code once they have run (default 0;
//                           non-zero: the pod fails)
//   rd-sim.dev/run-seconds  how long the containers run after they started (default 10)
namespace JobPods {

inline constexpr qint64 kDefaultRunMs = 10000;
inline constexpr qint64 kMaxRunSeconds = 86400;

struct Outcome
{
    int exitCode = 0;
    qint64 runMs = kDefaultRunMs;
    QString message; // why the annotations were refused, empty when they were fine
};
Outcome outcome(const QJsonObject &pod);

bool isFinished(const QJsonObject &pod); // phase Succeeded or Failed
bool isRunning(const QJsonObject &pod);
// The pod with every container terminated with `exitCode` at `now`: phase Succeeded or
// Failed, not ready (reason PodCompleted), as a kubelet reports a finished run.
QJsonObject terminated(const QJsonObject &pod, const Outcome &outcome, const QString &now);
// When the pod's containers terminated (epoch ms), -1 when they have not.
qint64 finishedMs(const QJsonObject &pod);

} // namespace JobPods

} // namespace rdsim
