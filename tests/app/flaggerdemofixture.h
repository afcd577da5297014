// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demowindow.h"
#include "flaggercanarydetailview.h"

#include <memory>
#include <QTemporaryDir>
#include <QTest>

// The demo fleet (clock not running on its own) and its main window, offscreen, for the Flagger
// canary window tests: init() in each test's init(), cleanup() in its cleanup().
struct FlaggerDemoFixture
{
    QTemporaryDir *dir = nullptr;
    DemoFleet *demo = nullptr;
    std::unique_ptr<MainWindow> window;

    void init()
    {
        dir = new QTemporaryDir;
        QVERIFY(isolateGuiTest(*dir));
        demo = new DemoFleet(DemoFleet::Options {false});
        QString error;
        QVERIFY2(demo->start(&error), qPrintable(error));
        window = openDemoWindow(*demo);
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    }

    void cleanup()
    {
        window.reset();
        delete demo;
        demo = nullptr;
        delete dir;
        dir = nullptr;
    }
};

// Selects the row of the canary search/NAME in `environment` as a click would, waiting until it
// is listed, and tells whether the canary detail then shows it.
inline bool selectCanary(MainWindow *window, const QString &environment, const QString &name)
{
    const QString ns = QStringLiteral("search");
    if (!QTest::qWaitFor([&] { return demoRow(window, environment, ns, name).isValid(); }, 30000))
        return false;
    fleetTable(window)->selectRow(demoRow(window, environment, ns, name).row());
    const FlaggerCanaryDetail &shown = detailPane(window)->canaryView()->detail();
    return detailPane(window)->isShowingCanary() && shown.environment == environment
        && shown.canary.metadata.namespaceName == ns && shown.canary.metadata.name == name;
}

// Plays the fleet's virtual time forward five seconds at a time, letting the window take in
// each step, until `done` or ten virtual minutes; adds the time played to *advancedMs if given.
template<typename Done> bool playUntil(DemoFleet &demo, Done done, qint64 *advancedMs = nullptr)
{
    for (int step = 0; step < 120; ++step) {
        if (done())
            return true;
        demo.advanceClock(5000);
        if (advancedMs)
            *advancedMs += 5000;
        demo.reconcileOnce();
        // A short wait for the window to catch up; done() is asked again at the loop's top.
        static_cast<void>(QTest::qWaitFor(done, 250));
    }
    return done();
}
