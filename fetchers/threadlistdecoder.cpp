// SPDX-License-Identifier: GPL-3.0-or-later
#include "threadlistdecoder.h"

namespace {
struct ThreadState
{
    JsonDecoder decoder;
    int lists = 0;
};

ThreadState &threadState()
{
    thread_local ThreadState state;
    return state;
}
} // namespace

ThreadListDecoder::ThreadListDecoder()
{
    ++threadState().lists;
}

ThreadListDecoder::~ThreadListDecoder()
{
    ThreadState &state = threadState();
    if (--state.lists == 0)
        state.decoder.releaseMemory();
}

JsonDecoder &ThreadListDecoder::decoder()
{
    return threadState().decoder;
}

int ThreadListDecoder::listsInProgress()
{
    return threadState().lists;
}
