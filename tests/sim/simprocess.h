// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

// Starts the built rd-sim executable on a scenario, writing its kubeconfig to kubeconfigOut,
// and reads its standard output until the "ready" banner (20 s at most per read). Returns the
// banner read so far; the caller checks it contains "ready" (and whatever else it expects).
inline QString startSimProcess(QProcess &sim, const QString &scenario, const QString &kubeconfigOut)
{
    sim.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    sim.start(QStringLiteral(RD_SIM_EXE),
              {QStringLiteral("--scenario"), scenario, QStringLiteral("--kubeconfig-out"),
               kubeconfigOut});
    QString banner;
    if (!sim.waitForStarted())
        return banner;
    while (!banner.contains(QStringLiteral("ready")) && sim.waitForReadyRead(20000))
        banner += QString::fromUtf8(sim.readAllStandardOutput());
    return banner;
}
