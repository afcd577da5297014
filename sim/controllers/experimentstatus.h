// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace rdsim {

// The rules by which an Experiment's status moves (Argo's experiments/experiment.go and
// utils/experiment): when it is terminating, when its duration has passed, how each template's
// status follows its ReplicaSet, and how the templates' and analyses' outcomes make the
// experiment's phase and message.
namespace ExperimentStatus {

inline constexpr int kDefaultProgressDeadlineSeconds = 600;

bool isCompleted(const QString &phase); // Successful, Failed, Error, Inconclusive
bool hasFinished(const QJsonObject &experiment);
// spec.terminate, finished, a Failed/Error template or a Failed/Error/Inconclusive analysis.
bool isTerminating(const QJsonObject &experiment);
// When spec.duration runs out (epoch ms) counted from status.availableAt; -1 without either.
qint64 durationEndMs(const QJsonObject &experiment);
QJsonObject findByName(const QJsonObject &status, const char *list, const QString &name);

// The template's status after its ReplicaSet was observed (`templateStatus` carries the
// counts and lastTransitionTime already): Running once every desired pod is available
// (Successful when the duration passed or the experiment terminates), Progressing until then,
// Failed past the progress deadline. Completed statuses never change.
void assessTemplate(const QJsonObject &experiment, QJsonObject &templateStatus, int desired,
                    bool terminating, qint64 nowMs);
// calculateStatus: status.phase, message and availableAt from the template and analysis
// statuses already in `status`.
void calculate(const QJsonObject &experiment, QJsonObject &status, const QString &now);

} // namespace ExperimentStatus

} // namespace rdsim
