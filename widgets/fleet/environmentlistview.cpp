// SPDX-License-Identifier: GPL-3.0-or-later
#include "environmentlistview.h"

#include "environmentdelegate.h"
#include "environmentmodel.h"

#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QMouseEvent>

EnvironmentListView::EnvironmentListView(QWidget *parent) : QListView(parent)
{
    setObjectName(QStringLiteral("environmentList"));
    setItemDelegate(new EnvironmentDelegate(this));
    setSelectionMode(QAbstractItemView::SingleSelection);
    // Rows grow by a line while an environment has a problem to explain.
    setUniformItemSizes(false);
    setMouseTracking(true);
    setFrameShape(QFrame::NoFrame);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
}

void EnvironmentListView::setModel(QAbstractItemModel *model)
{
    QListView::setModel(model);
    connect(selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { emit environmentSelected(selectedEnvironment()); });
}

QString EnvironmentListView::selectedEnvironment() const
{
    if (!selectionModel())
        return QString();
    const QModelIndexList rows = selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(EnvironmentModel::NameRole).toString();
}

void EnvironmentListView::selectEnvironment(const QString &name)
{
    if (!model() || !selectionModel())
        return;
    for (int row = 0; row < model()->rowCount(); ++row) {
        const QModelIndex index = model()->index(row, 0);
        if (!name.isEmpty() && index.data(EnvironmentModel::NameRole).toString() == name) {
            selectionModel()->select(index, QItemSelectionModel::ClearAndSelect);
            setCurrentIndex(index);
            return;
        }
    }
    selectionModel()->clearSelection();
}

void EnvironmentListView::dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                      const QList<int> &roles)
{
    QListView::dataChanged(topLeft, bottomRight, roles);
    // A reason appearing or going changes the row's height; QListView only repaints.
    scheduleDelayedItemsLayout();
}

void EnvironmentListView::mousePressEvent(QMouseEvent *event)
{
    const QModelIndex index = indexAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && selectionModel()
        && (!index.isValid() || selectionModel()->isSelected(index))) {
        // A click on the selected environment (or on empty space) shows them all again.
        selectionModel()->clearSelection();
        event->accept();
        return;
    }
    QListView::mousePressEvent(event);
}

void EnvironmentListView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && selectionModel()) {
        selectionModel()->clearSelection();
        event->accept();
        return;
    }
    QListView::keyPressEvent(event);
}
