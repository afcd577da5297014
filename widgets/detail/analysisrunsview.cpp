// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysisrunsview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QGuiApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QStyledItemDelegate>

#include <algorithm>

namespace {

// Quieter than the value but still easy to read (the disabled text colour is too faint for
// words a person must read): two thirds of the way from the background to the text.
QColor labelColour(const QPalette &palette)
{
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    const auto mix = [](int from, int to) { return from + (to - from) * 2 / 3; };
    return QColor(mix(base.red(), text.red()), mix(base.green(), text.green()),
                  mix(base.blue(), text.blue()));
}

// A definition row spans the columns; drawn as one string its values would start wherever
// their label ends. Here the label is muted and the value starts at the Phase column (or
// after the label, when the first column is narrower), so the definition reads as a table.
class DefinitionDelegate final : public QStyledItemDelegate
{
public:
    explicit DefinitionDelegate(QTreeView *tree) : QStyledItemDelegate(tree), m_tree(tree) { }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        const QString label = index.data(AnalysisRunsModel::LabelRole).toString();
        if (label.isEmpty()) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        // Background, selection and focus as for any item.
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
        // Inset as the style insets an item's text, so labels line up with the rows' names.
        const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
        const QRect text = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget)
                               .adjusted(margin, 0, -margin, 0);
        const QFontMetrics &metrics = opt.fontMetrics;
        const int gap = metrics.horizontalAdvance(QLatin1Char('0')) * 2;
        const int labelWidth = metrics.horizontalAdvance(label);
        const int valueLeft
            = std::max(text.left() + labelWidth + gap,
                       m_tree->header()->sectionViewportPosition(AnalysisRunsModel::Phase));
        const bool selected = opt.state & QStyle::State_Selected;
        const QPalette::ColorGroup group
            = opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
        painter->save();
        painter->setFont(opt.font);
        painter->setPen(selected ? opt.palette.color(group, QPalette::HighlightedText)
                                 : labelColour(opt.palette));
        const QRect labelRect(text.left(), text.top(), valueLeft - gap - text.left(),
                              text.height());
        painter->drawText(labelRect, Qt::AlignLeft | Qt::AlignVCenter,
                          metrics.elidedText(label, Qt::ElideRight, labelRect.width()));
        painter->setPen(
            opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
        const QRect valueRect(valueLeft, text.top(), text.right() - valueLeft, text.height());
        const QString value = index.data(AnalysisRunsModel::ValueRole).toString();
        painter->drawText(valueRect, Qt::AlignLeft | Qt::AlignVCenter,
                          metrics.elidedText(value, Qt::ElideRight, valueRect.width()));
        painter->restore();
    }

private:
    QTreeView *m_tree;
};

} // namespace

AnalysisRunsView::AnalysisRunsView(QWidget *parent) :
    DetailTreeView(new AnalysisRunsModel, parent),
    m_model(static_cast<AnalysisRunsModel *>(sourceModel()))
{
    setObjectName(QStringLiteral("analysisTree"));
    setUniformRowHeights(true);
    setTextElideMode(Qt::ElideRight);
    setItemDelegateForColumn(AnalysisRunsModel::Name, new DefinitionDelegate(this));
    header()->setSectionResizeMode(AnalysisRunsModel::Summary, QHeaderView::Stretch);
    setColumnWidth(AnalysisRunsModel::Name, digits(28));
    setColumnWidth(AnalysisRunsModel::Phase, digits(13));
    setColumnWidth(AnalysisRunsModel::Values, digits(20));
    setColumnWidth(AnalysisRunsModel::When, digits(11));
}

QModelIndex AnalysisRunsView::indexOfRun(const QString &name) const
{
    return fromSource(m_model->indexOfRun(name));
}

QModelIndex AnalysisRunsView::indexOfMetric(const QModelIndex &run, const QString &metric) const
{
    return fromSource(m_model->indexOfMetric(toSource(run), metric));
}

