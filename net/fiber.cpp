// SPDX-License-Identifier: GPL-3.0-or-later
#include "fiber.h"

#include <QtGlobal>

#include <sys/mman.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define RD_FIBER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RD_FIBER_ASAN 1
#endif
#endif

#ifdef RD_FIBER_ASAN
#include <sanitizer/common_interface_defs.h>
#endif

namespace {
thread_local Fiber *t_current = nullptr;

std::size_t pageBytes()
{
    static const std::size_t bytes = std::size_t(sysconf(_SC_PAGESIZE));
    return bytes;
}
} // namespace

Fiber::Fiber(std::function<void()> body) : m_body(std::move(body))
{
    const std::size_t guard = pageBytes();
    m_mapBytes = StackBytes + guard;
    // MAP_NORESERVE: only the pages a fiber touches count, so hundreds of informers cost
    // their used stack, not 512 KiB each.
    void *map = mmap(nullptr, m_mapBytes, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK | MAP_NORESERVE, -1, 0);
    if (map == MAP_FAILED)
        return;
    if (mprotect(map, guard, PROT_NONE) != 0) {
        munmap(map, m_mapBytes);
        return;
    }
    m_map = map;
    m_stack = static_cast<char *>(map) + guard;
    getcontext(&m_context);
    m_context.uc_stack.ss_sp = m_stack;
    m_context.uc_stack.ss_size = StackBytes;
    m_context.uc_link = nullptr; // entry() switches back itself
    makecontext(&m_context, &Fiber::entry, 0);
}

Fiber::~Fiber()
{
    Q_ASSERT(!m_started || m_finished);
    if (m_map)
        munmap(m_map, m_mapBytes);
}

Fiber *Fiber::current()
{
    return t_current;
}

void Fiber::resume()
{
    Q_ASSERT(isValid() && !m_finished && t_current == nullptr);
    m_started = true;
    t_current = this;
#ifdef RD_FIBER_ASAN
    void *fakeStack = nullptr;
    __sanitizer_start_switch_fiber(&fakeStack, m_stack, StackBytes);
#endif
    swapcontext(&m_caller, &m_context);
#ifdef RD_FIBER_ASAN
    __sanitizer_finish_switch_fiber(fakeStack, nullptr, nullptr);
#endif
    t_current = nullptr;
}

void Fiber::yield()
{
    Q_ASSERT(t_current == this);
#ifdef RD_FIBER_ASAN
    __sanitizer_start_switch_fiber(&m_fakeStack, m_callerBottom, m_callerBytes);
#endif
    swapcontext(&m_context, &m_caller);
#ifdef RD_FIBER_ASAN
    __sanitizer_finish_switch_fiber(m_fakeStack, &m_callerBottom, &m_callerBytes);
#endif
}

void Fiber::entry()
{
    Fiber *self = t_current;
#ifdef RD_FIBER_ASAN
    __sanitizer_finish_switch_fiber(nullptr, &self->m_callerBottom, &self->m_callerBytes);
#endif
    self->m_body();
    self->m_body = nullptr; // what it captured goes now, on the fiber's own stack
    self->m_finished = true;
    self->switchToCaller();
}

void Fiber::switchToCaller()
{
#ifdef RD_FIBER_ASAN
    // Null: this stack is done, its fake frames can go.
    __sanitizer_start_switch_fiber(nullptr, m_callerBottom, m_callerBytes);
#endif
    swapcontext(&m_context, &m_caller);
    Q_UNREACHABLE();
}
