// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "promotionconfig.h"

#include <QWidget>

class ApplicationsModel;
class FleetModel;
class PromotionModel;
class PromotionView;

// The promotion view in a window of its own (View > Promotion): every workload across the
// environments in config order, what stands out (ahead, behind, stuck, out of sync, failing
// gates) said in a legend above the table. MainWindow opens it and follows its signals.
class PromotionWindow : public QWidget
{
    Q_OBJECT
public:
    PromotionWindow(FleetModel *fleet, ApplicationsModel *applications, QWidget *parent);

    void setSettings(const PromotionSettings &settings);
    PromotionModel *model() const { return m_model; }
    PromotionView *view() const { return m_view; }

signals:
    void workloadActivated(const QString &environment, const QString &namespaceName,
                           const QString &name);
    void applicationActivated(const QString &applicationKey);

private:
    PromotionModel *m_model;
    PromotionView *m_view;
};
