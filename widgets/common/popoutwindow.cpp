// SPDX-License-Identifier: GPL-3.0-or-later
#include "popoutwindow.h"

#include <QCloseEvent>
#include <QVBoxLayout>

PopOutWindow::PopOutWindow(QWidget *part, const QString &title, std::function<void(QWidget *)> dock,
                           QWidget *mainWindow) :
    QWidget(mainWindow, Qt::Window), m_part(part), m_dock(std::move(dock))
{
    setObjectName(QStringLiteral("popOut-") + part->objectName());
    setWindowTitle(title);
    setAttribute(Qt::WA_DeleteOnClose);
    const QSize size = part->size().expandedTo(QSize(900, 600));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(part); // reparents it here
    part->show();
    resize(size);
}

PopOutWindow::~PopOutWindow()
{
    dockBack();
}

void PopOutWindow::closeEvent(QCloseEvent *event)
{
    dockBack();
    QWidget::closeEvent(event);
}

void PopOutWindow::dockBack()
{
    if (!m_part || !m_dock)
        return;
    const auto dock = std::exchange(m_dock, {});
    dock(m_part);
    emit docked();
}
