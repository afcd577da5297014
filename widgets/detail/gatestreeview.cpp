// SPDX-License-Identifier: GPL-3.0-or-later
#include "gatestreeview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QStyledItemDelegate>

namespace {

// A cell of two lines: the first in the cell's colour, the second muted, so the value reads
// first and its detail (where from, the worst point, the window) does not compete with it.
class TwoLineDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        // initStyleOption() has made the model's "\n" a line separator.
        const qsizetype cut = opt.text.indexOf(QChar::LineSeparator);
        if (cut < 0) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        const QString first = opt.text.left(cut);
        const QString second = opt.text.mid(cut + 1);
        opt.text.clear();
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        // Background, tint, selection, focus and symbol as for any item.
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
        const QRect text = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget)
                               .adjusted(2, 0, -2, 0); // the style's own text margin
        const QFontMetrics &metrics = opt.fontMetrics;
        const int lines = 2;
        const int top = text.top() + (text.height() - lines * metrics.height()) / 2;
        const bool selected = opt.state & QStyle::State_Selected;
        const QPalette::ColorGroup group
            = opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
        painter->save();
        painter->setFont(opt.font);
        painter->setPen(
            opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
        const QRect firstRect(text.left(), top, text.width(), metrics.height());
        painter->drawText(firstRect, Qt::AlignLeft | Qt::AlignVCenter,
                          metrics.elidedText(first, Qt::ElideRight, firstRect.width()));
        // The view's placeholder colour (opt.palette's text is the cell's tone in every group):
        // quieter than the value, yet readable on a tint, which the disabled grey is not.
        const QPalette &palette = widget ? widget->palette() : opt.palette;
        painter->setPen(selected ? opt.palette.color(group, QPalette::HighlightedText)
                                 : palette.color(QPalette::PlaceholderText));
        const QRect secondRect = firstRect.translated(0, metrics.height());
        painter->drawText(secondRect, Qt::AlignLeft | Qt::AlignVCenter,
                          metrics.elidedText(second, Qt::ElideRight, secondRect.width()));
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        // Room above and below the two lines: rows that touch read as one block of text.
        return QStyledItemDelegate::sizeHint(option, index) + QSize(0, rowPadding);
    }

private:
    static constexpr int rowPadding = 8;
};

} // namespace

GatesTreeView::GatesTreeView(QWidget *parent) :
    DetailTreeView(new GatesModel, parent), m_model(static_cast<GatesModel *>(sourceModel()))
{
    setObjectName(QStringLiteral("gatesTree"));
    setRootIsDecorated(false);
    setItemsExpandable(false);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    // Rows are two lines (the Gate column's second line says where it comes from); a long
    // reason or an analysis' conditions wrap onto more rather than being cut.
    setUniformRowHeights(false);
    setWordWrap(true);
    setTextElideMode(Qt::ElideRight);
    setItemDelegate(new TwoLineDelegate(this));
    header()->setSectionResizeMode(GatesModel::Why, QHeaderView::Stretch);
    // The reason gets what is left (in a 960 px panel, about a third): it says what to do.
    setColumnWidth(GatesModel::Gate, digits(18));
    setColumnWidth(GatesModel::Outcome, digits(14));
    setColumnWidth(GatesModel::Canary, digits(11));
    setColumnWidth(GatesModel::Stable, digits(12));
    setColumnWidth(GatesModel::Bound, digits(19));
    setColumnWidth(GatesModel::Window, digits(14));
}

QString GatesTreeView::copiedRow(const QModelIndex &index)
{
    if (!index.isValid())
        return QString();
    QStringList cells;
    for (int column = 0; column < GatesModel::ColumnCount; ++column)
        cells.append(index.siblingAtColumn(column).data(GatesModel::CopyRole).toString());
    return cells.join(QLatin1Char('\t'));
}

QMenu *GatesTreeView::contextMenu(const QModelIndex &index)
{
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const auto add = [&](const QString &label, const char *name, const QString &text) {
        QAction *action
            = menu->addAction(label, this, [text] { QGuiApplication::clipboard()->setText(text); });
        action->setObjectName(QLatin1String(name));
        action->setEnabled(!text.isEmpty());
        return action;
    };
    add(tr("Copy"), "copyCell", index.data(GatesModel::CopyRole).toString())
        ->setShortcut(QKeySequence::Copy);
    // The queries as sent, to paste into Prometheus: the cells show them only in tooltips.
    add(tr("Copy Query"), "copyQuery", index.data(GatesModel::QueryRole).toString());
    const QString stable = index.data(GatesModel::StableQueryRole).toString();
    if (!stable.isEmpty())
        add(tr("Copy Stable Query"), "copyStableQuery", stable);
    add(tr("Copy Row"), "copyRow", copiedRow(index));
    return menu;
}

void GatesTreeView::contextMenuEvent(QContextMenuEvent *event)
{
    const QModelIndex index = indexAt(event->pos());
    if (!index.isValid())
        return;
    setCurrentIndex(index);
    contextMenu(index)->popup(event->globalPos());
}

void GatesTreeView::keyPressEvent(QKeyEvent *event)
{
    // The current cell whole, as the menu's Copy.
    if (event->matches(QKeySequence::Copy) && currentIndex().isValid()) {
        QGuiApplication::clipboard()->setText(currentIndex().data(GatesModel::CopyRole).toString());
        event->accept();
        return;
    }
    DetailTreeView::keyPressEvent(event);
}
