// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the config: the `charts:` list (format in chartconfig.h), for a parser that
// already holds the document's nodes (EnvironmentConfig, ChartConfig::fromYaml).

#include "chartspec.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

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

    // Absent or null: the key is not set.
    static bool isAbsent(const YAML::Node &node) { return !node.IsDefined() || node.IsNull(); }

    // The parts the gate config shares (gateconfig.cpp); each false with error() set.
    bool fail(const YAML::Node &node, const QString &what);
    bool fail(const YAML::Mark &mark, const QString &what);
    bool checkKeys(const YAML::Node &map, const QStringList &allowed, const QString &where);
    bool string(const YAML::Node &node, const QString &field, QString *out);
    bool stringList(const YAML::Node &node, const QString &where, const QString &what,
                    QStringList *out);
    bool variables(const YAML::Node &node, const QString &where,
                   QList<std::pair<QString, QString>> *out);
    // The query's and the variables' {{references}} (node: the mapping holding `query` and
    // `variables`); with splitByRole the query must reach a role variable.
    bool checkReferences(const YAML::Node &node, const QString &where, const QString &query,
                         const QList<std::pair<QString, QString>> &variables, bool splitByRole);

private:
    bool chart(const YAML::Node &node, const QString &where, ChartSpec *out);
    bool thresholds(const YAML::Node &node, const QString &where, ChartSpec *out);

    QString m_fileName;
    QString m_error;
};
