// SPDX-License-Identifier: GPL-3.0-or-later
#include "fleettableview.h"

#include "elidedtooltipdelegate.h"
#include "environmentchipdelegate.h"
#include "fleetmodel.h"
#include "imagesdelegate.h"
#include "replicasdelegate.h"
#include "statusdelegate.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>

#include <algorithm>
#include <iterator>

FleetTableView::FleetTableView(QWidget *parent) :
    QTableView(parent), m_environmentDelegate(new EnvironmentChipDelegate(this))
{
    setObjectName(QStringLiteral("fleetTable"));
    setSortingEnabled(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAlternatingRowColors(true);
    setShowGrid(false);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setItemDelegate(new ElidedToolTipDelegate(this));
    setItemDelegateForColumn(FleetModel::StatusColumn, new StatusDelegate(this));
    setItemDelegateForColumn(FleetModel::EnvironmentColumn, m_environmentDelegate);
    setItemDelegateForColumn(FleetModel::ReplicasColumn, new ReplicasDelegate(this));
    setItemDelegateForColumn(FleetModel::ImagesColumn, new ImagesDelegate(this));

    verticalHeader()->hide();
    // Rows a little taller than the font: easier to scan, still dense.
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    horizontalHeader()->setSectionsMovable(true);
    // The images column is moved last and takes what is left: no horizontal scrolling at
    // 1280 px.
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setMinimumSectionSize(40);
    horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(horizontalHeader(), &QWidget::customContextMenuRequested, this,
            &FleetTableView::showColumnMenu);
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QWidget::customContextMenuRequested, this, &FleetTableView::showRowMenu);
}

void FleetTableView::showRowMenu(const QPoint &pos)
{
    const QModelIndex index = indexAt(pos);
    if (!index.isValid())
        return;
    // The menu acts on the row under the mouse, so that row is the selection (and the
    // detail) before any entry can be chosen.
    if (!selectionModel()->isRowSelected(index.row(), QModelIndex()))
        selectRow(index.row());
    emit rowMenuRequested(index, viewport()->mapToGlobal(pos));
}

void FleetTableView::fitNamesToContents()
{
    QHeaderView *header = horizontalHeader();
    if (!model() || header->count() < FleetModel::ColumnCount)
        return;
    // Every row, not only the visible ones (sizeHintForColumn measures what is on screen),
    // up to a bound that keeps a 5,000-row fleet cheap.
    const int cap = 48 * fontMetrics().averageCharWidth();
    const int rows = std::min(model()->rowCount(), 3000);
    const QFontMetrics metrics(font());
    for (int column : {int(FleetModel::NamespaceColumn), int(FleetModel::NameColumn),
                       int(FleetModel::StrategyColumn)}) {
        int widest = 0;
        for (int row = 0; row < rows; ++row)
            widest = std::max(
                widest, metrics.horizontalAdvance(model()->index(row, column).data().toString()));
        const int wanted = std::min(cap, widest + 18);
        if (header->sectionSize(column) < wanted)
            header->resizeSection(column, wanted);
    }
    // The status: the situation in bold after the attention marker and the phase symbol
    // (StatusDelegate), so "Waiting for promotion at step 2 of 4" is read whole.
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    int widest = 0;
    for (int row = 0; row < rows; ++row)
        widest = std::max(widest,
                          boldMetrics.horizontalAdvance(model()
                                                            ->index(row, FleetModel::StatusColumn)
                                                            .data(FleetModel::SituationRole)
                                                            .toString()));
    const int status
        = std::min(64 * fontMetrics().averageCharWidth(), widest + 2 * (metrics.height() + 6) + 16);
    if (header->sectionSize(FleetModel::StatusColumn) < status)
        header->resizeSection(FleetModel::StatusColumn, status);
}

void FleetTableView::setEmptyText(const QString &text)
{
    if (text == m_emptyText)
        return;
    m_emptyText = text;
    viewport()->update();
}

QString FleetTableView::selectedRowText() const
{
    const QModelIndexList rows
        = selectionModel() ? selectionModel()->selectedRows() : QModelIndexList();
    if (rows.isEmpty())
        return QString();
    const QHeaderView *header = horizontalHeader();
    QStringList cells;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        if (header->isSectionHidden(column))
            continue;
        cells.append(rows.first().siblingAtColumn(column).data().toString());
    }
    return cells.join(QLatin1Char('\t'));
}

