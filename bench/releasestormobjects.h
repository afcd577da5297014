// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace rdsim {
class ObjectStore;
struct ResourceType;
} // namespace rdsim

// ReleaseStorm's writes (releasestorm.h): the objects of a release and the stages of its
// Rollout's status.
namespace stormobjects {

extern const QString kMetadata;
extern const QString kSpec;
extern const QString kStatus;
extern const QString kRevision;

const rdsim::ResourceType &rolloutType();
const rdsim::ResourceType &replicaSetType();
const rdsim::ResourceType &runType();

QString hashFor(const QString &name, qint64 revision);
QString imageFor(const QString &app, qint64 revision);
QString runName(const QString &app, const QString &hash);
// Writes a whole object as the controllers do (no resourceVersion: no conflict check).
bool put(rdsim::ObjectStore *store, const rdsim::ResourceType &type, QJsonObject object);
// The pod template with the first container's image and, when given, the hash label.
QJsonObject withContainerImage(QJsonObject templ, const QString &image, const QString &hash);
// The new revision's ReplicaSet, made from the stable one (same owner, labels, template).
QJsonObject newReplicaSet(QJsonObject stable, const QString &app, const QString &hash,
                          qint64 revision);
bool scaleReplicaSet(rdsim::ObjectStore *store, const QString &ns, const QString &name,
                     int replicas);
// A background AnalysisRun of one metric, Running with its first measurement.
QJsonObject analysisRun(const QString &ns, const QString &app, const QString &hash, qint64 revision,
                        const QString &rolloutUid);
// One more measurement; the last ends the run Successful.
bool measure(rdsim::ObjectStore *store, const QString &ns, const QString &name, bool last);
bool event(rdsim::ObjectStore *store, const QJsonObject &rollout, const QString &reason,
           const QString &message, quint64 sequence);
// The Rollout's status at a canary stage: step index, the canary weight (-1: none, the
// release promoted), and a pause condition at the two pause steps.
void setStage(QJsonObject &status, int step, int weight, bool paused, const QString &phase);

} // namespace stormobjects
