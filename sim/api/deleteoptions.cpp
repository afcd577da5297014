// SPDX-License-Identifier: GPL-3.0-or-later
#include "deleteoptions.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <httplib.h>

namespace rdsim::DeleteOptions {

std::optional<qint64> gracePeriodSeconds(const httplib::Request &request)
{
    if (request.has_param("gracePeriodSeconds")) {
        bool ok = false;
        const qint64 given
            = QString::fromStdString(request.get_param_value("gracePeriodSeconds")).toLongLong(&ok);
        if (ok)
            return given;
    }
    const QJsonValue fromBody = QJsonDocument::fromJson(QByteArray::fromStdString(request.body))
                                    .object()
                                    .value(QLatin1String("gracePeriodSeconds"));
    if (fromBody.isDouble())
        return fromBody.toInteger();
    return std::nullopt;
}

} // namespace rdsim::DeleteOptions
