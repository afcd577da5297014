// SPDX-License-Identifier: GPL-3.0-or-later
// The Experiment and Job decoders (issue 16): the first byte picks the kind and the shape (a
// list body, a watch event, one object), the rest is the body. Beyond not crashing, every
// decoded list stays within the decoder's bounds.
#include "fuzzinput.h"
#include "jsondecoder.h"

namespace {

void check(const Experiment &experiment)
{
    constexpr int max = Experiment::maxListEntries;
    RD_FUZZ_CHECK(experiment.templates.size() <= max && experiment.analyses.size() <= max
                  && experiment.templateStatuses.size() <= max
                  && experiment.analysisRuns.size() <= max);
    experiment.revision();
    experiment.isCompleted();
}

void check(const Job &job)
{
    RD_FUZZ_CHECK(job.conditions.size() <= Job::maxConditions);
    const QString phase = job.analysisPhase();
    RD_FUZZ_CHECK(!phase.isEmpty());
    job.analysisRunUid();
}

template<typename T> void decode(JsonDecoder &decoder, int shape, const QByteArray &body)
{
    switch (shape) {
    case 0:
        for (const T &item : decoder.decodeList<T>(body).items)
            check(item);
        break;
    case 1:
        check(decoder.decodeWatchEvent<T>(body).value.object);
        break;
    default:
        check(decoder.decodeObject<T>(body).value);
        break;
    }
}

} // namespace

RD_FUZZ_TARGET(data, size)
{
    static JsonDecoder decoder;
    if (size == 0)
        return 0;
    const int shape = (data[0] >> 1) % 3;
    const QByteArray body = fuzzBytes(data + 1, size - 1);
    if (data[0] & 1)
        decode<Job>(decoder, shape, body);
    else
        decode<Experiment>(decoder, shape, body);
    return 0;
}
