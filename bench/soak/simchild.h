// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// The soak's simulator side: one rd-sim cluster in a process of its own (the soak binary
// started with --serve-sim), so the parent can kill it and start it again on the same port,
// and so its memory is not counted as the dashboard's. It is driven by one-line commands on
// stdin (see simchild.cpp) and reports on stdout.
struct SimChildOptions
{
    QString cluster; // cluster and context name
    int port = 0;
    int rollouts = 20; // Rollouts per namespace pair (half in each of two namespaces)
};

int runSimChild(const SimChildOptions &options);
