// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploymentdetail.h"
#include "keyedtreemodel.h"

#include <QDateTime>
#include <QWidget>

class QLabel;
class ReplicaSetTree;

// One of the two Deployments a Flagger canary manages: a heading with its role (the primary,
// serving the stable version, or the canary, the target under analysis), name, status in
// the phase colour, replica counts and images; below, its ReplicaSets and their pods in the
// Deployment detail's tree. A Deployment not there (yet) is said in words instead.
class FlaggerDeploymentSection : public QWidget
{
    Q_OBJECT

public:
    enum class Role { Primary, Canary };

    FlaggerDeploymentSection(Role role, QWidget *parent = nullptr);

    // expectedName: the Deployment's name when it is missing. how: Reset for another canary.
    void setDeployment(const DeploymentDetail &deployment, const QString &expectedName,
                       const QDateTime &now, DetailUpdate how);

    QString headingText() const; // plain text
    QString summaryText() const;
    ReplicaSetTree *tree() const { return m_tree; }

private:
    Role m_role;
    QLabel *m_heading;
    QLabel *m_summary;
    ReplicaSetTree *m_tree;
};
