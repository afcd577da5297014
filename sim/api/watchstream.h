// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/apiserver.h"

namespace rdsim {

struct ApiCall;
struct ServerSettings;
struct ListOptions;
struct OutputFormat;

// A watch response: a chunked application/json stream of {"type":...,"object":...} lines fed
// from ObjectStore::waitForEvents. Initial ADDED events for resourceVersion "" or "0",
// selectors (with objects moving in and out of a selector seen as ADDED and DELETED),
// BOOKMARKs after a quiet interval (2 s by default) and before a timeout, Table objects when asked
// for, and a single ERROR event (410) for a resourceVersion older than the retained history.
class WatchStream
{
public:
    static constexpr int kDefaultTimeoutSeconds = 1800;

    static void start(ApiCall &call, const OutputFormat &format, const ListOptions &options,
                      const ApiServer::Context &context, const ServerSettings *settings);
};

} // namespace rdsim
