// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow's promotion window (View > Promotion): opened like the Releases window, a
// double-click there selects the workload here, or shows an application-only cell's
// application in the Applications window.
#include "argocdcontroller.h"
#include "fleetmodel.h"
#include "mainwindow.h"
#include "promotionwindow.h"

void MainWindow::showPromotion()
{
    if (!m_promotionWindow) {
        m_promotionWindow = new PromotionWindow(m_fleetModel, m_argoCd->model(), this);
        m_promotionWindow->setSettings(m_promotion);
        connect(m_promotionWindow, &PromotionWindow::workloadActivated, this,
                [this](const QString &environment, const QString &ns, const QString &name) {
                    selectWorkload(environment, ns, name);
                    show();
                    raise();
                    activateWindow();
                });
        connect(m_promotionWindow, &PromotionWindow::applicationActivated, this,
                [this](const QString &key) { m_argoCd->showApplication(this, key); });
        // Over the main window, not at a corner of the screen where a window manager is
        // missing or puts new windows.
        m_promotionWindow->move(geometry().center() - m_promotionWindow->rect().center());
    }
    m_promotionWindow->show();
    m_promotionWindow->raise();
    m_promotionWindow->activateWindow();
}

void MainWindow::setPromotion(const PromotionSettings &settings)
{
    m_promotion = settings;
    if (m_promotionWindow)
        m_promotionWindow->setSettings(settings);
}
