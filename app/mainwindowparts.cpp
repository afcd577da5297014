// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow's widgets put together: the environments beside the table and the detail, the
// banner above them, the first-run page in their place and the status bar below.
#include "mainwindow.h"

#include "connectionstatusbar.h"
#include "detailpane.h"
#include "environmentlistview.h"
#include "environmentmodel.h"
#include "filterbar.h"
#include "firstrunpage.h"
#include "fleettableview.h"
#include "messagebanner.h"

#include <QLabel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace {

QWidget *sidePanel(EnvironmentListView *list, QWidget *parent)
{
    auto *panel = new QWidget(parent);
    auto *title = new QLabel(MainWindow::tr("Environments"), panel);
    QFont font = title->font();
    font.setBold(true);
    title->setFont(font);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(8, 8, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(title);
    layout->addWidget(list, 1);
    panel->setMinimumWidth(170);
    return panel;
}

} // namespace

void MainWindow::createSplitters()
{
    auto *tableArea = new QWidget(this);
    auto *tableLayout = new QVBoxLayout(tableArea);
    tableLayout->setContentsMargins(8, 8, 8, 0);
    tableLayout->setSpacing(6);
    tableLayout->addWidget(m_filterBar);
    tableLayout->addWidget(m_table, 1);

    m_contentSplitter->setObjectName(QStringLiteral("contentSplitter"));
    m_contentSplitter->addWidget(tableArea);
    m_contentSplitter->addWidget(m_detail);
    // Extra height goes to the detail: the table only needs its rows.
    m_contentSplitter->setStretchFactor(0, 0);
    m_contentSplitter->setStretchFactor(1, 1);
    m_contentSplitter->setChildrenCollapsible(false);
    connect(m_contentSplitter, &QSplitter::splitterMoved, this,
            [this] { m_userSizedSplitter = true; });

    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->addWidget(sidePanel(m_environmentList, this));
    m_mainSplitter->addWidget(m_contentSplitter);
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setChildrenCollapsible(false);
    m_mainSplitter->setSizes({200, 1080});
    // The table above a detail tall enough for the steps, ReplicaSets and analysis.
    m_contentSplitter->setSizes({360, 370});
}

void MainWindow::createCentralWidget()
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *bannerBox = new QVBoxLayout;
    bannerBox->setContentsMargins(8, 8, 8, 0);
    bannerBox->addWidget(m_banner);
    layout->addLayout(bannerBox);
    m_firstRun = new FirstRunPage(this);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_mainSplitter);
    m_pages->addWidget(m_firstRun);
    layout->addWidget(m_pages, 1);
    connect(m_firstRun, &FirstRunPage::demoRequested, this, &MainWindow::demoRequested);
    connect(m_firstRun, &FirstRunPage::kubeconfigChosen, this, &MainWindow::kubeconfigChosen);
    connect(m_banner, &MessageBanner::actionTriggered, this,
            &MainWindow::chooseEnvironmentsRequested);
    setCentralWidget(central);
}

void MainWindow::createStatusBar()
{
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setContentsMargins(6, 0, 0, 0);
    statusBar()->addWidget(m_summary, 1);
    statusBar()->addPermanentWidget(m_connectionStatus);
    m_connectionStatus->setModel(m_environmentModel);
}
