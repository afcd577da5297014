// SPDX-License-Identifier: GPL-3.0-or-later
// The row menu's links of an environment (`links:` in the config), filled in per workload.
#include "environmentspec.h"
#include "linkvariables.h"

// The workload's own variables only; LinkVariables::forRollout() knows a rollout's release.
QString EnvironmentLink::expanded(const QString &environment, const QString &context,
                                  const QString &namespaceName, const QString &workload) const
{
    return LinkVariables::forWorkload(environment, context, namespaceName, workload, QString())
        .expand(url)
        .url.toString(QUrl::FullyEncoded);
}
