// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// How long the GUI thread's event loop is kept from running: a 1 ms precise timer on this
// thread, and the gaps between its ticks while the loop runs for a while. A tick that comes
// 16 ms after the one before means a frame could not have been painted in between.
struct StallMeter
{
    struct Result
    {
        double maxGapMs = 0;
        double medianGapMs = 0;
        double p99GapMs = 0;
        int ticks = 0;
    };
    // Runs the event loop for durationMs and measures.
    static Result measure(int durationMs);
};
