// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/faultinjector.h"
#include "argocd/argocdconfig.h"
#include "core/imagescan.h"
#include "metrics/syntheticmetrics.h"
#include "security/accesscontrol.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace rdsim {

// One simulated cluster as the scenario describes it.
struct ClusterScenario
{
    QString name;
    int port = 0; // 0 = a free port
    QStringList namespaces; // created as Namespace objects ("default" always exists)
    QList<UserSpec> users; // the first user is the cluster's default (its context)
    QList<QJsonObject> objects; // initial objects (inline and from `manifests:` files)
    QStringList objectOrigins; // "file:line" of each object, parallel to objects
    QList<MetricBehaviour> metrics;
    QList<FaultRule> faults;
    ArgoCdConfig argocd; // enabled when the cluster has an `argocd:` block
    // ResourceType::key() of the safety-net kinds it does not serve (`serves:`,
    // `withoutKinds:`): 404 in discovery and on every path.
    QStringList unservedKinds {};
    QList<ImageScan> imageScans {}; // the scenario's `images:`, what its scanners find
};

// A parsed scenario file. Format: see resources/scenarios/demo.yaml and docs/rd-sim.md.
struct Scenario
{
    double clockSpeed = 1.0;
    QList<ClusterScenario> clusters;
    QList<ImageScan> images {}; // `images:`; also copied into every cluster

    // A precise error names the file, the line (1-based) and what is wrong, e.g.
    // "demo.yaml:12: clusters[0].users[1]: 'token' must be a string". Returns false on error.
    static bool fromFile(const QString &path, Scenario *out, QString *error);
    static bool fromYaml(const QByteArray &yaml, const QString &fileName, Scenario *out,
                         QString *error);
    // The built-in scenario when none is given: one cluster "sim" with an admin user.
    static Scenario minimal();
};

// Loads plain Kubernetes manifests: every *.yaml, *.yml and *.json file in a folder (sorted
// by name, not recursive), multi-document YAML, and `List` kinds flattened. Status is kept
// as given; a namespaced object without a namespace goes to "default", as kubectl apply
// with a default context does. Errors name the file and line. Returns false on error.
// `origins`, when given, receives "file:line" for each object appended.
class ManifestLoader
{
public:
    static bool loadDirectory(const QString &dir, QList<QJsonObject> *objects, QString *error,
                              QStringList *origins = nullptr);
    static bool loadFile(const QString &path, QList<QJsonObject> *objects, QString *error,
                         QStringList *origins = nullptr);

    // The checks every loaded object passes: apiVersion, kind and metadata.name present, the
    // kind served by rd-sim. Fills the default namespace. Returns what is wrong, or "".
    static QString checkObject(QJsonObject *object);
    // `kind: List` or any `*List` with an items array.
    static bool isList(const QJsonObject &object);
};

} // namespace rdsim
