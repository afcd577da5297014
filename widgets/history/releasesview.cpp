// SPDX-License-Identifier: GPL-3.0-or-later
#include "releasesview.h"

#include "deliveryfiguresstrip.h"
#include "messagebanner.h"
#include "releasefilterbar.h"
#include "releasefilterproxy.h"
#include "releaselistmodel.h"
#include "releaseoutcomestyle.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace {

// The outcome column's symbol beside its text: the model says the outcome, the widget
// layer owns how it is drawn (as PhaseStyle does for the fleet).
class OutcomeDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const final
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const auto outcome = ReleaseOutcome(index.data(ReleaseListModel::OutcomeRole).toInt());
        option->icon = ReleaseOutcomeStyle::icon(outcome);
        option->features |= QStyleOptionViewItem::HasDecoration;
        option->decorationSize = QSize(14, 14);
    }
};

} // namespace

ReleasesView::ReleasesView(QWidget *parent) :
    QWidget(parent),
    m_banner(new MessageBanner(this)),
    m_filterBar(new ReleaseFilterBar(this)),
    m_strip(new DeliveryFiguresStrip(this)),
    m_table(new QTableView(this)),
    m_compare(new QPushButton(tr("Compare with Previous"), this)),
    m_report(new QPushButton(tr("Export Report…"), this)),
    m_model(new ReleaseListModel(this)),
    m_proxy(new ReleaseFilterProxy(this))
{
    m_banner->setObjectName(QStringLiteral("releasesBanner"));
    m_filterBar->setObjectName(QStringLiteral("releaseFilterBar"));
    m_proxy->setSourceModel(m_model);
    setUpTable();

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(6);
    layout->addWidget(m_banner);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_strip);
    layout->addWidget(m_table, 1);
    layout->addWidget(makeButtonRow());

    connect(m_filterBar, &ReleaseFilterBar::filterChanged, this, &ReleasesView::applyFilter);
    // Figures follow the rows shown: filtering, new answers and in-place changes alike.
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &ReleasesView::updateFigures);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ReleasesView::updateFigures);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, &ReleasesView::updateFigures);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &ReleasesView::updateFigures);
    m_proxy->setFilter(m_filterBar->filter());
    updateFigures();
    updateButtons();
}

void ReleasesView::setUpTable()
{
    m_table->setObjectName(QStringLiteral("releasesTable"));
    m_table->setModel(m_proxy);
    m_table->setItemDelegateForColumn(ReleaseListModel::OutcomeColumn,
                                      new OutcomeDelegate(m_table));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ReleaseListModel::StartedColumn, Qt::DescendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->installEventFilter(this);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        emit releaseActivated(index.data(ReleaseListModel::SummaryRole).value<ReleaseSummary>());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ReleasesView::updateButtons);
}

QWidget *ReleasesView::makeButtonRow()
{
    m_compare->setObjectName(QStringLiteral("compareButton"));
    m_compare->setToolTip(tr("Compare the selected release with the workload's release before it"));
    m_report->setObjectName(QStringLiteral("reportButton"));
    m_report->setToolTip(tr("Export a report of the selected release"));
    connect(m_compare, &QPushButton::clicked, this,
            [this] { emit compareRequested(currentRelease()); });
    connect(m_report, &QPushButton::clicked, this,
            [this] { emit reportRequested(currentRelease()); });
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addStretch(1);
    layout->addWidget(m_compare);
    layout->addWidget(m_report);
    return row;
}

void ReleasesView::setReleases(const QList<ReleaseSummary> &releases)
{
    const bool wasEmpty = m_model->rowCount() == 0;
    // One computation of the figures for the whole answer, not one per changed row.
    m_applying = true;
    m_model->setReleases(releases);
    m_applying = false;
    // Fit the columns to the first rows shown; later answers keep the widths a person set.
    if (wasEmpty && m_model->rowCount() > 0)
        m_table->resizeColumnsToContents();
    updateFigures();
}

void ReleasesView::setEnvironments(const QStringList &environments)
{
    m_filterBar->setEnvironments(environments);
}

void ReleasesView::setNamespaces(const QStringList &namespaces)
{
    m_filterBar->setNamespaces(namespaces);
}

void ReleasesView::setMessage(const QString &message)
{
    if (message.isEmpty())
        m_banner->clearMessage();
    else
        m_banner->showMessage(message, MessageBanner::Type::Warning);
}

ReleaseFilter ReleasesView::filter() const
{
    return m_filterBar->filter();
}

ReleaseSummary ReleasesView::currentRelease() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return ReleaseSummary();
    return rows.constFirst().data(ReleaseListModel::SummaryRole).value<ReleaseSummary>();
}

bool ReleasesView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        const QModelIndex current = m_table->currentIndex();
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && current.isValid()) {
            emit releaseActivated(
                current.data(ReleaseListModel::SummaryRole).value<ReleaseSummary>());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ReleasesView::applyFilter(const ReleaseFilter &filter)
{
    m_proxy->setFilter(filter);
    updateFigures();
    emit filterChanged(filter);
}

void ReleasesView::updateFigures()
{
    if (m_applying)
        return;
    const ReleaseFilter filter = m_proxy->filter();
    // Every loaded release is context: the older release a shown one rolls back to, or the
    // promotion that recovered a shown abort, may be outside the period or filtered out.
    m_figures = computeDeliveryFigures(m_proxy->visibleReleases(), filter.since,
                                       m_filterBar->periodEnd(), m_model->releases());
    m_strip->setFigures(m_figures.total);
}

void ReleasesView::updateButtons()
{
    const bool selected = m_table->selectionModel()->hasSelection();
    m_compare->setEnabled(selected);
    m_report->setEnabled(selected);
}
