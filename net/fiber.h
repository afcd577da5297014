// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <functional>

#include <ucontext.h>

// A cooperative fiber: a function on a stack of its own, run on the thread that resumes it
// until it yields or returns. FiberScheduler runs an environment's informers as fibers on
// one thread, so the informers' sequential list-then-watch code stays as readable as it was
// on a thread each while the thread count no longer grows with kinds and namespaces.
//
// The stack is mapped with a guard page below it: an overflow faults at once instead of
// corrupting the heap. Under AddressSanitizer every switch is announced to it, so its stack
// tracking follows the fiber.
class Fiber
{
public:
    static constexpr std::size_t StackBytes = 512 * 1024;

    explicit Fiber(std::function<void()> body);
    ~Fiber(); // only for a fiber that finished or never started
    Fiber(const Fiber &) = delete;
    Fiber &operator=(const Fiber &) = delete;

    // False when no stack could be mapped (address space exhausted); then never resume it.
    bool isValid() const { return m_map != nullptr; }
    bool isFinished() const { return m_finished; }

    // On the thread's own stack: runs the fiber until it yields or finishes.
    void resume();
    // Inside the fiber: back to where resume() was called.
    void yield();

    // The fiber running on this thread, or null on the thread's own stack.
    static Fiber *current();

private:
    static void entry();
    void switchToCaller();

    std::function<void()> m_body;
    ucontext_t m_context {};
    ucontext_t m_caller {};
    void *m_map = nullptr;
    std::size_t m_mapBytes = 0;
    void *m_stack = nullptr;
    bool m_started = false;
    bool m_finished = false;
    // AddressSanitizer bookkeeping: the fiber's fake stack while suspended, and the bounds
    // of the stack that resumed it.
    void *m_fakeStack = nullptr;
    const void *m_callerBottom = nullptr;
    std::size_t m_callerBytes = 0;
};
