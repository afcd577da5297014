// SPDX-License-Identifier: GPL-3.0-or-later
// GatesView as a person reads it: the sentence of each state (not judged yet, the caller's
// reason, no canary, no gate applies), the verdict header with its colour and the age of the
// judgement on an injected clock (refreshed only while visible), the table's colours through
// the detail style, copying queries, and the rollout detail's Gates tab: its title, the
// forwarding and a stale report dropped for another rollout. Renders the panel's screenshot.
#include "gatesview.h"

#include "../support/gatereportfixture.h"
#include "detailstyle.h"
#include "gatestreeview.h"
#include "rolloutdetailviewparts.h"

#include <QClipboard>
#include <QDataStream>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>

using namespace RolloutDetailViewTest;
namespace F = GateReportFixture;
using M = GatesModel;

namespace {

const QColor green(0x1e, 0x88, 0x4a);

QDateTime evaluatedAt()
{
    return QDateTime::fromMSecsSinceEpoch(F::evaluatedAtMs(), Qt::UTC);
}

QString clock(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime().time(), QStringLiteral("HH:mm:ss"));
}

// The view's parts by object name.
struct GatesParts
{
    explicit GatesParts(const QWidget &view) :
        header(view.findChild<QWidget *>(QStringLiteral("gatesHeader"))),
        verdict(view.findChild<QLabel *>(QStringLiteral("gatesVerdict"))),
        evaluated(view.findChild<QLabel *>(QStringLiteral("gatesEvaluated"))),
        state(view.findChild<QLabel *>(QStringLiteral("gatesState"))),
        hint(view.findChild<QLabel *>(QStringLiteral("gatesHint"))),
        tree(view.findChild<GatesTreeView *>(QStringLiteral("gatesTree"))),
        timer(view.findChild<QTimer *>(QStringLiteral("gatesAgeTimer")))
    { }

    // What the view shows now: the state's sentence or the table.
    bool showsTable() const
    {
        const auto *stack = qobject_cast<const QStackedWidget *>(tree->parentWidget());
        return stack && stack->currentWidget() == tree;
    }

    QWidget *header;
    QLabel *verdict;
    QLabel *evaluated;
    QLabel *state;
    QLabel *hint;
    GatesTreeView *tree;
    QTimer *timer;
};

// A report for the rollout a detail view shows.
GateReport reportFor(const RolloutDetail &detail, const QList<GateResult> &gates)
{
    GateReport report = F::report(gates);
    report.environment = detail.environment;
    report.namespaceName = detail.rollout.metadata.namespaceName;
    report.rollout = detail.rollout.metadata.name;
    return report;
}

} // namespace

