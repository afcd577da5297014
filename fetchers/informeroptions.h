// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Timings of the list-then-watch loops. The defaults follow client-go's reflector; tests
// shorten them.
struct BackoffPolicy
{
    int initialMs = 800; // first delay after an error
    double factor = 2.0;
    int maxMs = 30000;
    double jitter = 1.0; // a delay d becomes d + random(0, jitter * d), capped at maxMs
    int stableResetMs = 120000; // this long without an error starts again at initialMs
};

struct InformerOptions
{
    BackoffPolicy backoff;
    int batchIntervalMs = 100; // deltas wait at most this long before they are sent
    int pageSize = 500; // list limit
    // Server-side watch timeout, chosen at random in [min, max] as the reflector does;
    // the watch then ends normally and starts again from the last resourceVersion.
    int watchTimeoutMinSeconds = 300;
    int watchTimeoutMaxSeconds = 600;
    // A connection that sends nothing (not even a bookmark) for this long is dead; 0: the
    // KubeClient default (watch timeout + 30 s).
    int watchIdleTimeoutSeconds = 0;
    // A list or watch request that the server answered with 429/5xx + Retry-After is
    // retried inside KubeClient at most this often before the informer backs off itself.
    int requestRetries = 3;
    int requestRetryMaxWaitSeconds = 32;
};
