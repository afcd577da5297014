// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "resourcecatalog.h"

// The catalog's building blocks, shared by resourcecatalog.cpp and the files that add a
// family of kinds to it.
namespace rdsim::catalog {

// path: a dotted path into the object or a computed cell (TableColumn::jsonPath).
TableColumn column(const char *name, const char *type, const char *path, int priority = 0);
TableColumn nameColumn();
TableColumn ageColumn();
// A kind with every verb and the given columns.
ResourceType make(const char *group, const char *version, const char *plural, const char *singular,
                  const char *kind, bool namespaced, QStringList shortNames,
                  QList<TableColumn> columns);
// The safety-net kinds of issue 15 (resourcecatalogsafetynets.cpp), appended at the end.
void appendSafetyNetKinds(QList<ResourceType> *all);
// Flagger's kinds of issue 16 (resourcecatalogflagger.cpp), appended after the safety nets'.
void appendFlaggerKinds(QList<ResourceType> *all);
// Istio's VirtualService and DestinationRule (resourcecatalogistio.cpp), for Argo Rollouts'
// Istio traffic routing.
void appendIstioKinds(QList<ResourceType> *all);

} // namespace rdsim::catalog
