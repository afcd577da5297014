// SPDX-License-Identifier: GPL-3.0-or-later
#include "fiberscheduler.h"

#include "fiber.h"
#include "httpclient.h"

#include <QSocketNotifier>
#include <QThreadPool>
#include <QTimer>

#include <algorithm>
#include <chrono>

namespace {
thread_local FiberScheduler *t_scheduler = nullptr;

// Exec credential plugins: rare, but one may hang for its whole timeout, so they get their
// own few threads instead of the global pool the rest of the app uses.
QThreadPool &blockingPool()
{
    static QThreadPool pool;
    static const bool configured = [] {
        pool.setMaxThreadCount(4);
        pool.setObjectName(QStringLiteral("fiber blocking pool"));
        return true;
    }();
    Q_UNUSED(configured);
    return pool;
}

using Clock = std::chrono::steady_clock;
} // namespace

// What a parked fiber waits for. Lives on the fiber's stack for as long as it is parked.
struct FiberScheduler::Wait
{
    enum class Kind { Transfer, Sleep, Blocking };
    explicit Wait(Kind k) : kind(k) { }
    Kind kind;
    Fiber *fiber = Fiber::current();
    const CancelToken *cancel = nullptr;
    CURL *easy = nullptr; // Transfer
    CURLcode result = CURLE_OK; // Transfer
    Clock::time_point deadline; // Sleep
    bool cancelled = false; // Sleep
};

FiberScheduler::FiberScheduler(QObject *parent) :
    QObject(parent), m_curlTimer(new QTimer(this)), m_pollTimer(new QTimer(this))
{
    HttpClient::globalInit();
    m_multi = curl_multi_init();
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETFUNCTION, &FiberScheduler::onSocket);
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERFUNCTION, &FiberScheduler::onCurlTimer);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERDATA, this);
    m_curlTimer->setSingleShot(true);
    connect(m_curlTimer, &QTimer::timeout, this, &FiberScheduler::curlTimeout);
    m_pollTimer->setSingleShot(true);
    connect(m_pollTimer, &QTimer::timeout, this, &FiberScheduler::poll);
}

FiberScheduler::~FiberScheduler()
{
    if (!m_fibers.isEmpty()) {
        // A fiber that never came back holds pointers into its stack: keep its stack (a
        // leak) rather than free memory something may still use.
        qWarning("FiberScheduler destroyed with %lld fibers still parked",
                 qlonglong(m_fibers.size()));
        for (Wait *wait : std::as_const(m_waits)) {
            if (wait->kind == Wait::Kind::Transfer)
                curl_multi_remove_handle(m_multi, wait->easy);
        }
    }
    curl_multi_cleanup(m_multi);
}

FiberScheduler *FiberScheduler::current()
{
    return t_scheduler;
}

bool FiberScheduler::spawn(std::function<void()> body)
{
    auto *fiber = new Fiber(std::move(body));
    if (!fiber->isValid()) {
        delete fiber;
        return false;
    }
    m_fibers.append(fiber);
    QMetaObject::invokeMethod(
        this, [this, fiber] { run(fiber); }, Qt::QueuedConnection);
    return true;
}

void FiberScheduler::run(Fiber *fiber)
{
    Q_ASSERT(t_scheduler == nullptr); // never from inside a fiber
    t_scheduler = this;
    fiber->resume();
    t_scheduler = nullptr;
    if (fiber->isFinished()) {
        m_fibers.removeOne(fiber);
        delete fiber;
        if (m_fibers.isEmpty())
            emit idle();
    }
}

CURLcode FiberScheduler::perform(CURL *easy, const CancelToken &cancel)
{
    if (cancel.isCancelled())
        return CURLE_ABORTED_BY_CALLBACK;
    if (curl_multi_add_handle(m_multi, easy) != CURLM_OK)
        return CURLE_FAILED_INIT;
    Wait wait(Wait::Kind::Transfer);
    wait.cancel = &cancel;
    wait.easy = easy;
    park(&wait);
    return wait.result;
}

bool FiberScheduler::sleepFor(int ms, const CancelToken &cancel)
{
    if (cancel.isCancelled())
        return false;
    if (ms <= 0)
        return true;
    Wait wait(Wait::Kind::Sleep);
    wait.cancel = &cancel;
    wait.deadline = Clock::now() + std::chrono::milliseconds(ms);
    park(&wait);
    return !wait.cancelled;
}

void FiberScheduler::runBlocking(const std::function<void()> &work)
{
    FiberScheduler *scheduler = current();
    if (!scheduler) {
        work();
        return;
    }
    Wait wait(Wait::Kind::Blocking);
    Wait *parked = &wait;
    blockingPool().start([scheduler, parked, &work] {
        work();
        // The fiber (and so `parked`) lives until it is woken here, on its thread.
        QMetaObject::invokeMethod(
            scheduler, [scheduler, parked] { scheduler->wake(parked); }, Qt::QueuedConnection);
    });
    scheduler->park(parked);
}