void FleetTableView::keyPressEvent(QKeyEvent *event)
{
    // The row, not one cell: what a person pastes into a ticket or a chat.
    if (event->matches(QKeySequence::Copy)) {
        const QString text = selectedRowText();
        if (!text.isEmpty())
            QGuiApplication::clipboard()->setText(text);
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

void FleetTableView::paintEvent(QPaintEvent *event)
{
    QTableView::paintEvent(event);
    if (m_emptyText.isEmpty() || !model() || model()->rowCount() > 0)
        return;
    QPainter painter(viewport());
    QColor colour = palette().color(QPalette::Text);
    colour.setAlphaF(0.6);
    painter.setPen(colour);
    painter.drawText(viewport()->rect().adjusted(24, 24, -24, -24),
                     Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, m_emptyText);
}

void FleetTableView::showColumnMenu(const QPoint &pos)
{
    QHeaderView *header = horizontalHeader();
    QMenu menu(this);
    menu.setTitle(tr("Columns"));
    for (int column = 0; column < header->count(); ++column) {
        QAction *action = menu.addAction(
            model()->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        // The last visible column cannot be hidden: the table would be empty.
        action->setEnabled(header->isSectionHidden(column)
                           || header->hiddenSectionCount() + 1 < header->count());
        connect(action, &QAction::toggled, header,
                [header, column](bool on) { header->setSectionHidden(column, !on); });
    }
    menu.exec(header->mapToGlobal(pos));
}

void FleetTableView::applyDefaultLayout()
{
    QHeaderView *header = horizontalHeader();
    if (!model() || header->count() < FleetModel::ColumnCount)
        return;
    // Widths in average characters so they follow the font (CJK text fits too), never
    // narrower than the header text with its sort arrow.
    const int ch = fontMetrics().averageCharWidth();
    struct Width
    {
        int column;
        int chars;
    };
    static const Width widths[] = {
        {FleetModel::EnvironmentColumn, 8}, {FleetModel::NamespaceColumn, 9},
        {FleetModel::NameColumn, 17},       {FleetModel::KindColumn, 10},
        {FleetModel::StrategyColumn, 12},   {FleetModel::StatusColumn, 40},
        {FleetModel::StepColumn, 4},        {FleetModel::WeightColumn, 7},
        {FleetModel::RevisionColumn, 4},    {FleetModel::ImagesColumn, 12},
        {FleetModel::ReplicasColumn, 7},    {FleetModel::AgeColumn, 4},
        {FleetModel::GatesColumn, 7},       {FleetModel::ArgoCdColumn, 13},
        {FleetModel::SafetyNetsColumn, 26},
    };
    const QFontMetrics headerMetrics(header->font());
    for (const Width &w : widths) {
        const QString title = model()->headerData(w.column, Qt::Horizontal).toString();
        header->resizeSection(
            w.column, std::max(w.chars * ch + 16, headerMetrics.horizontalAdvance(title) + 30));
    }
    // Visual order: what identifies a workload, its state, then the images (last, stretched).
    const int order[]
        = {FleetModel::EnvironmentColumn, FleetModel::NamespaceColumn,  FleetModel::NameColumn,
           FleetModel::StrategyColumn,    FleetModel::StatusColumn,     FleetModel::GatesColumn,
           FleetModel::ArgoCdColumn,      FleetModel::SafetyNetsColumn, FleetModel::StepColumn,
           FleetModel::WeightColumn,      FleetModel::ReplicasColumn,   FleetModel::AgeColumn,
           FleetModel::RevisionColumn,    FleetModel::KindColumn,       FleetModel::ImagesColumn};
    for (int visual = 0; visual < int(std::size(order)); ++visual)
        header->moveSection(header->visualIndex(order[visual]), visual);
    // Kind and revision are rarely needed at a glance; the header's context menu shows them.
    header->setSectionHidden(FleetModel::KindColumn, true);
    header->setSectionHidden(FleetModel::RevisionColumn, true);
    // The safety nets are read for canaries only, every two minutes: asked for, not imposed.
    header->setSectionHidden(FleetModel::SafetyNetsColumn, true);
    sortByColumn(FleetModel::EnvironmentColumn, Qt::AscendingOrder);
}

void FleetTableView::setEnvironmentColours(const QHash<QString, QColor> &colours)
{
    m_environmentDelegate->setColours(colours);
    viewport()->update();
}

void FleetTableView::fitEnvironmentNames(const QStringList &names)
{
    QHeaderView *header = horizontalHeader();
    if (header->count() <= FleetModel::EnvironmentColumn)
        return;
    int widest = 0;
    for (const QString &name : names)
        widest = std::max(widest, fontMetrics().horizontalAdvance(name));
    // Cell padding and the colour marker of EnvironmentChipDelegate.
    const int needed = widest + 30;
    if (header->sectionSize(FleetModel::EnvironmentColumn) < needed)
        header->resizeSection(FleetModel::EnvironmentColumn, needed);
}

QByteArray FleetTableView::saveLayout() const
{
    return horizontalHeader()->saveState();
}

bool FleetTableView::restoreLayout(const QByteArray &state)
{
    return !state.isEmpty() && horizontalHeader()->restoreState(state);
}
