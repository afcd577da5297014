// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rolloutdetail.h"

#include <QDateTime>
#include <QWidget>

class QGridLayout;
class QLabel;

// The top of the rollout detail: the name with namespace, environment, strategy and
// revision; the phase (symbol and colour as in the fleet table) with its message and the
// pause countdown; step, desired and actual weight and pod counts; the running images; and,
// in a red box, the error conditions that explain an abort or an invalid spec.
class RolloutHeader : public QWidget
{
    Q_OBJECT

public:
    explicit RolloutHeader(QWidget *parent = nullptr);

    // The widget shown at the top right, beside the name and status (the action bar).
    void setActionBar(QWidget *widget);

    void setDetail(const RolloutDetail &detail, const QDateTime &now);
    // Only the countdown moved.
    void updateCountdown(const QDateTime &now);

    QString titleText() const;
    QString contextText() const;
    QString statusText() const; // plain text
    QString factsText() const;
    QString imagesText() const;
    QStringList errorConditions() const;

private:
    void updateStatus(const QDateTime &now);

    Rollout m_rollout;
    QStringList m_errors;
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_context;
    QLabel *m_status;
    QLabel *m_facts;
    QLabel *m_images;
    QLabel *m_errorBox;
    QGridLayout *m_layout;
};
