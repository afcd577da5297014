// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "argocd/argocdconfig.h"
#include "scenario/yamlreader.h"

#include <functional>

namespace rdsim {

// Reads a cluster's `argocd:` block (docs/rd-sim.md) into an ArgoCdConfig, throwing
// YamlError with "file:line: path: what" on the first problem.
class ArgoCdScenarioParser
{
public:
    explicit ArgoCdScenarioParser(const YamlSource &source) : m_source(source) { }
    ArgoCdConfig parse(const MapReader &cluster);

    using ItemReader = std::function<void(const MapReader &item)>;
    // Each entry of the sequence under `key` as a map with `keys` (the safety-net blocks read
    // their lists with it too).
    void forEach(const MapReader &parent, const QString &key, const QStringList &keys,
                 const ItemReader &read) const;

private:
    ArgoCdAccount account(const MapReader &item) const;
    ArgoCdRepo repo(const MapReader &item) const;
    ArgoCdCommit commit(const MapReader &item, bool helm) const;
    ArgoCdApplicationSpec application(const MapReader &item, const ArgoCdConfig &config) const;
    QHash<QString, QString> stringMap(const MapReader &item, const QString &key) const;
    void check(const ArgoCdConfig &config, const MapReader &block) const;

    const YamlSource &m_source;
};

} // namespace rdsim
