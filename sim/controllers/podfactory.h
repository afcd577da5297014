// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

#include <random>

namespace rdsim {

// Builds the Pods a ReplicaSet owns and moves them through the kubelet's states: created
// Pending (scheduled, containers being created), then Running and Ready once the simulated
// start delay has passed. The shapes follow what a real kubelet reports, so kubectl and the
// client see familiar objects.
class PodFactory
{
public:
    static constexpr qint64 kStartDelayMs = 5000;

    // A new Pending pod for `rs`, named "<rs>-<suffix>".
    QJsonObject newPod(const QJsonObject &rs, const QString &suffix, const QString &nowRfc3339);
    // The pod moved to Running/Ready at `nowRfc3339`; Running but never Ready when it has the
    // annotation rd-sim.dev/never-ready: "true" (from its template).
    QJsonObject started(const QJsonObject &pod, const QString &nowRfc3339);

    // Five characters as the API server's generateName appends them ("x7k2p").
    static QString nameSuffix(std::mt19937 &random);

    static bool isReady(const QJsonObject &pod);
    // When the Ready condition turned True (epoch ms), -1 when not ready.
    static qint64 readySinceMs(const QJsonObject &pod);
    static QString qosClass(const QJsonObject &podSpec);

private:
    QString nextPodIp();
    int m_ipCounter = 0;
};

} // namespace rdsim
