// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "canceltoken.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <curl/curl.h>

#include <functional>
#include <memory>

class Fiber;
class QSocketNotifier;
class QTimer;

// Runs many blocking-style tasks (an environment's informers) as fibers on the one thread
// it lives on, driven by that thread's Qt event loop:
//
// - HTTP: a fiber's transfer joins one libcurl multi handle, whose sockets and timeout are
//   watched with QSocketNotifier and QTimer; the fiber sleeps until its transfer is done.
//   Every watch and list of the environment shares the multi's connections (HTTP/2 streams
//   on one connection where the server speaks it). Response data reaches the fiber's
//   callbacks on this thread, so decoding stays here, off the GUI thread.
// - Waits: CancelToken::sleepFor() in a fiber parks the fiber, not the thread.
// - Work that must block (an exec credential plugin) runs on a small shared pool.
//
// A cancel is seen within PollIntervalMs by every parked fiber, whatever it waits for.
// Code that may run in a fiber asks current(): null means an ordinary thread, where the
// same calls block as before (actions, the command line, tests that run an Informer on a
// thread of its own).
class FiberScheduler : public QObject
{
    Q_OBJECT
public:
    static constexpr int PollIntervalMs = 100;

    explicit FiberScheduler(QObject *parent = nullptr);
    ~FiberScheduler() override; // every fiber must have finished (see idle())

    // On this scheduler's thread: starts body as a fiber at the next event loop turn.
    // False when no stack could be mapped.
    bool spawn(std::function<void()> body);
    int fiberCount() const { return int(m_fibers.size()); }

    // The scheduler of the fiber running on this thread, or null outside a fiber.
    static FiberScheduler *current();

    // The calls below are for code running in one of this scheduler's fibers.
    // The transfer of an easy handle whose options are set: what curl_easy_perform()
    // would return. A cancel removes the transfer: CURLE_ABORTED_BY_CALLBACK.
    CURLcode perform(CURL *easy, const CancelToken &cancel);
    // Parks the fiber for ms: false when cancelled first.
    bool sleepFor(int ms, const CancelToken &cancel);
    // Runs work on the blocking pool while the fiber is parked; outside a fiber, here.
    // work must honour its own cancel: the fiber waits for it to return.
    static void runBlocking(const std::function<void()> &work);

signals:
    // The last fiber finished.
    void idle();

private:
    struct Wait;
    struct Sockets
    {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
    };

    static int onSocket(CURL *easy, curl_socket_t socket, int what, void *self, void *);
    static int onCurlTimer(CURLM *multi, long timeoutMs, void *self);
    void watchSocket(curl_socket_t socket, int what);
    void socketReady(curl_socket_t socket, int eventMask);
    void curlTimeout();
    void drainFinishedTransfers();
    void poll();
    void schedulePoll();
    void park(Wait *wait);
    void wake(Wait *wait);
    void run(Fiber *fiber);

    CURLM *m_multi = nullptr;
    QTimer *m_curlTimer = nullptr;
    QTimer *m_pollTimer = nullptr;
    QHash<curl_socket_t, Sockets> m_sockets;
    QList<Fiber *> m_fibers;
    QList<Wait *> m_waits; // of parked fibers; each lives on its fiber's stack
};
