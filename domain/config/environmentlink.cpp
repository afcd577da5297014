// SPDX-License-Identifier: GPL-3.0-or-later
// The row menu's links of an environment (`links:` in the config), filled in per workload.
#include "environmentspec.h"

#include <QUrl>

QString EnvironmentLink::expanded(const QString &environment, const QString &context,
                                  const QString &namespaceName, const QString &workload) const
{
    const auto encoded
        = [](const QString &value) { return QString::fromLatin1(QUrl::toPercentEncoding(value)); };
    QString result = url;
    result.replace(QLatin1String("{environment}"), encoded(environment));
    result.replace(QLatin1String("{context}"), encoded(context));
    result.replace(QLatin1String("{namespace}"), encoded(namespaceName));
    result.replace(QLatin1String("{name}"), encoded(workload));
    return result;
}
