// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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

    void setDetail(const RolloutDetail &detail, const QDateTime &now);

    ReplicaSetTree *tree() const { return m_tree; }
    ReplicaSetPanel *activePanel() const { return m_active; }
    ReplicaSetPanel *previewPanel() const { return m_preview; }
    bool isBlueGreenLayout() const;

private:
    QSplitter *m_splitter;
    QWidget *m_panels;
    ReplicaSetPanel *m_active;
    ReplicaSetPanel *m_preview;
    QWidget *m_treeBox;
    QLabel *m_treeTitle;
    ReplicaSetTree *m_tree;
};
