// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <memory>

// A shared cancel flag. Copies share the flag: keep one copy, hand another to a request
// running on a worker thread, and cancel() from any thread. libcurl checks it in its
// progress callback (about once a second even on an idle stream, and on every chunk), so a
// watch ends promptly.
class CancelToken
{
public:
    CancelToken() : m_flag(std::make_shared<std::atomic<bool>>(false)) { }

    void cancel() const { m_flag->store(true); }
    bool isCancelled() const { return m_flag->load(); }

    // Waits up to `ms`, in short slices so a cancel ends the wait. False when cancelled.
    bool sleepFor(int ms) const;

private:
    std::shared_ptr<std::atomic<bool>> m_flag;
};
