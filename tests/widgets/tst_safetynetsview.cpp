// SPDX-License-Identifier: GPL-3.0-or-later
// The Safety nets tab as a person reads it (offscreen): the sentence before the first read,
// the sections' rows, what is compared and when it was read (amber once old), a CVE's ID
// opening its page in the browser, and in the rollout detail: the tab's title and colour, the
// header's summary in the worst finding's colour with a line per source in its tooltip, no
// green for what was not read, and nothing of another rollout shown.
#include "safetynetsview.h"

#include "../support/safetynetsfixture.h"
#include "detailstyle.h"
#include "rolloutdetailviewparts.h"
#include "safetynetstreeview.h"

#include <QDataStream>
#include <QDesktopServices>
#include <QHeaderView>
#include <QRegularExpression>
#include <QSplitter>
#include <QTabBar>
#include <QTest>

using namespace RolloutDetailViewTest;
namespace F = SafetyNetsFixture;
using M = SafetyNetsModel;

namespace {

// Receives what QDesktopServices is asked to open.
class UrlCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> opened;

public slots:
    void open(const QUrl &url) { opened.append(url); }
};

// The row (view index) under `parent`, at any depth, whose first cell is `text`.
QModelIndex find(const QAbstractItemModel *model, const QString &text,
                 const QModelIndex &parent = {})
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (index.data().toString() == text)
            return index;
        const QModelIndex below = find(model, text, index);
        if (below.isValid())
            return below;
    }
    return QModelIndex();
}

SafetyNets netsFor(const RolloutDetail &detail, SafetyNets nets)
{
    nets.environment = detail.environment;
    nets.namespace_ = detail.rollout.metadata.namespaceName;
    nets.rollout = detail.rollout.metadata.name;
    return nets;
}

// The colour the header's summary is written in.
QColor summaryColour(const RolloutHeader *header)
{
    const QLabel *label = header->findChild<QLabel *>(QStringLiteral("headerSafetyNets"));
    const QRegularExpressionMatch match
        = QRegularExpression(QStringLiteral("color:(#[0-9a-f]{6})")).match(label->text());
    return match.hasMatch() ? QColor(match.captured(1)) : QColor();
}

} // namespace

class TestSafetyNetsView : public QObject
{
    Q_OBJECT

private slots:
    void readingThenSections()
    {
        SafetyNetsView view;
        QDateTime now = QDateTime::fromMSecsSinceEpoch(F::baseMs + 90000, Qt::UTC);
        view.setClock([&now] { return now; });
        view.resize(1100, 700);
        auto *state = view.findChild<QLabel *>(QStringLiteral("safetyNetsState"));
        QVERIFY(!view.showsSafetyNets());
        QVERIFY(state->text().startsWith(QStringLiteral("Reading the safety nets")));
        QCOMPARE(view.contextText(), QString());

        view.setSafetyNets(F::checkout());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.showsSafetyNets());
        const QString read
            = DetailStyle::clockTime(QDateTime::fromMSecsSinceEpoch(F::baseMs + 60000, Qt::UTC));
        QCOMPARE(view.contextText(),
                 QStringLiteral("Canary checkout-7d9f (checkout:2.0.4) against stable "
                                "checkout-5c6b (checkout:2.0.3) · read %1, 30s ago")
                     .arg(read));
        auto *context = view.findChild<QLabel *>(QStringLiteral("safetyNetsContext"));
        QVERIFY(context->palette().color(QPalette::WindowText) != DetailStyle::warningColour());
        auto *timer = view.findChild<QTimer *>(QStringLiteral("safetyNetsAgeTimer"));
        QVERIFY(timer->isActive());

        // The rows a person sees: every section, the CVE the canary adds under its group.
        SafetyNetsTreeView *tree = view.tree();
        QVERIFY(tree->isHeaderHidden());
        const QAbstractItemModel *model = tree->model();
        QCOMPARE(model->rowCount(), 6);
        const QModelIndex cve = find(model, QStringLiteral("CVE-2024-3094"));
        QVERIFY(cve.isValid());
        QVERIFY(tree->isExpanded(cve.parent()));
        QVERIFY(tree->visualRect(cve).isValid());
        QCOMPARE(cve.siblingAtColumn(M::Canary).data(Qt::ForegroundRole).value<QColor>(),
                 DetailStyle::failedColour());
        QCOMPARE(cve.siblingAtColumn(M::Details).data().toString(),
                 QStringLiteral("xz-utils 1.0.0 → 5.6.1"));
        // A note spans the row: its sentence is not cut at the first column.
        view.setSafetyNets(F::unread());
        const QModelIndex note = find(model,
                                      QStringLiteral("Not allowed to list PolicyReports here "
                                                     "(403)."));
        QVERIFY(note.isValid());
        QVERIFY(tree->isFirstColumnSpanned(note.row(), note.parent()));

