// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "safetynets.h"

#include <QDateTime>
#include <QWidget>

#include <functional>

class QLabel;
class QStackedWidget;
class QTimer;
class SafetyNetsTreeView;

// The Safety nets tab of the rollout detail (issue 15): one line saying what is compared and
// when it was read ("Canary checkout-7d9f (checkout:2.0.4) against stable checkout-5c6b ·
// read 14:03:12, 20s ago"; amber with "not refreshed since" once it is older than three
// refresh intervals), and below it the sections (SafetyNetsTreeView over SafetyNetsModel).
// Before the first read, or when there is nothing to read, one sentence says why instead.
//
// Parts by object name: "safetyNetsContext", "safetyNetsState", "safetyNetsTree" and the
// timer "safetyNetsAgeTimer" (the age, every 5 s while visible and showing a read).
class SafetyNetsView : public QWidget
{
    Q_OBJECT

public:
    explicit SafetyNetsView(QWidget *parent = nullptr);

    void setSafetyNets(const SafetyNets &nets);
    // why: what to say instead (translated); empty for "being read".
    void clearSafetyNets(const QString &why);
    // How often the controller reads again, for when a read is old news (default 60 s).
    void setRefreshIntervalMs(qint64 intervalMs);
    // Tests inject the clock the age is counted with; default: the current time.
    void setClock(std::function<QDateTime()> clock);

    SafetyNetsTreeView *tree() const { return m_tree; }
    bool showsSafetyNets() const;
    QString contextText() const;

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void updateContext();
    void updateTimer();
    QDateTime now() const;

    SafetyNets m_nets;
    qint64 m_intervalMs = 60000;
    std::function<QDateTime()> m_clock;
    QLabel *m_context;
    QStackedWidget *m_stack;
    QLabel *m_state;
    SafetyNetsTreeView *m_tree;
    QTimer *m_ageTimer;
};
