// SPDX-License-Identifier: GPL-3.0-or-later
#include "applicationsview.h"

#include "applicationsmodel.h"
#include "themecolours.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>
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
    m_detail(new QTextBrowser(this)),
    m_actionRow(new QHBoxLayout),
    m_actionMessage(new QLabel(this))
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
    m_actionMessage->setObjectName(QStringLiteral("applicationActionMessage"));
    m_actionMessage->setWordWrap(true);
    m_actionMessage->setTextFormat(Qt::PlainText);
    m_actionMessage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_actionMessage->hide();
    // The operations sit right above what they act on: the selected application's detail.
    auto *lower = new QWidget(this);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    m_actionRow->addStretch(1);
    lowerLayout->addLayout(m_actionRow);
    lowerLayout->addWidget(m_actionMessage);
    lowerLayout->addWidget(m_detail, 1);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(lower);
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

void ApplicationsView::setActions(const QList<QAction *> &actions)
{
    for (QAction *action : actions) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        QString name = action->objectName();
        name.replace(QLatin1String("Action"), QLatin1String("Button"));
        button->setObjectName(name);
        m_actionRow->insertWidget(m_actionRow->count() - 1, button);
        // The context menu acts on the row under the cursor, which a right click selects.
        m_table->addAction(action);
    }
}

void ApplicationsView::setActionMessage(const QString &text, bool isError)
{
    QPalette palette = m_actionMessage->palette();
    palette.setColor(QPalette::WindowText,
                     isError ? ThemeColours::foreground(QColor(0xc6, 0x28, 0x28))
                             : this->palette().color(QPalette::WindowText));
    m_actionMessage->setPalette(palette);
    m_actionMessage->setText(text);
    m_actionMessage->setVisible(!text.isEmpty());
}

QString ApplicationsView::actionMessage() const
{
    return m_actionMessage->text();
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