        // Old news is amber and says so.
        view.setSafetyNets(F::checkout());
        now = now.addSecs(5 * 60);
        QVERIFY(QMetaObject::invokeMethod(timer, "timeout"));
        QVERIFY(view.contextText().endsWith(QStringLiteral("ago: not refreshed since")));
        QCOMPARE(context->palette().color(QPalette::WindowText), DetailStyle::warningColour());
        view.hide();
        QVERIFY(!timer->isActive());
    }

    void cveOpensItsPage()
    {
        UrlCatcher catcher;
        QDesktopServices::setUrlHandler(QStringLiteral("https"), &catcher, "open");
        SafetyNetsView view;
        view.resize(1100, 700);
        view.setSafetyNets(F::checkout());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        SafetyNetsTreeView *tree = view.tree();
        QSignalSpy opened(tree, &SafetyNetsTreeView::linkOpened);
        const QModelIndex cve = find(tree->model(), QStringLiteral("CVE-2024-3094"));
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(cve).center());
        QCOMPARE(catcher.opened,
                 QList<QUrl>({QUrl(QStringLiteral("https://avd.aquasec.com/nvd/cve-2024-3094"))}));
        QCOMPARE(opened.count(), 1);
        // A row without a link opens nothing, nor does a link's other cells.
        QTest::mouseClick(
            tree->viewport(), Qt::LeftButton, {},
            tree->visualRect(find(tree->model(), QStringLiteral("Critical"))).center());
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {},
                          tree->visualRect(cve.siblingAtColumn(M::Details)).center());
        QCOMPARE(catcher.opened.size(), 1);
        // Enter on the CI run's row opens the workflow's page.
        const QModelIndex run
            = find(tree->model(), QStringLiteral("Argo Workflow build-checkout-x7"));
        tree->setCurrentIndex(run);
        tree->setFocus();
        QTest::keyClick(tree, Qt::Key_Return);
        QCOMPARE(catcher.opened.size(), 2);
        QCOMPARE(catcher.opened.last().host(), QStringLiteral("workflows.example.com"));
        QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
    }

    void detailTabAndHeader()
    {
        Setup setup(QStringLiteral("paused-canary.json"));
        RolloutDetailView &view = setup.view;
        const Parts parts = RolloutDetailViewTest::parts(view);
        auto *safetyNets = view.findChild<SafetyNetsView *>(QStringLiteral("safetyNetsView"));
        QVERIFY(safetyNets);
        const int tab = RolloutDetailTabs::SafetyNetsTab;
        QCOMPARE(parts.tabs->indexOf(safetyNets), tab);
        QCOMPARE(parts.tabs->tabText(tab), QStringLiteral("Safety nets"));
        QCOMPARE(parts.header->safetyNetsText(), QString());

        const RolloutDetail &detail = setup.fixture.detail;
        view.setSafetyNets(netsFor(detail, F::checkout()));
        QVERIFY(safetyNets->showsSafetyNets());
        QVERIFY2(parts.header->safetyNetsText().startsWith(
                     QStringLiteral("Safety nets: +1 critical CVE · policy: 2 fail")),
                 qPrintable(parts.header->safetyNetsText()));
        QCOMPARE(summaryColour(parts.header), red);
        QCOMPARE(parts.tabs->tabBar()->tabTextColor(tab), red);
        QVERIFY(!parts.tabs->tabIcon(tab).isNull());
        const QString tip
            = parts.header->findChild<QLabel *>(QStringLiteral("headerSafetyNets"))->toolTip();
        QCOMPARE(tip.count(QLatin1Char('\n')), safetyNetSourceCount - 1);
        QVERIFY(tip.startsWith(QStringLiteral("Image vulnerabilities (Trivy): read ")));

        // What was not read is never green: "no findings" in the plain colour, grey notes.
        view.setSafetyNets(netsFor(detail, F::unread()));
        QCOMPARE(parts.header->safetyNetsText(),
                 QStringLiteral("Safety nets: no findings in what could be read"));
        QCOMPARE(summaryColour(parts.header), parts.header->palette().color(QPalette::WindowText));
        QVERIFY(!parts.tabs->tabBar()->tabTextColor(tab).isValid());
        QVERIFY(
            tip
            != parts.header->findChild<QLabel *>(QStringLiteral("headerSafetyNets"))->toolTip());

        // Another rollout's answer is not shown; showing another rollout drops this one's.
        SafetyNets other = netsFor(detail, F::checkout());
        other.rollout = QStringLiteral("cart");
        view.setSafetyNets(other);
        QCOMPARE(parts.header->safetyNetsText(),
                 QStringLiteral("Safety nets: no findings in what could be read"));
        view.setDetail(DetailFixture::load(QStringLiteral("aborted-canary.json")).detail);
        QCOMPARE(parts.header->safetyNetsText(), QString());
        QVERIFY(!safetyNets->showsSafetyNets());
        QCOMPARE(parts.tabs->tabText(tab), QStringLiteral("Safety nets"));
        view.setSafetyNets(netsFor(view.detail(), F::checkout()));
        view.clearSafetyNets(QStringLiteral("Environment prod is not connected"));
        QCOMPARE(safetyNets->findChild<QLabel *>(QStringLiteral("safetyNetsState"))->text(),
                 QStringLiteral("Environment prod is not connected"));
        QCOMPARE(parts.header->safetyNetsText(), QString());
    }

    void layoutOfBeforeTheSafetyNetsTab()
    {
        // A layout saved before the safety nets tab chose the metrics page as tab 4: still it.
        RolloutDetailView view;
        auto *page = new QWidget;
        view.addPage(page, QStringLiteral("Metrics"));
        const Parts parts = RolloutDetailViewTest::parts(view);
        QByteArray old;
        QDataStream out(&old, QIODevice::WriteOnly);
        out << quint8(2) << view.findChild<QSplitter *>()->saveState() << qint32(4);
        view.restoreLayout(old);
        QCOMPARE(parts.tabs->currentWidget(), page);
        parts.tabs->setCurrentIndex(RolloutDetailTabs::SafetyNetsTab);
        const QByteArray saved = view.saveLayout();
        parts.tabs->setCurrentIndex(0);
        view.restoreLayout(saved);
        QCOMPARE(parts.tabs->currentIndex(), int(RolloutDetailTabs::SafetyNetsTab));
    }
};

QTEST_MAIN(TestSafetyNetsView)
#include "tst_safetynetsview.moc"
