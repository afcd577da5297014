// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace rdsim {

// The pod-template hash that names a revision's ReplicaSet ("web-5d8f7b9c4c"): FNV-1a 32 of
// the template (without its own hash label) plus the collision count, written in decimal and
// mapped through Kubernetes' SafeEncodeString alphabet, which has no vowels so a hash never
// spells a word.
namespace PodTemplateHash {

// labelKey is removed from the template's labels before hashing ("rollouts-pod-template-hash"
// or "pod-template-hash"); collisionCount < 0 means none recorded.
QString compute(const QJsonObject &podTemplate, const QString &labelKey, int collisionCount = -1);
// FNV-1a 32 of arbitrary bytes, safe-encoded (used for status.currentStepHash).
QString ofBytes(const QByteArray &bytes);
QString safeEncode(const QByteArray &text);
quint32 fnv1a32(const QByteArray &bytes, quint32 seed = 2166136261u);

} // namespace PodTemplateHash

} // namespace rdsim
