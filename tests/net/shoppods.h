// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The pods of namespace "shop" that the KubeClient tests list from the simulator, and the
// fault rules that hit them.
#include "api/faultinjector.h"
#include "kubeclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace ShopPods {

inline QString path(const QString &name = QString())
{
    return KubePath::resource(QString(), QStringLiteral("v1"), QStringLiteral("pods"),
                              QStringLiteral("shop"), name);
}

// metadata.name of each item of a List page.
inline QStringList itemNames(const QByteArray &page)
{
    QStringList names;
    const QJsonArray items
        = QJsonDocument::fromJson(page).object().value(QStringLiteral("items")).toArray();
    for (const QJsonValue &item : items)
        names << item.toObject()
                     .value(QStringLiteral("metadata"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString();
    return names;
}

inline rdsim::FaultRule fault(rdsim::FaultRule::Kind kind)
{
    rdsim::FaultRule rule;
    rule.kind = kind;
    rule.path = QRegularExpression(QStringLiteral("^/api/v1/namespaces/shop/pods"));
    return rule;
}

} // namespace ShopPods
