// SPDX-License-Identifier: GPL-3.0-or-later
#include "kinds.h"

#include "core/resourcecatalog.h"

namespace rdsim {

namespace Kinds {

namespace {
const ResourceType &lookup(const char *group, const char *plural)
{
    const ResourceType *type
        = ResourceCatalog::find(QString::fromLatin1(group), QString::fromLatin1(plural));
    Q_ASSERT(type);
    return *type;
}
} // namespace

const ResourceType &pods()
{
    static const ResourceType &t = lookup("", "pods");
    return t;
}
const ResourceType &services()
{
    static const ResourceType &t = lookup("", "services");
    return t;
}
const ResourceType &replicaSets()
{
    static const ResourceType &t = lookup("apps", "replicasets");
    return t;
}
const ResourceType &deployments()
{
    static const ResourceType &t = lookup("apps", "deployments");
    return t;
}
const ResourceType &rollouts()
{
    static const ResourceType &t = lookup("argoproj.io", "rollouts");
    return t;
}
const ResourceType &analysisRuns()
{
    static const ResourceType &t = lookup("argoproj.io", "analysisruns");
    return t;
}
const ResourceType &analysisTemplates()
{
    static const ResourceType &t = lookup("argoproj.io", "analysistemplates");
    return t;
}
const ResourceType &clusterAnalysisTemplates()
{
    static const ResourceType &t = lookup("argoproj.io", "clusteranalysistemplates");
    return t;
}
const ResourceType &jobs()
{
    static const ResourceType &t = lookup("batch", "jobs");
    return t;
}
const ResourceType &experiments()
{
    static const ResourceType &t = lookup("argoproj.io", "experiments");
    return t;
}

} // namespace Kinds

} // namespace rdsim
