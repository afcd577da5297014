// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the on-call tests (tst_oncallgui, tst_oncalllayout, tst_rolloutactionsgui) share: the
// real window on the live demo fleet (rd-sim), opened as `release-dashboard --demo` opens it,
// with settings and audit file of its own, and the ways a person reaches a rollout in it.

#include "demowindow.h"
#include "detailpane.h"
#include "environmentmodel.h"
#include "filterbar.h"
#include "fleetfilterproxy.h"
#include "fleetmodel.h"
#include "fleettableview.h"
#include "rolloutdetailcontroller.h"
#include "rolloutdetailview.h"
#include "rollouteventsview.h"
#include "rolloutheader.h"
#include "rolloutsituation.h"
#include <memory>
#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>

// The test classes derive from it (and declare Q_OBJECT and their slots themselves):
// initTestCase() calls openWindow(), cleanupTestCase() closeWindow().
class OnCallFixture : public QObject
{
protected:
    DemoFleet m_demo;
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;

    // Fails the calling test function (QTest records it) when the demo or window cannot start.
    void openWindow()
    {
        QVERIFY(isolateGuiTest(m_dir));
        QString error;
        QVERIFY2(m_demo.start(&error), qPrintable(error));
        m_window = openDemoWindow(m_demo);
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void closeWindow()
    {
        m_window.reset();
        QSettings().clear();
    }

    RolloutDetailView *view() const { return detailPane(m_window)->rolloutView(); }

    QModelIndex rowOf(const QString &environment, const QString &ns, const QString &name) const
    {
        return demoRow(m_window.get(), environment, ns, name);
    }

    bool select(const QString &environment, const QString &ns, const QString &name)
    {
        return selectDemoRow(m_window.get(), environment, ns, name);
    }
};
