// SPDX-License-Identifier: GPL-3.0-or-later
// Flagger's kinds (issue 16): Canary, MetricTemplate and AlertProvider of flagger.app/v1beta1.
// Scope, categories and printer columns follow Flagger's CRD manifest (artifacts/flagger/
// crd.yaml), so `kubectl get canaries` prints what it prints against a real cluster. They
// form the family "flagger", which a scenario's cluster may leave out like a safety-net tool.
#include "resourcecatalog_p.h"

namespace rdsim::catalog {

namespace {

ResourceType flagger(const char *plural, const char *singular, const char *kind,
                     QList<TableColumn> columns)
{
    ResourceType t
        = make("flagger.app", "v1beta1", plural, singular, kind, true, {}, std::move(columns));
    t.family = QStringLiteral("flagger");
    t.isCustomResource = true;
    t.hasStatusSubresource = true;
    t.categories = {QStringLiteral("all")};
    return t;
}

} // namespace

void appendFlaggerKinds(QList<ResourceType> *all)
{
    // Flagger's Canary has no Name or Age printer column of its own: kubectl adds the name,
    // and the CRD lists no age.
    *all << flagger("canaries", "canary", "Canary",
                    {nameColumn(), column("Status", "string", "status.phase"),
                     column("Weight", "string", "status.canaryWeight"),
                     column("Suspended", "boolean", "spec.suspend", 1),
                     column("FailedChecks", "string", "status.failedChecks", 1),
                     column("Interval", "string", "spec.analysis.interval", 1),
                     column("Mirror", "boolean", "spec.analysis.mirror", 1),
                     column("StepWeight", "string", "spec.analysis.stepWeight", 1),
                     column("StepWeights", "string", "spec.analysis.stepWeights", 1),
                     column("MaxWeight", "string", "spec.analysis.maxWeight", 1),
                     column("LastTransitionTime", "string", "status.lastTransitionTime")});
    *all << flagger("metrictemplates", "metrictemplate", "MetricTemplate",
                    {nameColumn(), column("Provider", "string", "spec.provider.type")});
    *all << flagger("alertproviders", "alertprovider", "AlertProvider",
                    {nameColumn(), column("Type", "string", "spec.type")});
}

} // namespace rdsim::catalog
