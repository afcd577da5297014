// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keyedtreemodel.h"
#include "rolloutdetail.h"

#include <QDateTime>
#include <QWidget>

class QLabel;
class QSplitter;
class ReplicaSetPanel;
class ReplicaSetTree;

// The ReplicaSets of a rollout. Canary: one tree, newest revision first. Blue-green: the
// active and the preview ReplicaSet side by side, the older revisions in a tree below.
class ReplicaSetsView : public QWidget
{
    Q_OBJECT

public:
    explicit ReplicaSetsView(QWidget *parent = nullptr);

    // how: Reset for another rollout (the rows start from their defaults again).
    void setDetail(const RolloutDetail &detail, const QDateTime &now,
                   DetailUpdate how = DetailUpdate::InPlace);

    ReplicaSetTree *tree() const { return m_tree; }
    ReplicaSetPanel *activePanel() const { return m_active; }
    ReplicaSetPanel *previewPanel() const { return m_preview; }
    bool isBlueGreenLayout() const;

private:
    void setTreeRows(const Rollout &rollout, const QList<ReplicaSet> &replicaSets,
                     const RolloutDetail &detail, const QDateTime &now, DetailUpdate how);

    QSplitter *m_splitter;
    QWidget *m_panels;
    ReplicaSetPanel *m_active;
    ReplicaSetPanel *m_preview;
    QWidget *m_treeBox;
    QLabel *m_treeTitle;
    ReplicaSetTree *m_tree;
};
