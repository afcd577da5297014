// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "argoapplication.h"
#include "environmentspec.h"
#include "kubeconfig.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <memory>

// One-off Argo CD reads the window asks for beside the streams: the commit behind a revision
// (revisions/{rev}/metadata) and a whole application with its history (a GET: lists and
// streams leave history out). Each runs on the shared thread pool with a client of its own;
// the answer comes back on this object's thread as a value. GUI thread.
class ArgoCdLookups : public QObject
{
    Q_OBJECT
public:
    explicit ArgoCdLookups(QObject *parent = nullptr);
    ~ArgoCdLookups() override;

    void setFleet(const Kubeconfig &kubeconfig, const QList<EnvironmentSpec> &environments);
    void fetchRevision(const ArgoApplication &app, const QString &revision);
    void fetchApplication(const ArgoApplication &app);

signals:
    void revisionFetched(const QString &environment, const QString &instance,
                         const QString &revision, const ArgoRevisionMetadata &metadata);
    // error: translated, empty on success (the application is then whole).
    void applicationFetched(const ArgoApplication &app, const QString &error);

private:
    struct Target;
    bool target(const ArgoApplication &app, Target *out) const;

    Kubeconfig m_kubeconfig;
    QList<EnvironmentSpec> m_environments;
    // Shared with the pool's tasks: they check it before they publish, so a task of an
    // earlier fleet (or of a destroyed object) says nothing.
    std::shared_ptr<int> m_generation = std::make_shared<int>(0);
};
