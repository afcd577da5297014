// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionstate.h"
#include "notice.h"
#include "noticedetector.h"
#include "notificationsettings.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

class FleetModel;

// Decides what to tell a person about the fleet while they look elsewhere: it follows the
// rollouts FleetModel says changed (rolloutDetailsChanged), hands their states to a
// NoticeDetector, and emits noticeReady() for each notice the settings allow. The gate
// evaluation reports a failed gate through gateFailed(). How a notice reaches the person
// (tray, desktop notification, status bar) is DesktopNotifier's job.
//
// An environment's states are told only once it has been live for settleMSecs(): what the
// first lists and a reconnect's catch-up deliver may have happened long ago, so it only
// becomes what later states are compared with. GUI thread only.
class NotificationCenter : public QObject
{
    Q_OBJECT
public:
    explicit NotificationCenter(FleetModel *model, QObject *parent = nullptr);

    // A quality gate failed for the rollout namespaceName/rollout of the environment; message
    // says why (the gate's own words, e.g. "canary 0.031 > max 0.02"). Told once per gate
    // and revision of the rollout (its revision as listed now; 0 while it is not listed),
    // and only when the settings allow it. True when it was told.
    bool gateFailed(const QString &environment, const QString &namespaceName,
                    const QString &rollout, const QString &gateName, const QString &message);

    // The window is pausing this rollout itself (onGateFail: pause): the pause it will see is
    // the gate's, told with the gate's failure, so it is not told again as a person's.
    void expectGatePause(const QString &environment, const QString &uid);
    // That pause was not made (denied, failed): a pause seen later is not the window's.
    void forgetGatePause(const QString &environment, const QString &uid);

    // Loaded from QSettings when made; setSettings() stores them.
    const NotificationSettings &settings() const { return m_settings; }
    void setSettings(const NotificationSettings &settings);

    // How long an environment is live before its changes are told; default 2000 ms.
    void setSettleMSecs(int msecs) { m_settleMSecs = msecs; }
    int settleMSecs() const { return m_settleMSecs; }
    bool isSettled(const QString &environment) const { return m_settled.contains(environment); }

public slots:
    // As the fetcher reports it (RetryCountdown::stateChanged): anything but Live stops
    // telling until the environment has been live again for settleMSecs().
    void setConnectionState(const QString &environment, const ConnectionState &state);
    // Another fleet: every rollout and environment starts anew.
    void reset();

signals:
    void noticeReady(const Notice &notice);

private:
    void rolloutDetailsChanged(const QString &environment, const QStringList &uids);
    void settle(const QString &environment, quint64 generation);
    void tell(const Notice &notice);

    FleetModel *m_model;
    NoticeDetector m_detector;
    NotificationSettings m_settings;
    int m_settleMSecs = 2000;
    QSet<QString> m_live;
    QSet<QString> m_settled;
    // Bumped whenever an environment stops being live, so an older settle timer is ignored.
    QHash<QString, quint64> m_generation;
    QSet<QString> m_gatePauses; // "environment/uid" paused by the window for a gate
};
