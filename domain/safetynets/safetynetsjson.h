// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "safetynets.h"

#include <QJsonObject>

// The `safetyNets` object of `get rollout(s) -o json` (issue 15), keys camelCase:
//
// {
//   "vulnerabilities": {
//     "canary": {"critical": n, "high": n, "medium": n, "low": n, "unknown": n},
//     "stable": {...same...},
//     "canaryScanned": bool, "stableScanned": bool,
//     "added":   [{"id", "package", "installed", "fixed", "severity", "score", "link"}],
//     "removed": [...same...],
//     "configFailures": [{"id", "title", "severity"}]
//   },
//   "policy": {
//     "pass": n, "fail": n, "warn": n, "error": n, "skip": n,
//     "failing":     [{"policy", "rule", "result", "severity", "message"}],
//     "newFailures": [...same...],
//     "admissionDenials": ["event message", ...]
//   },
//   "gatekeeper": [{"constraintKind", "constraintName", "enforcementAction", "kind", "name",
//                   "message"}],
//   "falco": {"canary": {"<priority>": n, ...}, "stable": {...}},
//   "ci": null | {"kind": "ArgoWorkflow" | "TektonPipelineRun", "name", "namespace", "phase",
//                 "failedStep", "message", "url", "matchedBy"},
//   "staging": {"environment", "loadTests": [{"name", "stage"}],
//               "chaos": [{"name", "kind", "verdict", "phase"}]},
//   "featureFlags": [{"key", "resource", "state", "defaultVariant", "variants": [...],
//                     "targeting"}],
//   "sources": {"vulnerabilities": "loaded" | "notServed" | "forbidden" | "failed" | "notAsked",
//               "configAudit", "policy", "gatekeeper", "falco", "argoWorkflows", "tekton",
//               "loadTests", "litmusChaos", "chaosMesh", "featureFlags": ...same}
// }
//
// "score" is null when Trivy gave none; "failedStep" is the first failed step's name, empty
// when none; "kind" of a chaos experiment is its resource kind (ChaosResult, PodChaos...).
QJsonObject safetyNetsJson(const SafetyNets &nets);
