// SPDX-License-Identifier: GPL-3.0-or-later
#include "canceltoken.h"

#include "fiberscheduler.h"

#include <algorithm>
#include <chrono>
#include <thread>

bool CancelToken::sleepFor(int ms) const
{
    // A fiber parks instead: the thread goes on running the other fibers.
    if (FiberScheduler *scheduler = FiberScheduler::current())
        return scheduler->sleepFor(ms, *this);
    using namespace std::chrono;
    const auto deadline = steady_clock::now() + milliseconds(ms);
    while (!isCancelled()) {
        const auto left = duration_cast<milliseconds>(deadline - steady_clock::now());
        if (left.count() <= 0)
            return true;
        std::this_thread::sleep_for(std::min(left, milliseconds(20)));
    }
    return false;
}
