// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// A container of a pod spec: only what the dashboard shows and what kubectl's pod status
// needs (an init container with restartPolicy Always is a sidecar and counts as a container).
struct ContainerSpec
{
    QString name;
    QString image;
    bool restartPolicyAlways = false;

    bool operator==(const ContainerSpec &o) const
    {
        return name == o.name && image == o.image && restartPolicyAlways == o.restartPolicyAlways;
    }
    bool operator!=(const ContainerSpec &o) const { return !(*this == o); }
};

// spec.template.spec of a workload, or spec of a pod, reduced to its containers.
struct PodTemplate
{
    QList<ContainerSpec> containers;
    QList<ContainerSpec> initContainers;

    QStringList images() const;
    QStringList initContainerImages() const;

    bool operator==(const PodTemplate &o) const
    {
        return containers == o.containers && initContainers == o.initContainers;
    }
    bool operator!=(const PodTemplate &o) const { return !(*this == o); }
};

Q_DECLARE_METATYPE(ContainerSpec)
Q_DECLARE_METATYPE(PodTemplate)
