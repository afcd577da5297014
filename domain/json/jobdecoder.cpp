// SPDX-License-Identifier: GPL-3.0-or-later
// batch/v1 Jobs (an AnalysisRun's job metrics).
#include "decoders_p.h"
#include "job.h"

namespace JsonRead {

static void decodeJobSpec(Context &ctx, Element value, const Path &path, Job &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "template"))
            decodePodTemplateSpec(ctx, v, p, out.podTemplate);
        else if (is(key, "backoffLimit"))
            readInt32(ctx, v, p, out.backoffLimit);
    });
}

static void decodeJobStatus(Context &ctx, Element value, const Path &path, Job &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "active"))
            readInt32(ctx, v, p, out.active);
        else if (is(key, "succeeded"))
            readInt32(ctx, v, p, out.succeeded);
        else if (is(key, "failed"))
            readInt32(ctx, v, p, out.failed);
        else if (is(key, "startTime"))
            readTime(ctx, v, p, out.startTime);
        else if (is(key, "completionTime"))
            readTime(ctx, v, p, out.completionTime);
        else if (is(key, "conditions"))
            readBoundedList(ctx, v, p, out.conditions, Job::maxConditions, decodeCondition);
    });
}

void decode(Context &ctx, Element value, const Path &path, Job &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "metadata"))
            decodeMeta(ctx, v, p, out.metadata);
        else if (is(key, "spec"))
            decodeJobSpec(ctx, v, p, out);
        else if (is(key, "status"))
            decodeJobStatus(ctx, v, p, out);
    });
}

} // namespace JsonRead
