// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rolloutaction.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>

class MainWindow;
class QTimer;
struct RolloutActionResult;

// Pause and resume as a person does them: select the rollout in the window's table, then
// click the detail's Pause or Resume button, so the request takes the GUI's own path
// (RolloutDetailView → RolloutDetailController → ActionRunner → RolloutActionExecutor).
// Every click is recorded; the runner's results and the audit file are checked against it.
class ActionDriver : public QObject
{
    Q_OBJECT
public:
    struct Click
    {
        QString environment, ns, name;
        RolloutAction action;
        QDateTime time;
    };
    struct Target
    {
        QString environment, ns, name;
    };

    ActionDriver(MainWindow *window, const QList<Target> &targets, int intervalMs,
                 QObject *parent = nullptr);
    void start();
    void stop();

    QList<Click> clicks() const { return m_clicks; }
    int skipped() const { return m_skipped; }
    QMap<QString, int> skipReasons() const { return m_skipReasons; }
    int dialogsClosed() const { return m_dialogsClosed; }
    int outcomes() const { return m_outcomes; }
    QMap<QString, int> resultsByKind() const { return m_results; }
    bool allFinished() const { return m_outcomes >= m_clicks.size(); }

    struct AuditVerdict
    {
        bool ok = false;
        int attempts = 0;
        int outcomes = 0;
        QHash<QString, int> requestsByEnvironment; // PATCH lines listed in outcome records
        QStringList problems;
    };
    // Every click has exactly one attempt and one outcome (paired by id), nothing else is in
    // the file, and the outcome agrees with what the runner reported.
    AuditVerdict checkAudit(const QString &path) const;

private:
    void tick();
    void skip(const QString &reason);
    void finished(const RolloutActionResult &result);

    MainWindow *m_window;
    QList<Target> m_targets;
    QTimer *m_timer;
    int m_next = 0;
    QList<Click> m_clicks;
    int m_skipped = 0;
    QMap<QString, int> m_skipReasons;
    int m_dialogsClosed = 0;
    int m_outcomes = 0;
    QMap<QString, int> m_results;
};
