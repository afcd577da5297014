// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysistypes.h"

#include <QJsonObject>

#include <optional>

namespace rdsim {

class ObjectStore;

// The `job` metric provider of Argo Rollouts (metricproviders/job): a measurement creates a
// batch/v1 Job from the metric's template, owned by the AnalysisRun and named
// "<run uid>.<metric>.<n>" (n = measurements taken + errors + 1, the metric name shortened
// to keep 63 characters), and stays Running until the Job has the Complete (Successful) or
// Failed (Failed) condition. The Job controller runs its pods (JobController, JobPods).
namespace AnalysisJob {

// Provider.Run: the Job is created (or found, when this run made it before) and the
// measurement is Running with the job's name and namespace in its metadata.
AnalysisMeasurement start(ObjectStore &store, const QJsonObject &run,
                          const AnalysisMetricSpec &metric, const AnalysisMetricResult *result,
                          const QString &now);
// Provider.Resume: the finished measurement once the Job finished; the same Running one with
// a later resumeAt while it runs; nullopt when resumeAt is still ahead (nothing to write).
std::optional<AnalysisMeasurement> resume(const ObjectStore &store, const QJsonObject &run,
                                          const AnalysisMeasurement &running, qint64 nowMs);
// Provider.Terminate: the Job is deleted and the measurement Inconclusive.
AnalysisMeasurement terminate(ObjectStore &store, const QJsonObject &run,
                              const AnalysisMeasurement &running, const QString &now);

QString jobName(const QString &runUid, const QString &metricName, int id);

} // namespace AnalysisJob

} // namespace rdsim
