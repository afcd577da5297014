// SPDX-License-Identifier: GPL-3.0-or-later
// The Experiment and Job decoders (issue 16): the first byte picks the kind and the shape (a
// list body, a watch event, one object), the rest is the body. Beyond not crashing, every
// decoded list stays within the decoder's bounds.
#include "decoderinput.h"

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

} // namespace

RD_FUZZ_TARGET(data, size)
{
    return decodeEitherKind<Experiment, Job>(data, size, [](const auto &value) { check(value); });
}
