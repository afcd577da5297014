// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

// The computed cells of the batch/v1 Job table (@jobStatus, @jobCompletions, @jobDuration),
// worded as kube-apiserver's printer words them for kubectl.
namespace rdsim::JobTableCells {

QString status(const QJsonObject &job);
QString completions(const QJsonObject &job);
QString duration(const QJsonObject &job, qint64 nowMs);

} // namespace rdsim::JobTableCells
