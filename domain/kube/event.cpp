// SPDX-License-Identifier: GPL-3.0-or-later
#include "event.h"

QDateTime Event::lastSeen() const
{
    if (lastTimestamp.isValid())
        return lastTimestamp;
    if (eventTime.isValid())
        return eventTime;
    return metadata.creationTimestamp;
}

bool Event::operator==(const Event &o) const
{
    return metadata == o.metadata && involvedObject == o.involvedObject && reason == o.reason
        && message == o.message && type == o.type && count == o.count
        && firstTimestamp == o.firstTimestamp && lastTimestamp == o.lastTimestamp
        && eventTime == o.eventTime && sourceComponent == o.sourceComponent
        && sourceHost == o.sourceHost && reportingController == o.reportingController;
}
