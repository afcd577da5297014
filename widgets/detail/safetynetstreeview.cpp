// SPDX-License-Identifier: GPL-3.0-or-later
#include "safetynetstreeview.h"

#include <QDesktopServices>
#include <QHeaderView>
#include <QMouseEvent>
#include <QStyledItemDelegate>

namespace {

// A linked item in the palette's link colour, underlined, as a person expects a link to look
// (the palette's, so it reads in the dark theme too).
class LinkDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.column() != SafetyNetsModel::Item || SafetyNetsTreeView::linkOf(index).isEmpty())
            return;
        option->font.setUnderline(true);
        const QPalette &palette = option->widget ? option->widget->palette() : option->palette;
        option->palette.setColor(QPalette::Text, palette.color(QPalette::Link));
    }
};

} // namespace

SafetyNetsTreeView::SafetyNetsTreeView(QWidget *parent) :
    DetailTreeView(new SafetyNetsModel, parent),
    m_model(static_cast<SafetyNetsModel *>(sourceModel()))
{
    setObjectName(QStringLiteral("safetyNetsTree"));
    setHeaderHidden(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    // Messages and policy texts wrap rather than being cut: they say what is wrong.
    setUniformRowHeights(false);
    setWordWrap(true);
    setTextElideMode(Qt::ElideRight);
    setMouseTracking(true);
    setItemDelegate(new LinkDelegate(this));
    header()->setSectionResizeMode(SafetyNetsModel::Details, QHeaderView::Stretch);
    setColumnWidth(SafetyNetsModel::Item, digits(40));
    setColumnWidth(SafetyNetsModel::Canary, digits(16));
    setColumnWidth(SafetyNetsModel::Stable, digits(15));
    // Rows keep the height measured at their first layout; a wrapped message needs it measured
    // again when the stretching column changes width (the tab shown, the pane resized).
    connect(header(), &QHeaderView::sectionResized, this, [this](int column) {
        if (column == SafetyNetsModel::Details)
            scheduleDelayedItemsLayout();
    });
    connect(this, &QAbstractItemView::clicked, this, [this](const QModelIndex &index) {
        if (index.column() == SafetyNetsModel::Item)
            open(index);
    });
    connect(this, &QAbstractItemView::activated, this, &SafetyNetsTreeView::open);
}

QUrl SafetyNetsTreeView::linkOf(const QModelIndex &index)
{
    return QUrl(
        index.siblingAtColumn(SafetyNetsModel::Item).data(SafetyNetsModel::LinkRole).toString());
}

void SafetyNetsTreeView::mouseMoveEvent(QMouseEvent *event)
{
    const QModelIndex index = indexAt(event->position().toPoint());
    const bool onLink = index.column() == SafetyNetsModel::Item && !linkOf(index).isEmpty();
    if (onLink)
        viewport()->setCursor(Qt::PointingHandCursor);
    else
        viewport()->unsetCursor();
    DetailTreeView::mouseMoveEvent(event);
}

void SafetyNetsTreeView::open(const QModelIndex &index)
{
    const QUrl url = linkOf(index);
    // Only web pages: a report's link is the cluster's data, not something to run.
    if (url.isEmpty()
        || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return;
    QDesktopServices::openUrl(url);
    emit linkOpened(url);
}
