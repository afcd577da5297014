// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonValue>
#include <QString>

namespace YAML {
class Node;
class Exception;
} // namespace YAML

class QByteArray;

namespace rdsim {

// YAML to JSON as Kubernetes reads manifests: a quoted or block scalar is always a string;
// a plain scalar is typed by the YAML 1.2 core schema (null, true/false, integers, floats),
// anything else stays a string. Explicit tags (!!str, !!int, ...) are honoured.
namespace YamlConvert {

QJsonValue toJson(const YAML::Node &node);
QJsonValue scalarToJson(const YAML::Node &node);
// True for a scalar written without quotes or a block indicator.
bool isPlainScalar(const YAML::Node &node);
// 1-based line of a node, 0 when yaml-cpp knows none.
int lineOf(const YAML::Node &node);
QString toQString(const std::string &text);
// 1-based line of a syntax error in `text`. yaml-cpp notices an unclosed flow or quote only
// at the end of input, one past the last line; that is reported as the last line instead.
int errorLine(const YAML::Exception &error, const QByteArray &text);

} // namespace YamlConvert

} // namespace rdsim
