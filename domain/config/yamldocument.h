// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <yaml-cpp/yaml.h>

// How every reader of the config file gets at the document: the text bounded and checked by
// YamlGuard, then parsed, each error with the file and the line ("config.yaml:3:7: invalid
// YAML: ..."). The config's parts (environments, charts, gates, history) each read their key.
class YamlDocument
{
    Q_DECLARE_TR_FUNCTIONS(YamlDocument)

public:
    static bool parse(const QByteArray &yaml, const QString &fileName, YAML::Node *root,
                      QString *error);
    // The file's text, at most one byte past YamlGuard's limit (enough for it to refuse).
    static bool read(const QString &path, QByteArray *text, QString *error);

    // Absent or null: the key is not set.
    static bool isAbsent(const YAML::Node &node) { return !node.IsDefined() || node.IsNull(); }
    // A scalar's text without surrounding blanks; empty for a map, a list or nothing.
    static QString trimmedScalar(const YAML::Node &node)
    {
        return node.IsScalar() ? QString::fromStdString(node.Scalar()).trimmed() : QString();
    }
};
