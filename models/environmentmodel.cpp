// SPDX-License-Identifier: GPL-3.0-or-later
#include "environmentmodel.h"

#include <QColor>
#include <QThread>

#include <algorithm>

EnvironmentModel::EnvironmentModel(QObject *parent) : QAbstractListModel(parent) { }

void EnvironmentModel::setEnvironments(const QList<EnvironmentSpec> &environments)
{
    Q_ASSERT(QThread::currentThread() == thread());
    QList<EnvironmentSpec> sorted = environments;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const EnvironmentSpec &a, const EnvironmentSpec &b) {
                         return a.order != b.order ? a.order < b.order : a.name < b.name;
                     });
    // The list changes as a whole (configuration reload): states of environments that stay
    // are kept, so the status bar does not flash "connecting".
    QList<Entry> entries;
    entries.reserve(sorted.size());
    for (const EnvironmentSpec &spec : std::as_const(sorted)) {
        Entry entry;
        entry.spec = spec;
        const int old = rowOf(spec.name);
        if (old >= 0) {
            entry.state = m_entries.at(old).state;
            entry.workloadCount = m_entries.at(old).workloadCount;
        }
        entries.append(entry);
    }
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

void EnvironmentModel::setState(const QString &environment, const ConnectionState &state)
{
    Q_ASSERT(QThread::currentThread() == thread());
    const int row = rowOf(environment);
    if (row < 0 || m_entries.at(row).state == state)
        return;
    m_entries[row].state = state;
    emit dataChanged(index(row), index(row));
}

void EnvironmentModel::setWorkloadCount(const QString &environment, int count)
{
    Q_ASSERT(QThread::currentThread() == thread());
    const int row = rowOf(environment);
    if (row < 0 || m_entries.at(row).workloadCount == count)
        return;
    m_entries[row].workloadCount = count;
    emit dataChanged(index(row), index(row), {WorkloadCountRole});
}

ConnectionState EnvironmentModel::state(const QString &environment) const
{
    const int row = rowOf(environment);
    return row < 0 ? ConnectionState() : m_entries.at(row).state;
}

int EnvironmentModel::rowOf(const QString &environment) const
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).spec.name == environment)
            return int(i);
    }
    return -1;
}

QString EnvironmentModel::displayText(const QString &name, const ConnectionState &state)
{
    QString status;
    switch (state.kind) {
    case ConnectionState::Connecting:
        status = tr("connecting");
        break;
    case ConnectionState::Live:
        status = tr("live");
        break;
    case ConnectionState::Retrying:
        status = tr("retrying");
        break;
    case ConnectionState::Unauthorized:
        status = tr("not authorised");
        break;
    case ConnectionState::Forbidden:
        status = tr("access denied");
        break;
    case ConnectionState::Unreachable:
        status = tr("unreachable");
        break;
    case ConnectionState::ConfigError:
        status = tr("configuration error");
        break;
    }
    if (state.kind == ConnectionState::Retrying && state.retryInSeconds > 0)
        status = tr("retrying in %n s", nullptr, state.retryInSeconds);
    else if (state.retryInSeconds > 0)
        status = tr("%1, retrying in %n s", nullptr, state.retryInSeconds).arg(status);
    if (!state.reason.isEmpty())
        status = tr("%1: %2", "state: reason").arg(status, state.reason);
    return tr("%1 — %2", "environment — state").arg(name, status);
}

int EnvironmentModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant EnvironmentModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        const QString attention = attentionText(entry.failures, entry.waiting);
        const QString text = displayText(entry.spec.name, entry.state);
        return attention.isEmpty() ? text : tr("%1 · %2", "state · attention").arg(text, attention);
    }
    case Qt::ToolTipRole:
        return entry.state.reason.isEmpty() ? QVariant() : QVariant(entry.state.reason);
    case Qt::DecorationRole:
    case ColourRole: {
        const QColor colour(entry.spec.colour);
        return colour.isValid() ? QVariant(colour) : QVariant();
    }
    case StateRole:
        return int(entry.state.kind);
    case FailureCountRole:
        return entry.failures;
    case WaitingCountRole:
        return entry.waiting;
    case AttentionTextRole:
        return attentionText(entry.failures, entry.waiting);
    case ReasonRole:
        return entry.state.reason;
    case RetryRole:
        return entry.state.retryInSeconds;
    case LastUpdatedRole:
        return entry.state.lastUpdated;
    case InsecureRole:
        return entry.state.insecure;
    case DataWarningsRole:
        return entry.state.dataWarnings;
    case ReadOnlyRole:
        return entry.spec.readOnly;
    case WorkloadCountRole:
        return entry.workloadCount;
    case NameRole:
        return entry.spec.name;
    case ContextRole:
        return entry.spec.context;
    default:
        break;
    }
    return QVariant();
}

void EnvironmentModel::setAttentionCounts(const QString &environment, int failures, int waiting)
{
    Q_ASSERT(QThread::currentThread() == thread());
    const int row = rowOf(environment);
    if (row < 0)
        return;
    Entry &entry = m_entries[row];
    if (entry.failures == failures && entry.waiting == waiting)
        return;
    entry.failures = failures;
    entry.waiting = waiting;
    const QModelIndex changed = index(row);
    emit dataChanged(changed, changed,
                     {Qt::DisplayRole, FailureCountRole, WaitingCountRole, AttentionTextRole});
}

QString EnvironmentModel::attentionText(int failures, int waiting)
{
    QStringList parts;
    if (failures > 0)
        parts.append(tr("%n failed", nullptr, failures));
    if (waiting > 0)
        parts.append(tr("%n waiting", nullptr, waiting));
    return parts.size() == 2 ? tr("%1, %2", "failed, waiting").arg(parts.at(0), parts.at(1))
                             : parts.join(QString());
}
