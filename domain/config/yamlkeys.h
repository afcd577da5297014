// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <yaml-cpp/yaml.h>

// The key check every config mapping gets: only the allowed keys, each at most once.
namespace YamlKeys {
// Empty when the mapping is fine; else the translated problem, prefixed with `where`
// ("charts[0]: unknown key 'tittle' (expected one of: title, query, ...)"), and *at is where
// the offending key is (for its line).
QString check(const YAML::Node &map, const QStringList &allowed, const QString &where,
              YAML::Mark *at);
} // namespace YamlKeys
