// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

#include <functional>

// A part of the main window shown in a window of its own (the detail on a second screen,
// the charts large): the part is moved in, and moved back by `dock` when the window closes.
// The part keeps working as before (same object, same connections).
class PopOutWindow : public QWidget
{
    Q_OBJECT

public:
    // Takes `part` out of where it is; `dock` puts it back (called on close).
    PopOutWindow(QWidget *part, const QString &title, std::function<void(QWidget *)> dock,
                 QWidget *mainWindow);
    ~PopOutWindow() override;

    QWidget *part() const { return m_part; }

signals:
    void docked();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void dockBack();

    QPointer<QWidget> m_part;
    std::function<void(QWidget *)> m_dock;
};
