// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionstate.h"
#include "environmentspec.h"

#include <QAbstractListModel>
#include <QList>
#include <QString>

// One row per environment (in EnvironmentSpec::order, then name) with its connection state,
// for the status bar and the environment list. Display text: "prod — live",
// "staging — retrying in 4 s: connection refused".
class EnvironmentModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        StateRole = Qt::UserRole + 1, // int: ConnectionState::Kind
        ReasonRole, // QString
        RetryRole, // int: seconds until the next attempt, 0 when none
        LastUpdatedRole, // QDateTime
        ColourRole, // QColor, invalid when the spec has none
        InsecureRole, // bool
        ReadOnlyRole, // bool
        WorkloadCountRole, // int
        NameRole, // QString: the environment's name
        ContextRole, // QString: the kubeconfig context
        FailureCountRole, // int: rollouts failed, aborted or degraded
        WaitingCountRole, // int: rollouts waiting for a person
        AttentionTextRole, // QString: "1 failed, 2 waiting", empty when neither
        DataWarningsRole, // QStringList: fields that could not be read (ConnectionState)
    };

    explicit EnvironmentModel(QObject *parent = nullptr);

    void setEnvironments(const QList<EnvironmentSpec> &environments);
    void setState(const QString &environment, const ConnectionState &state);
    void setWorkloadCount(const QString &environment, int count);
    void setAttentionCounts(const QString &environment, int failures, int waiting);
    // "1 failed, 2 waiting" (translated); empty when both are 0.
    static QString attentionText(int failures, int waiting);

    ConnectionState state(const QString &environment) const;
    int rowOf(const QString &environment) const; // -1 when unknown
    // The text of Qt::DisplayRole, for the status bar.
    static QString displayText(const QString &name, const ConnectionState &state);

    int rowCount(const QModelIndex &parent = QModelIndex()) const final;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const final;

private:
    struct Entry
    {
        EnvironmentSpec spec;
        ConnectionState state;
        int workloadCount = 0;
        int failures = 0;
        int waiting = 0;
    };
    QList<Entry> m_entries;
};
