// SPDX-License-Identifier: GPL-3.0-or-later
#include "podtermination.h"

#include "core/virtualclock.h"

#include <QJsonDocument>

#include <algorithm>

#include <httplib.h>

namespace rdsim::PodTermination {

qint64 gracePeriodSeconds(const httplib::Request &request, const QJsonObject &pod)
{
    qint64 grace = pod.value(QLatin1String("spec"))
                       .toObject()
                       .value(QLatin1String("terminationGracePeriodSeconds"))
                       .toInteger(30);
    const QJsonObject options
        = QJsonDocument::fromJson(QByteArray::fromStdString(request.body)).object();
    if (options.value(QLatin1String("gracePeriodSeconds")).isDouble())
        grace = options.value(QLatin1String("gracePeriodSeconds")).toInteger();
    if (request.has_param("gracePeriodSeconds")) {
        bool ok = false;
        const qint64 given
            = QString::fromStdString(request.get_param_value("gracePeriodSeconds")).toLongLong(&ok);
        if (ok)
            grace = given;
    }
    return std::clamp<qint64>(grace, 0, kMaxGracePeriodSeconds);
}

QJsonObject terminating(const QJsonObject &pod, qint64 nowMs, qint64 graceSeconds)
{
    QJsonObject metadata = pod.value(QLatin1String("metadata")).toObject();
    metadata.insert(QStringLiteral("deletionTimestamp"),
                    VirtualClock::toRfc3339(nowMs + graceSeconds * 1000));
    metadata.insert(QStringLiteral("deletionGracePeriodSeconds"), graceSeconds);
    QJsonObject out = pod;
    out.insert(QStringLiteral("metadata"), metadata);
    return out;
}

} // namespace rdsim::PodTermination
