// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The main window's parts as a user-facing test finds them: by the object name each gets
// where it is made (MainWindow's constructor, or the widget's own). MainWindow composes them
// and hands none out. Each function takes the window as a pointer, a reference or the
// unique_ptr the tests hold.

#include "connectionstatusbar.h"
#include "detailpane.h"
#include "environmentlistview.h"
#include "filterbar.h"
#include "firstrunpage.h"
#include "fleetfilterproxy.h"
#include "fleettableview.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "metricscontroller.h"
#include "rolloutdetailcontroller.h"
#include <memory>
#include <QSplitter>

inline const MainWindow *windowOf(const MainWindow *window)
{
    return window;
}
inline const MainWindow *windowOf(const MainWindow &window)
{
    return &window;
}
inline const MainWindow *windowOf(const std::unique_ptr<MainWindow> &window)
{
    return window.get();
}

// The part named objectName; a window without it is a broken test setup, so it ends the run.
template<typename T, typename Window> T *windowPart(const Window &window, const char *objectName)
{
    T *part = windowOf(window)->template findChild<T *>(QLatin1String(objectName));
    if (!part)
        qFatal("The main window has no %s named %s", T::staticMetaObject.className(), objectName);
    return part;
}

template<typename W> FleetFilterProxy *filterProxy(const W &window)
{
    return windowPart<FleetFilterProxy>(window, "fleetFilterProxy");
}
template<typename W> FleetTableView *fleetTable(const W &window)
{
    return windowPart<FleetTableView>(window, "fleetTable");
}
template<typename W> FilterBar *filterBar(const W &window)
{
    return windowPart<FilterBar>(window, "filterBar");
}
template<typename W> EnvironmentListView *environmentList(const W &window)
{
    return windowPart<EnvironmentListView>(window, "environmentList");
}
template<typename W> MessageBanner *banner(const W &window)
{
    return windowPart<MessageBanner>(window, "messageBanner");
}
template<typename W> DetailPane *detailPane(const W &window)
{
    return windowPart<DetailPane>(window, "detailPane");
}
template<typename W> ConnectionStatusBar *connectionStatus(const W &window)
{
    return windowPart<ConnectionStatusBar>(window, "connectionStatus");
}
template<typename W> RolloutDetailController *detailController(const W &window)
{
    return windowPart<RolloutDetailController>(window, "detailController");
}
template<typename W> MetricsController *metricsController(const W &window)
{
    return windowPart<MetricsController>(window, "metricsController");
}
template<typename W> QSplitter *mainSplitter(const W &window)
{
    return windowPart<QSplitter>(window, "mainSplitter");
}
template<typename W> QSplitter *contentSplitter(const W &window)
{
    return windowPart<QSplitter>(window, "contentSplitter");
}
template<typename W> FirstRunPage *firstRunPage(const W &window)
{
    return windowPart<FirstRunPage>(window, "firstRunPage");
}