void FiberScheduler::park(Wait *wait)
{
    Q_ASSERT(wait->fiber && t_scheduler == this);
    m_waits.append(wait);
    schedulePoll();
    wait->fiber->yield();
}

void FiberScheduler::wake(Wait *wait)
{
    m_waits.removeOne(wait);
    run(wait->fiber); // `wait` is gone once the fiber runs on
}

void FiberScheduler::schedulePoll()
{
    // Cancels are polled; sleeps end at their deadline. Restarting a running timer for a
    // later time would let a steady stream of wake-ups postpone the poll for ever.
    int interval = -1;
    const Clock::time_point now = Clock::now();
    for (const Wait *wait : std::as_const(m_waits)) {
        if (wait->kind == Wait::Kind::Blocking)
            continue;
        int ms = PollIntervalMs;
        if (wait->kind == Wait::Kind::Sleep) {
            const auto left
                = std::chrono::duration_cast<std::chrono::milliseconds>(wait->deadline - now);
            ms = int(std::clamp<qint64>(left.count(), 0, PollIntervalMs));
        }
        interval = interval < 0 ? ms : qMin(interval, ms);
    }
    if (interval < 0)
        return; // nothing to poll; a timer already running just finds nothing
    if (!m_pollTimer->isActive() || m_pollTimer->remainingTime() > interval)
        m_pollTimer->start(interval);
}

void FiberScheduler::poll()
{
    const Clock::time_point now = Clock::now();
    QList<Wait *> due;
    for (Wait *wait : std::as_const(m_waits)) {
        const bool cancelled = wait->cancel && wait->cancel->isCancelled();
        if (wait->kind == Wait::Kind::Transfer && cancelled) {
            curl_multi_remove_handle(m_multi, wait->easy);
            wait->result = CURLE_ABORTED_BY_CALLBACK;
            due.append(wait);
        } else if (wait->kind == Wait::Kind::Sleep && (cancelled || now >= wait->deadline)) {
            wait->cancelled = cancelled;
            due.append(wait);
        }
    }
    for (Wait *wait : std::as_const(due))
        wake(wait);
    schedulePoll();
}

int FiberScheduler::onSocket(CURL *, curl_socket_t socket, int what, void *self, void *)
{
    static_cast<FiberScheduler *>(self)->watchSocket(socket, what);
    return 0;
}

int FiberScheduler::onCurlTimer(CURLM *, long timeoutMs, void *self)
{
    QTimer *timer = static_cast<FiberScheduler *>(self)->m_curlTimer;
    if (timeoutMs < 0)
        timer->stop();
    else
        timer->start(int(qMin<long>(timeoutMs, 24L * 3600 * 1000)));
    return 0;
}

void FiberScheduler::watchSocket(curl_socket_t socket, int what)
{
    if (what == CURL_POLL_REMOVE) {
        const Sockets sockets = m_sockets.take(socket);
        // Possibly called from the notifier's own signal: disable now, delete later.
        for (QSocketNotifier *notifier : {sockets.read, sockets.write}) {
            if (notifier) {
                notifier->setEnabled(false);
                notifier->deleteLater();
            }
        }
        return;
    }
    Sockets &sockets = m_sockets[socket];
    if (!sockets.read) {
        sockets.read = new QSocketNotifier(qintptr(socket), QSocketNotifier::Read, this);
        connect(sockets.read, &QSocketNotifier::activated, this,
                [this, socket] { socketReady(socket, CURL_CSELECT_IN); });
        sockets.write = new QSocketNotifier(qintptr(socket), QSocketNotifier::Write, this);
        connect(sockets.write, &QSocketNotifier::activated, this,
                [this, socket] { socketReady(socket, CURL_CSELECT_OUT); });
    }
    sockets.read->setEnabled(what & CURL_POLL_IN);
    sockets.write->setEnabled(what & CURL_POLL_OUT);
}

void FiberScheduler::socketReady(curl_socket_t socket, int eventMask)
{
    int running = 0;
    curl_multi_socket_action(m_multi, socket, eventMask, &running);
    drainFinishedTransfers();
}

void FiberScheduler::curlTimeout()
{
    int running = 0;
    curl_multi_socket_action(m_multi, CURL_SOCKET_TIMEOUT, 0, &running);
    drainFinishedTransfers();
}

void FiberScheduler::drainFinishedTransfers()
{
    struct Finished
    {
        CURL *easy;
        CURLcode result;
    };
    QList<Finished> finished;
    int left = 0;
    while (CURLMsg *message = curl_multi_info_read(m_multi, &left)) {
        if (message->msg == CURLMSG_DONE)
            finished.append({message->easy_handle, message->data.result});
    }
    // Woken only now: a fiber that runs on may start its next transfer on the multi.
    for (const Finished &done : std::as_const(finished)) {
        curl_multi_remove_handle(m_multi, done.easy);
        for (Wait *wait : std::as_const(m_waits)) {
            if (wait->kind == Wait::Kind::Transfer && wait->easy == done.easy) {
                wait->result = done.result;
                wake(wait);
                break;
            }
        }
    }
}
