// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "environmentspec.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

// Kubeconfig contexts grouped by the cluster they reach (its server URL): company tooling
// often writes several contexts per cluster (prod, prod-viewer, prod-deployer), and each
// would otherwise become an environment of its own, showing one cluster three times. One
// group is one environment by default, through the context chosen for it.
struct KubeContextInfo
{
    QString name;
    QString server; // the cluster's server URL; empty when the context names no cluster
    QString user;
    QString cluster {}; // the kubeconfig's name for the cluster entry
};

struct ContextGroup
{
    QString server;
    QStringList contexts; // in kubeconfig order
    QString chosen; // the context the environment uses
    // Proposed: for several contexts, the kubeconfig's cluster name when they all use the
    // same short one ("prod-eu"); else the chosen context's name (an EKS ARN is no name to
    // read, and a lone context keeps the name kubectl users know).
    QString environmentName;
};

class ContextGroups
{
    Q_DECLARE_TR_FUNCTIONS(ContextGroups)

public:
    // Groups in order of first appearance. The chosen context of a group: the current
    // context when it is in the group, else the one with the shortest name (prod rather
    // than prod-viewer), else the first. Environment names are unique.
    static QList<ContextGroup> group(const QList<KubeContextInfo> &contexts,
                                     const QString &currentContext);
    // One environment per group, in order.
    static QList<EnvironmentSpec> environments(const QList<ContextGroup> &groups);
    // The environments as the config file's YAML (environments: with name, context, and
    // colour / readOnly / protected when set), with a comment that says where it came from.
    static QByteArray toYaml(const QList<EnvironmentSpec> &environments);
};
