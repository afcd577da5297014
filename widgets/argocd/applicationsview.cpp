// SPDX-License-Identifier: GPL-3.0-or-later
#include "applicationsview.h"

#include "applicationsmodel.h"
#include "themecolours.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace {

// Text over every column, and optionally only the applications that need someone.
class ApplicationsFilter final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setAttentionOnly(bool only)
    {
        m_attentionOnly = only;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const final
    {
        const QModelIndex first = sourceModel()->index(row, 0, parent);
        if (m_attentionOnly && !first.data(ApplicationsModel::NeedsAttentionRole).toBool())
            return false;
        return QSortFilterProxyModel::filterAcceptsRow(row, parent);
    }

private:
    bool m_attentionOnly = false;
};

} // namespace

ApplicationsView::ApplicationsView(ApplicationsModel *model, QWidget *parent) :
    QWidget(parent),
    m_model(model),
    m_proxy(new ApplicationsFilter(this)),
    m_filter(new QLineEdit(this)),
    m_attentionOnly(new QCheckBox(tr("Needs attention only"), this)),
    m_servers(new QLabel(this)),
    m_table(new QTableView(this)),
    m_detail(new QTextBrowser(this))
{
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(ApplicationsModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setPlaceholderText(
        tr("Filter applications (name, project, sync, health, revision…)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setObjectName(QStringLiteral("applicationsFilter"));
    m_servers->setObjectName(QStringLiteral("argoCdServers"));
    m_servers->setWordWrap(true);

    m_table->setObjectName(QStringLiteral("applicationsTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ApplicationsModel::EnvironmentColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_detail->setObjectName(QStringLiteral("applicationDetail"));
    m_detail->setOpenLinks(false);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_attentionOnly);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_servers);
    layout->addWidget(splitter, 1);

    connect(m_filter, &QLineEdit::textChanged, this, &ApplicationsView::applyFilter);
    connect(m_attentionOnly, &QCheckBox::toggled, this, &ApplicationsView::applyFilter);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { emit currentApplicationChanged(currentApplication()); });
    // Columns fit their text once the first applications are in.
    connect(model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_model->rowCount() <= 64)
            fitColumns();
    });
    fitColumns();
}

void ApplicationsView::fitColumns()
{
    m_table->resizeColumnsToContents();
    // A long commit subject or repository URL keeps its tooltip; the table stays readable.
    const int widest = qMax(240, fontMetrics().averageCharWidth() * 48);
    for (int column = 0; column < m_proxy->columnCount(); ++column)
        m_table->setColumnWidth(column, qMin(m_table->columnWidth(column), widest));
}

void ApplicationsView::applyFilter()
{
    m_proxy->setFilterFixedString(m_filter->text());
    static_cast<ApplicationsFilter *>(m_proxy)->setAttentionOnly(m_attentionOnly->isChecked());
}

void ApplicationsView::setServerSummary(const QString &text, bool problem)
{
    m_servers->setText(text);
    QPalette palette = m_servers->palette();
    palette.setColor(QPalette::WindowText,
                     problem ? ThemeColours::foreground(QColor(0xc6, 0x28, 0x28))
                             : this->palette().color(QPalette::WindowText));
    m_servers->setPalette(palette);
}

void ApplicationsView::setDetailHtml(const QString &html)
{
    m_detail->setHtml(html);
}

ArgoApplication ApplicationsView::currentApplication() const
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return ArgoApplication();
    return current.data(ApplicationsModel::ApplicationRole).value<ArgoApplication>();
}

void ApplicationsView::selectApplication(const QString &key)
{
    const int row = m_model->rowOf(key);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
}
