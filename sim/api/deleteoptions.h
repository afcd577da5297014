// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <optional>

namespace httplib {
struct Request;
}

namespace rdsim::DeleteOptions {

// The grace period a DELETE asks for: ?gracePeriodSeconds= (kubectl's --grace-period), else
// the body's DeleteOptions.gracePeriodSeconds; nullopt when it asks for none (the pod's own
// applies, PodTermination). Not bounded here: PodTermination bounds whatever it is given.
std::optional<qint64> gracePeriodSeconds(const httplib::Request &request);

} // namespace rdsim::DeleteOptions
