// SPDX-License-Identifier: GPL-3.0-or-later
// Starting a Flagger canary mid-release, as a scenario asks with the rd-sim.dev/previous-image
// annotation on the target Deployment (as for Rollouts): the first tick puts the previous
// image into the target's containers before any ReplicaSet exists, so the primary is made from
// it; once the Canary is Initialized the spec's images come back, which Flagger sees as a new
// revision at its next tick.
#include "rolloutkeys.h"
#include "simflaggercontroller.h"

#include "jsonutil.h"
#include "kinds.h"
#include "simflaggerphases.h"

#include "core/objectstore.h"

#include <QJsonDocument>

namespace rdsim {

namespace {

// Where the images of the release wait meanwhile (a JSON array, one per container).
const QString kReleaseImages = QStringLiteral("rd-sim.dev/release-images");

} // namespace

void FlaggerController::startWithPreviousImage(Run &run)
{
    const QString previous = JsonUtil::annotation(run.target, RolloutKeys::previousImage).left(512);
    if (previous.isEmpty() || !run.phase().isEmpty())
        return;
    QJsonArray containers = JsonUtil::arrayAt(run.target, "spec.template.spec.containers");
    QJsonArray releaseImages;
    for (qsizetype i = 0; i < containers.size(); ++i) {
        QJsonObject container = containers.at(i).toObject();
        releaseImages.append(container.value(QLatin1String("image")));
        container.insert(QStringLiteral("image"), previous);
        containers.replace(i, container);
    }
    JsonUtil::setAt(run.target, "spec.template.spec.containers", containers);
    JsonUtil::removeAnnotation(run.target, RolloutKeys::previousImage);
    JsonUtil::setAnnotation(run.target, kReleaseImages,
                            QString::fromUtf8(JsonUtil::compact(releaseImages)));
    const StoreResult result = m_store.update(Kinds::deployments(), run.target, WriteScope::Spec);
    if (result.ok()) {
        run.target = result.object;
        run.checksum = FlaggerPhases::templateChecksum(run.target);
    }
}

void FlaggerController::releaseAfterInitialization(Run &run)
{
    if (!JsonUtil::hasAnnotation(run.target, kReleaseImages))
        return;
    const QJsonArray images
        = QJsonDocument::fromJson(JsonUtil::annotation(run.target, kReleaseImages).toUtf8())
              .array();
    QJsonArray containers = JsonUtil::arrayAt(run.target, "spec.template.spec.containers");
    for (qsizetype i = 0; i < containers.size() && i < images.size(); ++i) {
        QJsonObject container = containers.at(i).toObject();
        container.insert(QStringLiteral("image"), images.at(i).toString());
        containers.replace(i, container);
    }
    JsonUtil::setAt(run.target, "spec.template.spec.containers", containers);
    JsonUtil::removeAnnotation(run.target, kReleaseImages);
    const StoreResult result = m_store.update(Kinds::deployments(), run.target, WriteScope::Spec);
    if (result.ok())
        run.target = result.object;
}

} // namespace rdsim
