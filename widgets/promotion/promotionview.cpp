// SPDX-License-Identifier: GPL-3.0-or-later
#include "promotionview.h"

#include "promotiondelegate.h"
#include "promotionmodel.h"

#include <QHeaderView>
#include <QKeyEvent>

PromotionView::PromotionView(PromotionModel *model, QWidget *parent) : QTableView(parent)
{
    setObjectName(QStringLiteral("promotionTable"));
    setModel(model);
    setItemDelegate(new PromotionDelegate(this));
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSelectionBehavior(QAbstractItemView::SelectItems);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setWordWrap(false);
    setMouseTracking(true);
    verticalHeader()->hide();
    // Every row is two lines high: a fixed size, so thousands of rows cost no measuring.
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(2 * fontMetrics().height() + 18);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    horizontalHeader()->setMinimumSectionSize(15 * fontMetrics().height());
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    const auto fitNames = [this] {
        horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
        resizeColumnToContents(0);
        setColumnWidth(0, std::max(columnWidth(0) + 16, 12 * fontMetrics().height()));
    };
    connect(model, &QAbstractItemModel::modelReset, this, fitNames);
    connect(model, &QAbstractItemModel::rowsInserted, this, fitNames);
    fitNames();
    connect(this, &QAbstractItemView::doubleClicked, this,
            [this](const QModelIndex &index) { activate(index); });
}

bool PromotionView::activate(const QModelIndex &index)
{
    if (!index.isValid() || index.column() == 0
        || !index.data(PromotionModel::DeployedRole).toBool())
        return false;
    const QStringList workload = index.data(PromotionModel::WorkloadRole).toStringList();
    if (workload.size() == 3) {
        emit workloadActivated(workload.at(0), workload.at(1), workload.at(2));
        return true;
    }
    const QString key = index.data(PromotionModel::ApplicationKeyRole).toString();
    if (key.isEmpty())
        return false;
    emit applicationActivated(key);
    return true;
}

void PromotionView::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        && activate(currentIndex())) {
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}
