// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the rollout detail view tests share: the view's parts found by object name, a view
// showing a decoded fixture at the fixture's time with a clock the test moves, and every
// action enabled.

#include "../support/modelrows.h"
#include "analysisrunsview.h"
#include "detailfixture.h"
#include "detailtreeview.h"
#include "gatesview.h"
#include "replicasetpanel.h"
#include "replicasetsview.h"
#include "replicasettree.h"
#include "rolloutactionbar.h"
#include "rolloutdetailtabs.h"
#include "rolloutdetailview.h"
#include "rollouteventsview.h"
#include "rolloutheader.h"
#include "rolloutstepsmodel.h"
#include "rolloutstepsview.h"
#include "undorevisiondialog.h"

#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>

namespace RolloutDetailViewTest {

const QColor red(0xc6, 0x28, 0x28);
const QColor amber(0xc2, 0x7c, 0x0e);

struct Parts
{
    RolloutHeader *header;
    RolloutStepsView *steps;
    ReplicaSetsView *replicaSets;
    AnalysisRunsView *analysis;
    GatesView *gates;
    RolloutEventsView *events;
    QTabWidget *tabs;
    QLabel *notices;
    QTimer *countdown;
};

inline Parts parts(const RolloutDetailView &view)
{
    return Parts {view.findChild<RolloutHeader *>(QStringLiteral("rolloutHeader")),
                  view.findChild<RolloutStepsView *>(QStringLiteral("stepsView")),
                  view.findChild<ReplicaSetsView *>(QStringLiteral("replicaSetsView")),
                  view.findChild<AnalysisRunsView *>(QStringLiteral("analysisTree")),
                  view.findChild<GatesView *>(QStringLiteral("gatesView")),
                  view.findChild<RolloutEventsView *>(QStringLiteral("eventsTree")),
                  view.findChild<QTabWidget *>(QStringLiteral("detailTabs")),
                  view.findChild<QLabel *>(QStringLiteral("notices")),
                  view.findChild<QTimer *>(QStringLiteral("countdownTimer"))};
}

// A view showing a fixture at the fixture's time; the clock is a variable the test moves.
struct Setup
{
    explicit Setup(const QString &fixtureName) : fixture(DetailFixture::load(fixtureName))
    {
        now = fixture.now;
        view.setClock([this] { return now; });
        view.resize(1280, 450);
        view.setDetail(fixture.detail);
    }

    DetailFixture fixture;
    QDateTime now;
    RolloutDetailView view;
};

inline RolloutActionStates allEnabled()
{
    RolloutActionStates states;
    for (RolloutAction action : allRolloutActions())
        states.insert(action, RolloutActionState {true, true, QString(), false});
    return states;
}

} // namespace RolloutDetailViewTest
