// SPDX-License-Identifier: GPL-3.0-or-later
#include "workloadorigin.h"

#include <QRegularExpression>

WorkloadOrigin WorkloadOrigin::of(const ObjectMeta &metadata)
{
    WorkloadOrigin origin;
    const QString managedBy = metadata.labels.value(u"app.kubernetes.io/managed-by");
    const QString chartLabel = metadata.labels.value(u"helm.sh/chart");
    const QString release = metadata.annotations.value(u"meta.helm.sh/release-name");
    if (!chartLabel.isEmpty() || !release.isEmpty()
        || managedBy.compare(QLatin1String("Helm"), Qt::CaseInsensitive) == 0) {
        origin.tool = Tool::Helm;
        origin.release = release;
        // "<name>-<version>": the version is a SemVer after the last '-' that starts one, so
        // a chart named "my-app" with version "1.2.3-rc.1" splits as my-app / 1.2.3-rc.1.
        static const QRegularExpression split(
            QStringLiteral("^(.+?)-(v?\\d+\\.\\d+\\.\\d+(?:[-+][0-9A-Za-z.+-]*)?)$"));
        const QRegularExpressionMatch match = split.match(chartLabel);
        if (match.hasMatch()) {
            origin.chart = match.captured(1);
            origin.chartVersion = match.captured(2);
        } else {
            origin.chart = chartLabel;
        }
        return origin;
    }
    if (managedBy.compare(QLatin1String("kustomize"), Qt::CaseInsensitive) == 0
        || metadata.annotations.contains(u"config.kubernetes.io/origin"))
        origin.tool = Tool::Kustomize;
    return origin;
}
