// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pod.h"
#include "replicaset.h"

#include <QDateTime>
#include <QFrame>
#include <QList>

class QLabel;
class DetailTreeView;
class PodListModel;

// One side of a blue-green rollout: the active or the preview ReplicaSet with its revision,
// health, ready pods, images and scale-down delay, and its pods below.
class ReplicaSetPanel : public QFrame
{
    Q_OBJECT

public:
    enum class Role { Active, Preview };

    explicit ReplicaSetPanel(Role role, QWidget *parent = nullptr);

    // rs null: nothing plays this role; the panel says so, with emptyText when given.
    void setReplicaSet(const ReplicaSet *rs, const QList<Pod> &pods, const QDateTime &now,
                       const QString &emptyText = QString());

    QString title() const;
    QString summary() const;
    DetailTreeView *podTree() const { return m_pods; }
    PodListModel *podModel() const { return m_podModel; }

private:
    Role m_role;
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_summary;
    QLabel *m_empty;
    PodListModel *m_podModel;
    DetailTreeView *m_pods;
};
