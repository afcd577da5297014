// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workloadorigin.h"

#include "rolloutdetail.h"
#include "safetynets.h"

#include <QDateTime>
#include <QWidget>

class EnvironmentBadge;
class QGridLayout;
class StaleBox;
class QLabel;

// The top of the rollout detail: a coloured environment badge beside namespace / name (the
// target of every action, impossible to miss), strategy and revision; what the rollout is
// doing in words (RolloutSituationText: the same wording as the fleet table) with the live
// pause countdown; step, desired and actual weight and pod counts; the running images as
// stable / canary chips; the safety nets in one line (SafetyNetsText::summary, in the colour
// of the worst finding, a line per source in its tooltip); a grey "stale" box while the
// environment is disconnected; and, in a red box, the error conditions that explain an abort
// or an invalid spec.
class RolloutHeader : public QWidget
{
    Q_OBJECT

public:
    explicit RolloutHeader(QWidget *parent = nullptr);

    // The widget shown at the top right, beside the name and status (the action bar).
    void setActionBar(QWidget *widget);

    void setDetail(const RolloutDetail &detail, const QDateTime &now);
    // The shown rollout's safety nets; nullptr hides the line.
    void setSafetyNets(const SafetyNets *nets);
    // Only the countdown moved.
    void updateCountdown(const QDateTime &now);

    // "prod", "shop / checkout": what the badge and the title show.
    QString environmentText() const;
    QString titleText() const;
    // The stale box's text; empty while the environment is live.
    QString staleText() const;
    QString contextText() const;
    QString statusText() const; // plain text
    QString factsText() const;
    QString imagesText() const;
    QString safetyNetsText() const; // empty while hidden
    QStringList errorConditions() const;
    // "Helm chart checkout 1.4.2 (release checkout)", "Kustomize"; empty for none.
    static QString originText(const WorkloadOrigin &origin);

private:
    void updateStatus(const QDateTime &now);

    RolloutDetail m_detail;
    QStringList m_errors;
    EnvironmentBadge *m_badge;
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_context;
    QLabel *m_status;
    QLabel *m_facts;
    QLabel *m_images;
    QLabel *m_safetyNets;
    QLabel *m_errorBox;
    StaleBox *m_staleBox;
    QGridLayout *m_layout;
};
