// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gateresult.h"

#include <QDateTime>
#include <QWidget>

#include <functional>

class GatesTreeView;
class QLabel;
class QStackedWidget;
class QTimer;

// The quality gates of the shown rollout: a one-line header with the verdict, large and in its
// colour ("Gates: FAIL — 1 of 4 failed"), and when it was judged ("evaluated 12s ago at
// 14:03:12 · judged every 30s", amber once it is older than three intervals); below it a
// table of the gates (GatesTreeView over GatesModel).
//
// When there is no table to show, one sentence says why instead: not judged yet (the
// default, worded with the interval), no canary (a report without one; the gates that
// will be judged are named), no gate applies (a report without gates; with how to add one),
// or the caller's reason (metrics off, the environment unreachable, ...).
//
// Parts by object name: "gatesHeader", "gatesVerdict", "gatesEvaluated", "gatesState",
// "gatesHint", "gatesTree" and the timer "gatesAgeTimer", which refreshes the age once a
// second, only while the view is visible and shows a report.
class GatesView : public QWidget
{
    Q_OBJECT

public:
    explicit GatesView(QWidget *parent = nullptr);

    void setReport(const GateReport &report);
    // why: the state to show instead of a report, translated by the caller; empty for "not
    // evaluated yet".
    void clearReport(const QString &why);
    // How often the gates are judged (the config's gateInterval), for the wording.
    void setIntervalMs(qint64 intervalMs);
    // Tests inject the clock the age is counted with; default: the current time.
    void setClock(std::function<QDateTime()> clock);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    enum class Shown { Default, Reason, Report };
    void showState(const QString &text, Qt::TextFormat format, const QString &hint);
    void showReportState();
    void updateHeader();
    void updateAge();
    void updateTimer();
    bool showsTable() const;
    QDateTime now() const;

    GateReport m_report;
    Shown m_shown = Shown::Default;
    qint64 m_intervalMs;
    std::function<QDateTime()> m_clock;
    QWidget *m_header;
    QLabel *m_icon;
    QLabel *m_verdict;
    QLabel *m_evaluated;
    QStackedWidget *m_stack;
    QLabel *m_state;
    QLabel *m_hint;
    GatesTreeView *m_tree;
    QTimer *m_ageTimer;
};
