// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the config: the `charts:` list (format in chartconfig.h), for a parser that
// already holds the document's nodes (EnvironmentConfig, ChartConfig::fromYaml).

#include "chartspec.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <yaml-cpp/yaml.h>

class ChartConfigParser
{
    Q_DECLARE_TR_FUNCTIONS(ChartConfig)

public:
    explicit ChartConfigParser(const QString &fileName) : m_fileName(fileName) { }

    // node: the value of `charts:` (absent or null: no charts); where: "charts". False with
    // error() set.
    bool parse(const YAML::Node &node, const QString &where, QList<ChartSpec> *out);
    QString error() const { return m_error; }

private:
    bool fail(const YAML::Node &node, const QString &what);
    bool fail(const YAML::Mark &mark, const QString &what);
    bool checkKeys(const YAML::Node &map, const QStringList &allowed, const QString &where);
    bool string(const YAML::Node &node, const QString &field, QString *out);
    bool chart(const YAML::Node &node, const QString &where, ChartSpec *out);
    bool thresholds(const YAML::Node &node, const QString &where, ChartSpec *out);
    bool variables(const YAML::Node &node, const QString &where, ChartSpec *out);
    bool environments(const YAML::Node &node, const QString &where, ChartSpec *out);
    bool checkReferences(const YAML::Node &node, const QString &where, const ChartSpec &chart);

    QString m_fileName;
    QString m_error;
};