QModelIndex AnalysisRunsView::indexOfMessage(const QModelIndex &parent) const
{
    return fromSource(m_model->indexOfMessage(toSource(parent)));
}

QModelIndex AnalysisRunsView::indexOfDefinition(const QModelIndex &metric,
                                                AnalysisRunsModel::Definition part) const
{
    return fromSource(m_model->indexOfDefinition(toSource(metric), part));
}

QString AnalysisRunsView::copiedText(const QModelIndex &index)
{
    if (!index.isValid())
        return QString();
    // A spanned row (a message, a definition) shows, and copies, its first cell.
    const QModelIndex first = index.siblingAtColumn(0);
    const bool spanned = first.data(DetailRoles::FirstColumnSpannedRole).toBool();
    return (spanned ? first : index).data(AnalysisRunsModel::CopyRole).toString();
}

QString AnalysisRunsView::copiedRow(const QModelIndex &index)
{
    if (!index.isValid())
        return QString();
    // A spanned row is one cell: a message, or a definition as it reads ("Query: …"), whole.
    const QModelIndex first = index.siblingAtColumn(0);
    if (first.data(DetailRoles::FirstColumnSpannedRole).toBool()) {
        const QString label = first.data(AnalysisRunsModel::LabelRole).toString();
        return label.isEmpty() ? copiedText(index) : tr("%1: %2").arg(label, copiedText(index));
    }
    QStringList cells;
    for (int column = 0; column < index.model()->columnCount(index.parent()); ++column)
        cells.append(copiedText(index.siblingAtColumn(column)));
    return cells.join(QLatin1Char('\t'));
}

QMenu *AnalysisRunsView::contextMenu(const QModelIndex &index)
{
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    // The cells elide long queries and messages: copying gives them whole. A definition
    // names what is copied ("Copy Query").
    const QString label = index.siblingAtColumn(0).data(AnalysisRunsModel::LabelRole).toString();
    const QString cell = copiedText(index);
    QAction *copy = menu->addAction(label.isEmpty() ? tr("Copy") : tr("Copy %1").arg(label), this,
                                    [cell] { QGuiApplication::clipboard()->setText(cell); });
    copy->setObjectName(QStringLiteral("copyCell"));
    copy->setShortcut(QKeySequence::Copy);
    copy->setEnabled(!cell.isEmpty());
    // From a metric, its measurements and other definition rows: the query (or URL) to run
    // by hand, without finding its row first.
    const QModelIndex first = index.siblingAtColumn(0);
    QModelIndex request = indexOfDefinition(first, AnalysisRunsModel::Definition::Request);
    if (!request.isValid())
        request = indexOfDefinition(first.parent(), AnalysisRunsModel::Definition::Request);
    if (request.isValid() && request != first) {
        const QString query = copiedText(request);
        QAction *copyRequest = menu->addAction(
            tr("Copy %1").arg(request.data(AnalysisRunsModel::LabelRole).toString()), this,
            [query] { QGuiApplication::clipboard()->setText(query); });
        copyRequest->setObjectName(QStringLiteral("copyRequest"));
    }
    const QString row = copiedRow(index);
    QAction *copyRow = menu->addAction(tr("Copy Row"), this,
                                       [row] { QGuiApplication::clipboard()->setText(row); });
    copyRow->setObjectName(QStringLiteral("copyRow"));
    return menu;
}

void AnalysisRunsView::contextMenuEvent(QContextMenuEvent *event)
{
    const QModelIndex index = indexAt(event->pos());
    if (!index.isValid())
        return;
    setCurrentIndex(index);
    contextMenu(index)->popup(event->globalPos());
}

void AnalysisRunsView::keyPressEvent(QKeyEvent *event)
{
    // The current cell whole, as the menu's Copy.
    if (event->matches(QKeySequence::Copy) && currentIndex().isValid()) {
        QGuiApplication::clipboard()->setText(copiedText(currentIndex()));
        event->accept();
        return;
    }
    DetailTreeView::keyPressEvent(event);
}
