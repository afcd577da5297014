// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "flaggercanarydetail.h"

#include <QDateTime>
#include <QWidget>

class EnvironmentBadge;
class QGridLayout;
class QLabel;
class StaleBox;

// The top of a Flagger canary's detail, laid out as the rollout's: the environment badge
// beside namespace / name, strategy, provider and target; the status in the phase colour with
// its message (the fleet table's words); the progress (canary weight of the max weight and
// the weight schedule with the current step in bold, or iteration i of N for blue/green and
// A/B testing); failed checks of the threshold, red once there is one; Flagger's phase and
// when it last changed; suspend and skip-analysis in amber; the conditions (Promoted with
// reason and message); a stale box while the environment is disconnected; the notices.
class FlaggerCanaryHeader : public QWidget
{
    Q_OBJECT

public:
    explicit FlaggerCanaryHeader(QWidget *parent = nullptr);

    // The actions' row, under the facts (the view's FlaggerCanaryActionBar).
    void setActionBar(QWidget *widget);
    void setDetail(const FlaggerCanaryDetail &detail, const QDateTime &now);

    QString environmentText() const;
    QString titleText() const;
    QString contextText() const;
    // Plain texts of the lines, empty while a line is hidden.
    QString statusText() const;
    QString progressText() const;
    QString failedChecksText() const;
    QString transitionText() const;
    QString flagsText() const;
    QString conditionsText() const;
    QString staleText() const;
    QString noticesText() const;
    // The failed checks' text colour (red once a check failed).
    QColor failedChecksColour() const;

private:
    void updateStatus();
    void updateProgress();
    void updateFlags(const QDateTime &now);

    FlaggerCanaryDetail m_detail;
    EnvironmentBadge *m_badge;
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_context;
    StaleBox *m_staleBox;
    QLabel *m_status;
    QLabel *m_progress;
    QLabel *m_failedChecks;
    QLabel *m_transition;
    QLabel *m_flags;
    QLabel *m_conditions;
    QLabel *m_notices;
    QGridLayout *m_layout;
};
