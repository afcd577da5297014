// SPDX-License-Identifier: GPL-3.0-or-later
// Istio's traffic kinds that Argo Rollouts' Istio traffic router writes (header and mirror
// routes, weights): VirtualService and DestinationRule, with the printer columns of Istio's
// CRD manifests.
#include "resourcecatalog_p.h"

namespace rdsim::catalog {

namespace {

ResourceType istio(const char *plural, const char *singular, const char *kind,
                   const char *shortName, QList<TableColumn> columns)
{
    ResourceType t = make("networking.istio.io", "v1beta1", plural, singular, kind, true,
                          {QString::fromLatin1(shortName)}, std::move(columns));
    t.isCustomResource = true;
    t.categories = {QStringLiteral("istio-io"), QStringLiteral("networking-istio-io")};
    return t;
}

} // namespace

void appendIstioKinds(QList<ResourceType> *all)
{
    *all << istio("virtualservices", "virtualservice", "VirtualService", "vs",
                  {nameColumn(), column("Gateways", "string", "spec.gateways"),
                   column("Hosts", "string", "spec.hosts"), ageColumn()});
    *all << istio("destinationrules", "destinationrule", "DestinationRule", "dr",
                  {nameColumn(), column("Host", "string", "spec.host"), ageColumn()});
}

} // namespace rdsim::catalog
