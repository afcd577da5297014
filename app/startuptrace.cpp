// SPDX-License-Identifier: GPL-3.0-or-later
#include "startuptrace.h"

#include "environmentmodel.h"
#include "mainwindow.h"

#include <QElapsedTimer>
#include <QEvent>
#include <QWindow>

Q_LOGGING_CATEGORY(lcStartup, "release-dashboard.startup", QtWarningMsg)

namespace {

QElapsedTimer &sinceMain()
{
    static QElapsedTimer timer;
    return timer;
}

// Lives as the window's child: sees its first exposure and the environments' first Live.
class StartupWatcher : public QObject
{
public:
    explicit StartupWatcher(MainWindow *window) : QObject(window), m_window(window)
    {
        const EnvironmentModel *environments = window->environmentModel();
        connect(environments, &EnvironmentModel::dataChanged, this, &StartupWatcher::checkLive);
        if (QWindow *handle = window->windowHandle())
            handle->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Expose && !m_exposed
            && static_cast<QWindow *>(watched)->isExposed()) {
            m_exposed = true;
            StartupTrace::mark("window exposed");
        }
        return QObject::eventFilter(watched, event);
    }

private:
    void checkLive()
    {
        const EnvironmentModel *environments = m_window->environmentModel();
        int live = 0;
        for (int row = 0; row < environments->rowCount(); ++row) {
            const QModelIndex index = environments->index(row);
            live += index.data(EnvironmentModel::StateRole).toInt() == ConnectionState::Live;
        }
        if (live > 0 && !m_firstLive) {
            m_firstLive = true;
            StartupTrace::mark("first environment live");
        }
        if (live > 0 && live == environments->rowCount() && !m_allLive) {
            m_allLive = true;
            StartupTrace::mark("all environments live");
        }
    }

    MainWindow *m_window;
    bool m_exposed = false;
    bool m_firstLive = false;
    bool m_allLive = false;
};

} // namespace

void StartupTrace::begin()
{
    sinceMain().start();
}

void StartupTrace::mark(const char *milestone)
{
    if (lcStartup().isInfoEnabled())
        qCInfo(lcStartup, "%s after %lld ms", milestone, sinceMain().elapsed());
}

void StartupTrace::watch(MainWindow *window)
{
    if (lcStartup().isInfoEnabled())
        new StartupWatcher(window);
}
