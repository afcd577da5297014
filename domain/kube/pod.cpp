// SPDX-License-Identifier: GPL-3.0-or-later
#include "pod.h"

bool Pod::operator==(const Pod &o) const
{
    return metadata == o.metadata && nodeName == o.nodeName && spec == o.spec && phase == o.phase
        && reason == o.reason && message == o.message && conditions == o.conditions
        && initContainerStatuses == o.initContainerStatuses
        && containerStatuses == o.containerStatuses && hostIP == o.hostIP && podIP == o.podIP
        && startTime == o.startTime;
}
