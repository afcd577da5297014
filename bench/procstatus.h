// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

// The number after "Field:" in /proc/self/status ("VmRSS:   123456 kB", "Threads:  12"),
// -1 when absent. Benchmarks measure memory and threads with it.
qint64 procStatusField(const char *field);

// glibc's malloc over all its arenas (mallinfo2): the bytes handed out and not yet freed
// (live objects), and the bytes it holds from the system for them. What it holds beyond
// what is in use is free memory kept in the arenas; resident memory counts the part of it
// that was ever touched.
struct HeapUsage
{
    qint64 inUse = 0;
    qint64 held = 0;
};
HeapUsage heapUsage();
