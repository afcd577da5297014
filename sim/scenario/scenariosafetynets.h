// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/imagescan.h"
#include "metrics/syntheticmetrics.h"
#include "scenario/yamlreader.h"

#include <QList>
#include <QStringList>

namespace rdsim {

// The scenario's safety-net parts (issue 15, docs/rd-sim.md): the top-level `images:` table,
// a cluster's `serves:` and `withoutKinds:`, and a metrics entry's `falco:` rules. Throws
// YamlError with "file:line: path: what" on the first problem.
class SafetyNetScenarioParser
{
public:
    explicit SafetyNetScenarioParser(const YamlSource &source) : m_source(source) { }
    QList<ImageScan> images(const MapReader &top) const;
    // ResourceType::key() of every kind the cluster leaves out.
    QStringList unservedKinds(const MapReader &cluster) const;
    QList<FalcoRule> falco(const MapReader &metric) const;

private:
    ImageVulnerability vulnerability(const MapReader &item) const;

    const YamlSource &m_source;
};

} // namespace rdsim
