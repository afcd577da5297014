// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

struct RolloutDetail;

// The {{variables}} of chart queries. `{{ name }}` (spaces allowed) is replaced by the
// variable's value; a value may itself use variables (one chart variable built from the
// rollout's, e.g. selector: 'namespace="{{namespace}}"'). Values are inserted as they are:
// they are label values and regular expressions, which a config author quotes in the query.
//
// A rollout provides namespace, rollout, environment, canary_hash (status.currentPodHash: the
// canary, or a blue-green's preview), stable_hash (status.stableRS: the stable, or the
// active) and revision. A split-by-role query also has role ("canary" or "stable"), hash
// (that role's pod-template hash) and pod_regex ("<rollout>-<hash>-.*", the role's pods by
// name, which cAdvisor and kube-state-metrics series carry).
class ChartVariables
{
    Q_DECLARE_TR_FUNCTIONS(ChartVariables)

public:
    static ChartVariables forRollout(const RolloutDetail &detail);
    // The names a rollout provides, and those a split-by-role query adds.
    static QStringList rolloutNames();
    static QStringList roleNames();

    // The same variables with role, hash and pod_regex set for one role.
    ChartVariables withRole(const QString &role, const QString &hash) const;
    // Adds a chart's own variables (they may not redefine the rollout's).
    void insert(const QString &name, const QString &value);
    void insert(const QList<std::pair<QString, QString>> &variables);

    bool contains(const QString &name) const { return m_values.contains(name); }
    QString value(const QString &name) const { return m_values.value(name); }
    QStringList names() const; // sorted

    // The text with every variable replaced. False with *error, e.g.
    // "unknown variable {{hsh}} (known: canary_hash, environment, namespace, ...)" or
    // "'{{ 1x }}' is not a variable reference" or "variable {{a}} refers to itself".
    bool substitute(const QString &text, QString *out, QString *error) const;

    // The names a text refers to, in order of appearance (each once). False with *error for
    // a malformed reference.
    static bool references(const QString &text, QStringList *names, QString *error);
    // A name a variable may have: a letter or '_', then letters, digits, '_', '.', '-'.
    static bool isValidName(const QString &name);

private:
    bool substitute(const QString &text, int depth, QStringList *chain, QString *out,
                    QString *error) const;

    QHash<QString, QString> m_values;
};
