// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "argocd/argocdconfig.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace rdsim {

// The namespace Argo CD runs in, where its Application objects live.
inline const QString kControllerNamespace = QStringLiteral("argocd");

class ObjectStore;
struct ResourceType;

// Reading and changing the live objects an application manages.
class ArgoCdLive
{
public:
    static const ResourceType *typeOf(const QString &kind);
    static std::optional<QJsonObject> get(const ObjectStore &store, const ArgoCdResourceRef &ref);
    static bool isWorkload(const QString &kind);
    // spec.template.spec containers' (and init containers') images, in order.
    static QStringList images(const QJsonObject &object);
    // The image repository: "ghcr.io/acme/checkout" of "ghcr.io/acme/checkout:1.4.2".
    static QString repository(const QString &image);
    // `object` with each container whose image has the repository of one of `images` set to
    // it, as kustomize's `images` or a chart's values would render the workload.
    static QJsonObject withImages(const QJsonObject &object, const QStringList &images);
    // The object as Git holds it: no status, no server-set metadata.
    static QJsonObject desiredState(const QJsonObject &live, const QStringList &images);
    // Argo CD 3.x's default tracking: the argocd.argoproj.io/tracking-id annotation.
    static QString trackingId(const QString &app, const ArgoCdResourceRef &ref);
    // The objects `owner` owns directly (ownerReferences by uid), of the given kind.
    static QList<QJsonObject> ownedBy(const ObjectStore &store, const QJsonObject &owner,
                                      const QString &kind);
    static QString field(const QJsonObject &object, const char *section, const char *key);
};

} // namespace rdsim
