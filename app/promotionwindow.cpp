// SPDX-License-Identifier: GPL-3.0-or-later
#include "promotionwindow.h"

#include "promotiondelegate.h"
#include "promotionmodel.h"
#include "promotionview.h"

#include <QLabel>
#include <QVBoxLayout>

namespace {

QString coloured(const QColor &colour, const QString &text)
{
    return QStringLiteral("<span style=\"color:%1\">%2</span>")
        .arg(colour.name(), text.toHtmlEscaped());
}

} // namespace

PromotionWindow::PromotionWindow(FleetModel *fleet, ApplicationsModel *applications,
                                 QWidget *parent) :
    QWidget(parent, Qt::Window),
    m_model(new PromotionModel(fleet, applications, this)),
    m_view(new PromotionView(m_model, this))
{
    setObjectName(QStringLiteral("promotionWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Promotion — Release Dashboard"));
    resize(1180, 720);
    auto *legend = new QLabel(this);
    legend->setObjectName(QStringLiteral("promotionLegend"));
    legend->setWordWrap(true);
    legend->setText(
        tr("Each cell: the version (→ the canary's while one runs), Argo CD's ✓ synced "
           "or ⟳ out of sync, the status and the gates; a canary's ✓, ✕ or ? and an "
           "environment: whether its version passed its load tests and chaos experiments "
           "there, failed them, or has none. %1 · %2 · %3 · %4. "
           "Double-click or Enter opens it.")
            .arg(coloured(PromotionDelegate::aheadColour(), tr("▶ ahead of the next environment")),
                 coloured(PromotionDelegate::aheadColour(), tr("blue: behind the previous one")),
                 coloured(PromotionDelegate::failureColour(), tr("red: failed or aborted")),
                 coloured(PromotionDelegate::waitingColour(), tr("amber: waiting for a person"))));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(legend);
    layout->addWidget(m_view, 1);
    connect(m_view, &PromotionView::workloadActivated, this, &PromotionWindow::workloadActivated);
    connect(m_view, &PromotionView::applicationActivated, this,
            &PromotionWindow::applicationActivated);
}

void PromotionWindow::setSettings(const PromotionSettings &settings)
{
    m_model->setSettings(settings);
    m_model->applyPendingChanges();
}