class TestGatesView : public QObject
{
    Q_OBJECT

private slots:
    void eachStateReadsClearly()
    {
        GatesView view;
        const GatesParts p(view);
        view.resize(900, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // Nothing yet: when gates are judged, in the configured interval.
        QCOMPARE(p.state->text(),
                 QStringLiteral("Not evaluated yet: gates are judged every 30s while a canary "
                                "runs"));
        QVERIFY(!p.header->isVisible());
        QVERIFY(!p.showsTable());
        view.setIntervalMs(60 * 1000);
        QCOMPARE(p.state->text(),
                 QStringLiteral("Not evaluated yet: gates are judged every 1m while a canary "
                                "runs"));
        QVERIFY(!p.timer->isActive());

        // The caller's reason, as given.
        const QString off = QStringLiteral("Metrics are off for environment dev: no gate can "
                                           "be judged");
        view.clearReport(off);
        QCOMPARE(p.state->text(), off);
        QVERIFY(!p.hint->isVisible());

        // A report without a canary: what will be judged, not a table of dashes.
        GateReport noCanary = F::report({F::errorRatio(), F::latency()});
        noCanary.canaryHash.clear();
        view.setReport(noCanary);
        QCOMPARE(p.state->text(),
                 QStringLiteral("No canary: gates are judged while a new revision is rolled out"));
        QCOMPARE(p.hint->text(),
                 QStringLiteral("Gates that will be judged: error ratio, latency p99"));
        QVERIFY(!p.showsTable());
        QVERIFY(!p.timer->isActive());

        // A canary but no gate: how to add one.
        view.setReport(F::report({}));
        QCOMPARE(p.state->text(),
                 QStringLiteral("No gates apply to this rollout: add <code>gates:</code> to the "
                                "config file or use an AnalysisTemplate"));
        QCOMPARE(p.state->textFormat(), Qt::RichText);
        QVERIFY(p.hint->isVisible());
        QVERIFY(p.hint->text().contains(QStringLiteral("gates:\n  - name: error ratio")));
        QVERIFY(p.hint->text().contains(QStringLiteral("docs/cli.md")));

        // A judged canary: the verdict and the table.
        view.setReport(F::realistic());
        QVERIFY(p.showsTable());
        QVERIFY(p.header->isVisible());
        QCOMPARE(p.tree->model()->rowCount(), 4);
        // Cleared again: the sentence, and no rows left behind.
        view.clearReport(QString());
        QVERIFY(!p.showsTable());
        QCOMPARE(p.tree->model()->rowCount(), 0);
        QCOMPARE(p.state->text(),
                 QStringLiteral("Not evaluated yet: gates are judged every 1m while a canary "
                                "runs"));
    }

    void headerVerdictAndAge()
    {
        QDateTime now = evaluatedAt().addSecs(12);
        GatesView view;
        view.setClock([&now] { return now; });
        const GatesParts p(view);
        view.setReport(F::realistic());
        QCOMPARE(p.verdict->text(), QStringLiteral("Gates: FAIL — 1 of 4 failed, 1 inconclusive"));
        QCOMPARE(p.verdict->palette().color(QPalette::WindowText), red);
        QVERIFY(p.verdict->font().bold());
        QVERIFY(p.verdict->font().pointSizeF() > view.font().pointSizeF());
        QCOMPARE(p.verdict->toolTip(),
                 QStringLiteral("Canary 6b59bdffd9 against stable 5d8c7b7c4f"));
        QCOMPARE(
            p.evaluated->text(),
            QStringLiteral("evaluated 12s ago at %1 · judged every 30s").arg(clock(evaluatedAt())));
        // Hidden: the age is not refreshed.
        QVERIFY(!p.timer->isActive());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(p.timer->isActive());
        QCOMPARE(p.timer->interval(), 1000);
        now = now.addSecs(1);
        QTRY_COMPARE_WITH_TIMEOUT(
            p.evaluated->text(),
            QStringLiteral("evaluated 13s ago at %1 · judged every 30s").arg(clock(evaluatedAt())),
            3000);
        QCOMPARE(p.evaluated->palette().color(QPalette::WindowText),
                 view.palette().color(QPalette::PlaceholderText));
        // Three intervals without a new judgement: the age turns amber.
        now = evaluatedAt().addSecs(95);
        QTRY_COMPARE_WITH_TIMEOUT(p.evaluated->palette().color(QPalette::WindowText), amber, 3000);
        QVERIFY(p.evaluated->toolTip().startsWith(QStringLiteral("No newer judgement since")));
        view.hide();
        QVERIFY(!p.timer->isActive());

        // The other verdicts, in their colours.
        GateResult error = F::latency();
        error.outcome = GateOutcome::Error;
        view.setReport(F::report({F::errorRatio(), F::latency()}));
        QCOMPARE(p.verdict->text(), QStringLiteral("Gates: PASS — all 2 passed"));
        QCOMPARE(p.verdict->palette().color(QPalette::WindowText), green);
        view.setReport(F::report({F::errorRatio()}));
        QCOMPARE(p.verdict->text(), QStringLiteral("Gates: PASS — the one gate passed"));
        view.setReport(F::report({F::errorRatio(), error, F::analysisMetric()}));
        QCOMPARE(p.verdict->text(),
                 QStringLiteral("Gates: ERROR — 1 of 3 could not be judged, 1 inconclusive"));
        QCOMPARE(p.verdict->palette().color(QPalette::WindowText), red);
        view.setReport(F::report({F::errorRatio(), F::analysisMetric()}));
        QCOMPARE(p.verdict->text(), QStringLiteral("Gates: INCONCLUSIVE — 1 of 2 inconclusive"));
        QCOMPARE(p.verdict->palette().color(QPalette::WindowText), amber);
        view.setReport(F::report({F::successRate(), error}));
        QCOMPARE(p.verdict->text(), QStringLiteral("Gates: FAIL — 1 of 2 failed, 1 not judged"));
    }

    void tableColoursAndCopies()
    {
        GatesView view;
        const GatesParts p(view);
        view.setReport(F::realistic());
        const QAbstractItemModel *model = p.tree->model(); // the style proxy
        const auto cell = [&](int row, int column) { return model->index(row, column); };
        QCOMPARE(foreground(cell(0, 0), M::Outcome), red);
        QCOMPARE(foreground(cell(1, 0), M::Outcome), green);
        QCOMPARE(foreground(cell(3, 0), M::Outcome), amber);
        QCOMPARE(cell(0, M::Why).data(Qt::BackgroundRole).value<QColor>(),
                 DetailStyle::failedTint());
        QVERIFY(!cell(1, M::Why).data(Qt::BackgroundRole).isValid());
        QVERIFY(!cell(0, M::Outcome).data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(p.tree->header()->sectionResizeMode(M::Why), QHeaderView::Stretch);

        // The queries as sent, which the cells show only in tooltips, are copied whole.
        QMenu *menu = p.tree->contextMenu(cell(0, M::Bound));
        const auto trigger = [&](const char *name) {
            auto *action = menu->findChild<QAction *>(QLatin1String(name));
            if (!action)
                return QStringLiteral("(no %1)").arg(QLatin1String(name));
            action->trigger();
            return QGuiApplication::clipboard()->text();
        };
        QCOMPARE(trigger("copyQuery"), F::successRate().query);
        QCOMPARE(trigger("copyStableQuery"), F::successRate().stableQuery);
        QCOMPARE(trigger("copyCell"), QStringLiteral("min 0.97, stable \u2212 2 %"));
        QVERIFY(trigger("copyRow").startsWith(QStringLiteral("order success rate\tFail\t")));
        delete menu;
        // An absolute gate has no stable query to copy.
        menu = p.tree->contextMenu(cell(1, M::Gate));
        QVERIFY(!menu->findChild<QAction *>(QStringLiteral("copyStableQuery")));
        QCOMPARE(trigger("copyQuery"), F::errorRatio().query);
        delete menu;
        // Ctrl+C: the current cell whole.
        p.tree->setCurrentIndex(cell(2, M::Why));
        QTest::keySequence(p.tree, QKeySequence::Copy);
        QCOMPARE(QGuiApplication::clipboard()->text(), F::latency().message);
    }

    void detailTab()
    {
        Setup setup(QStringLiteral("paused-canary.json"));
        RolloutDetailView &view = setup.view;
        const Parts parts = RolloutDetailViewTest::parts(view);
        QVERIFY(parts.gates);
        QCOMPARE(parts.tabs->indexOf(parts.gates), int(RolloutDetailTabs::GatesTab));
        const GatesParts p(*parts.gates);
        const int tab = RolloutDetailTabs::GatesTab;
        QCOMPARE(parts.tabs->tabText(tab), QStringLiteral("Gates"));
        view.setGateIntervalMs(45 * 1000);
        QVERIFY(p.state->text().contains(QStringLiteral("every 45s")));

        const RolloutDetail &detail = setup.fixture.detail;
        view.setGateReport(reportFor(detail, F::realistic().gates));
        QCOMPARE(parts.tabs->tabText(tab), QStringLiteral("Gates \u2715 1"));
        QCOMPARE(parts.tabs->tabBar()->tabTextColor(tab), red);
        QCOMPARE(parts.tabs->tabToolTip(tab), QStringLiteral("Quality gates: Fail"));
        QVERIFY(p.showsTable());
        view.setGateReport(reportFor(detail, {F::errorRatio(), F::latency()}));
        QCOMPARE(parts.tabs->tabText(tab), QStringLiteral("Gates \u2713"));
        QCOMPARE(parts.tabs->tabBar()->tabTextColor(tab), green);
        view.setGateReport(reportFor(detail, {F::errorRatio(), F::analysisMetric()}));
        QCOMPARE(parts.tabs->tabText(tab), QStringLiteral("Gates ? 1"));
        view.clearGateReport(QStringLiteral("Metrics are off for environment prod"));
        QCOMPARE(parts.tabs->tabText(tab), QStringLiteral("Gates"));
        QVERIFY(!parts.tabs->tabBar()->tabTextColor(tab).isValid());
        QCOMPARE(p.state->text(), QStringLiteral("Metrics are off for environment prod"));

        // The view's clock counts the age; the timer runs only while the tab is shown.
        view.setGateReport(reportFor(detail, {F::errorRatio()}));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(!p.timer->isActive());
        parts.tabs->setCurrentIndex(tab);
        QVERIFY(p.timer->isActive());
        parts.tabs->setCurrentIndex(RolloutDetailTabs::EventsTab);
        QVERIFY(!p.timer->isActive());

        // Another rollout: the old one's verdict is not shown for it.
        view.setDetail(DetailFixture::load(QStringLiteral("aborted-canary.json")).detail);
        QCOMPARE(parts.tabs->tabText(tab), QStringLiteral("Gates"));
        QVERIFY(!p.showsTable());
        QVERIFY(p.state->text().startsWith(QStringLiteral("Not evaluated yet")));
        view.setGateReport(reportFor(view.detail(), {F::successRate()}));
        view.clear();
        QCOMPARE(parts.tabs->tabText(tab), QStringLiteral("Gates"));
    }

    void layoutOfBeforeTheGatesTab()
    {
        // A layout saved before the gates tab existed chose the events as tab 2: still them.
        RolloutDetailView view;
        const Parts parts = RolloutDetailViewTest::parts(view);
        QByteArray old;
        QDataStream out(&old, QIODevice::WriteOnly);
        out << quint8(1) << view.findChild<QSplitter *>()->saveState() << qint32(2);
        view.restoreLayout(old);
        QCOMPARE(parts.tabs->currentWidget(), parts.events);
        parts.tabs->setCurrentIndex(RolloutDetailTabs::GatesTab);
        const QByteArray saved = view.saveLayout();
        parts.tabs->setCurrentIndex(0);
        view.restoreLayout(saved);
        QCOMPARE(parts.tabs->currentWidget(), parts.gates);
    }

    // The panel with the realistic report, into RD_GATES_SCREENSHOT=<folder> (docs/screenshots)
    // when set, else into a temporary folder, so every run renders it.
    void screenshot()
    {
        QTemporaryDir temporary;
        QString folder = qEnvironmentVariable("RD_GATES_SCREENSHOT");
        if (folder.isEmpty())
            folder = temporary.path();
        const QDateTime now = evaluatedAt().addSecs(12);
        GatesView view;
        view.setClock([now] { return now; });
        view.resize(960, 250);
        view.setReport(F::realistic());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // As in the window, where the focus is elsewhere: no current cell framed.
        const GatesParts p(view);
        p.tree->clearFocus();
        p.tree->selectionModel()->clearCurrentIndex();
        const QPixmap pixmap = view.grab();
        QCOMPARE(pixmap.size() / pixmap.devicePixelRatio(), QSize(960, 250));
        QVERIFY(pixmap.save(folder + QStringLiteral("/gates-panel.png")));
        // Every row is whole in the panel: nothing hides below its edge.
        const QModelIndex last = p.tree->model()->index(3, 0);
        QVERIFY(p.tree->visualRect(last).bottom() < p.tree->viewport()->height());
    }
};

QTEST_MAIN(TestGatesView)
#include "tst_gatesview.moc"
