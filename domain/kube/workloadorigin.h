// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "objectmeta.h"

#include <QString>

// Which tool rendered a workload, read from the marks the tools leave on it: Helm's
// `helm.sh/chart: <chart>-<version>` label, `app.kubernetes.io/managed-by: Helm` and the
// `meta.helm.sh/release-name` annotation; Kustomize's `app.kubernetes.io/managed-by:
// kustomize` label or its `config.kubernetes.io/origin` build annotation. Nothing when the
// object carries none (a plain manifest, or a tool that leaves no mark).
struct WorkloadOrigin
{
    enum class Tool { None, Helm, Kustomize };
    Tool tool = Tool::None;
    QString chart; // Helm: "checkout"
    QString chartVersion; // Helm: "1.4.2"
    QString release; // Helm: the release name

    static WorkloadOrigin of(const ObjectMeta &metadata);
    bool operator==(const WorkloadOrigin &o) const
    {
        return tool == o.tool && chart == o.chart && chartVersion == o.chartVersion
            && release == o.release;
    }
};
