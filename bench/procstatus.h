// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

// The number after "Field:" in /proc/self/status ("VmRSS:   123456 kB", "Threads:  12"),
// -1 when absent. Benchmarks measure memory and threads with it.
qint64 procStatusField(const char *field);
