// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow's geometry: the first-start size, the table fitted to its rows, and the
// layout saved to and restored from QSettings.
#include "mainwindow.h"

#include "detailpane.h"
#include "filterbar.h"
#include "fleetfetcher.h"
#include "fleetfilterproxy.h"
#include "fleettableview.h"
#include "rolloutdetailview.h"

#include <QCloseEvent>
#include <QHeaderView>
#include <QScreen>
#include <QSettings>
#include <QSplitter>

#include <algorithm>

namespace {

const QString geometryKey = QStringLiteral("window/geometry");
const QString stateKey = QStringLiteral("window/state");
const QString mainSplitterKey = QStringLiteral("window/mainSplitter");
const QString contentSplitterKey = QStringLiteral("window/contentSplitter");
const QString tableKey = QStringLiteral("fleetTable/header");
const QString detailKey = QStringLiteral("rolloutDetail/layout");

} // namespace

void MainWindow::fitTableHeight()
{
    // Until the user moves the splitter (or restored a layout), the table is as tall as its
    // rows (at most 45 % of the height) and the detail gets the rest.
    if (m_contentSplitterRestored || m_userSizedSplitter)
        return;
    const int total = m_contentSplitter->height();
    if (total <= 0)
        return;
    const int rows = std::max(3, m_proxy->rowCount());
    const int rowHeight = m_table->verticalHeader()->defaultSectionSize();
    // Filter bar, header, margins and a half row that says "there is no more".
    const int chrome = m_filterBar->sizeHint().height() + m_table->horizontalHeader()->height()
        + 2 * m_table->frameWidth() + 14 + rowHeight / 2;
    const int wanted = std::min(rows * rowHeight + chrome, int(total * 0.45));
    const QList<int> sizes = m_contentSplitter->sizes();
    if (sizes.size() == 2 && sizes.first() != wanted)
        m_contentSplitter->setSizes({wanted, total - wanted});
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    fitTableHeight();
}

void MainWindow::restoreSettings()
{
    const QSettings settings;
    if (!restoreGeometry(settings.value(geometryKey).toByteArray())) {
        // First start: most of the screen (a dashboard is worth the room), at least what
        // 1280×800 shows when the screen has it.
        QSize size(1280, 800);
        if (const QScreen *screen = this->screen()) {
            const QSize available = screen->availableSize();
            size = (available * 0.92).expandedTo(size).boundedTo(available);
            move(screen->availableGeometry().center()
                 - QPoint(size.width() / 2, size.height() / 2));
        }
        resize(size);
    }
    m_contentSplitterRestored
        = m_contentSplitter->restoreState(settings.value(contentSplitterKey).toByteArray());
    restoreState(settings.value(stateKey).toByteArray());
    m_mainSplitter->restoreState(settings.value(mainSplitterKey).toByteArray());
    m_table->restoreLayout(settings.value(tableKey).toByteArray());
    m_detail->rolloutView()->restoreLayout(settings.value(detailKey).toByteArray());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(geometryKey, saveGeometry());
    settings.setValue(stateKey, saveState());
    settings.setValue(mainSplitterKey, m_mainSplitter->saveState());
    settings.setValue(contentSplitterKey, m_contentSplitter->saveState());
    settings.setValue(tableKey, m_table->saveLayout());
    settings.setValue(detailKey, m_detail->rolloutView()->saveLayout());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}
