// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appactionexecutor.h"
#include "environmentspec.h"
#include "kubeconfig.h"

#include <QDateTime>
#include <QHash>
#include <QMetaType>
#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <memory>

class AuditLog;

// Whether the person may sync (and so roll back and terminate) one application, as Argo CD's
// can-i answered.
struct AppAccess
{
    enum class State { Unknown, Allowed, Denied, Failed };
    State state = State::Unknown;
    QString message; // translated: why not, or why the check failed
};

// The window's Argo CD operations, off the GUI thread: each runs through AppActionExecutor,
// the command line's audited path (userinfo, audit attempt, read-only, a fresh GET, the state
// check, can-i, the request, audit outcome), with a client of its own on a small pool. Also
// answers `can-i applications sync <project>/<name>` per application, remembered a minute so
// that moving through the table does not ask again for every click. Results come back as
// queued signals carrying values. GUI thread.
class AppActionRunner : public QObject
{
    Q_OBJECT
public:
    AppActionRunner(const Kubeconfig &kubeconfig, const QList<EnvironmentSpec> &environments,
                    const QString &auditPath, QObject *parent = nullptr);
    ~AppActionRunner() override;

    // Queues the operation; environment context and readOnly are filled in here. Returns the
    // ticket finished() carries.
    quint64 submit(AppActionRequest request);
    // The cached answer for app (Unknown when none or expired); asks in the background when
    // there is none, accessChecked() follows.
    AppAccess access(const ArgoApplication &app);
    const EnvironmentSpec *environment(const QString &name) const;
    void waitForDone();

signals:
    void finished(quint64 ticket, const AppActionRequest &request, const AppActionResult &result);
    void accessChecked(const QString &applicationKey);

private:
    struct Cached
    {
        AppAccess access;
        QDateTime at;
    };
    // Runs `job` with a client for the application's server; false: no such server.
    bool start(const QString &environment, const QString &instance,
               std::function<void(ArgoCdClient *, const QString &error)> job);
    void remember(const QString &key, const AppAccess &access);

    Kubeconfig m_kubeconfig;
    QList<EnvironmentSpec> m_environments;
    std::unique_ptr<AuditLog> m_audit;
    QHash<QString, Cached> m_access; // ArgoApplication::key(), GUI thread only
    QHash<QString, bool> m_asking;
    QThreadPool m_pool;
    std::atomic<quint64> m_nextTicket {1};
};

Q_DECLARE_METATYPE(AppActionRequest)
Q_DECLARE_METATYPE(AppActionResult)
