// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jsondecoder.h"

// The decoder for list pages of every informer on the calling thread, held for one list.
// An environment's informers are fibers on one thread, and a fiber does not yield while it
// decodes, so they can share one parser. simdjson's buffers are about ten times a page
// (its tape is eight bytes per input byte), and with a decoder per informer an environment
// held three of them between the pages of its lists at the fleet's first load: twenty
// environments' parsers were most of the peak above the end state. Shared, the buffers grow
// once per thread, and are given back when the thread's last list in progress ends.
class ThreadListDecoder
{
public:
    ThreadListDecoder();
    ~ThreadListDecoder();
    ThreadListDecoder(const ThreadListDecoder &) = delete;
    ThreadListDecoder &operator=(const ThreadListDecoder &) = delete;

    JsonDecoder &decoder();
    // Lists in progress on the calling thread (for tests).
    static int listsInProgress();
};
