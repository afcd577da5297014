// SPDX-License-Identifier: GPL-3.0-or-later
#include "argocd/argocdconfig.h"

namespace rdsim {

const ArgoCdRepo *ArgoCdConfig::repo(const QString &url) const
{
    for (const ArgoCdRepo &candidate : repos) {
        if (candidate.url == url)
            return &candidate;
    }
    return nullptr;
}

} // namespace rdsim
