// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace rdsim {

struct ResourceType;

// The catalog entries the controllers read and write, looked up once.
namespace Kinds {
const ResourceType &pods();
const ResourceType &services();
const ResourceType &replicaSets();
const ResourceType &deployments();
const ResourceType &rollouts();
const ResourceType &analysisRuns();
const ResourceType &analysisTemplates();
const ResourceType &clusterAnalysisTemplates();
const ResourceType &jobs();
const ResourceType &experiments();
} // namespace Kinds

} // namespace rdsim
