// SPDX-License-Identifier: GPL-3.0-or-later
#include "deliveryfiguresstrip.h"
#include "releaselistmodel.h"
#include "releasesview.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>

namespace {

// Whole minutes: the date edits show no seconds.
const QDateTime now = [] {
    QDateTime time = QDateTime::currentDateTimeUtc();
    time.setTime(QTime(time.time().hour(), time.time().minute()));
    return time;
}();

ReleaseSummary release(qint64 id, const QString &environment, const QString &workload,
                       const QString &hash, qint64 hoursAgo, qint64 lengthSeconds,
                       ReleaseOutcome outcome)
{
    ReleaseSummary summary;
    summary.id = id;
    summary.key = {environment, workload + QStringLiteral("-uid"), id};
    summary.namespaceName = QStringLiteral("shop");
    summary.workload = workload;
    summary.podTemplateHash = hash;
    summary.images = {QStringLiteral("ghcr.io/acme/") + workload + QStringLiteral(":2.")
                      + QString::number(id)};
    summary.startedAt = now.addSecs(-hoursAgo * 3600);
    if (lengthSeconds >= 0)
        summary.endedAt = summary.startedAt.addSecs(lengthSeconds);
    summary.outcome = outcome;
    return summary;
}

// Four releases in the last three days (the default range is the last 30 days) and one
// 40 days ago.
QList<ReleaseSummary> sample()
{
    const QString prod = QStringLiteral("prod");
    return {
        release(5, prod, QStringLiteral("checkout"), QStringLiteral("a"), 2, -1,
                ReleaseOutcome::InProgress),
        release(4, prod, QStringLiteral("checkout"), QStringLiteral("b"), 20, 120,
                ReleaseOutcome::Promoted),
        release(3, prod, QStringLiteral("checkout"), QStringLiteral("c"), 30, 60,
                ReleaseOutcome::Aborted),
        release(2, QStringLiteral("staging"), QStringLiteral("cart"), QStringLiteral("d"), 70, 300,
                ReleaseOutcome::Promoted),
        release(1, prod, QStringLiteral("checkout"), QStringLiteral("b"), 40 * 24, 60,
                ReleaseOutcome::Promoted),
    };
}

} // namespace

#include "screenshotreleases.h"

class TestReleasesView : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ReleasesView> m_view;

    template<typename T> T *part(const QString &name) const
    {
        T *widget = m_view->findChild<T *>(name);
        if (!widget)
            qFatal("no part %s", qPrintable(name));
        return widget;
    }
    QTableView *table() const { return part<QTableView>(QStringLiteral("releasesTable")); }
    QStringList column(int column) const
    {
        QStringList texts;
        for (int row = 0; row < table()->model()->rowCount(); ++row)
            texts.append(table()->model()->index(row, column).data().toString());
        return texts;
    }
    QString figure(const QString &name) const
    {
        return part<QLabel>(QStringLiteral("figureValue") + name)->text();
    }

private slots:
    void init()
    {
        m_view = std::make_unique<ReleasesView>();
        m_view->resize(1200, 600);
        m_view->setEnvironments({QStringLiteral("prod"), QStringLiteral("staging")});
        m_view->setReleases(sample());
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }
    void cleanup() { m_view.reset(); }

    void showsTheRangeNewestFirst()
    {
        QCOMPARE(column(ReleaseListModel::RevisionColumn),
                 QStringList({QStringLiteral("5"), QStringLiteral("4"), QStringLiteral("3"),
                              QStringLiteral("2")}));
        QCOMPARE(column(ReleaseListModel::OutcomeColumn),
                 QStringList({QStringLiteral("In progress"), QStringLiteral("Promoted"),
                              QStringLiteral("Aborted"), QStringLiteral("Promoted")}));
        // Four releases in 30 days; 1 of 4 aborted; revision 4 returns to revision 1's
        // template (older, outside the range but loaded); promotions of 2 and 5 min; the
        // abort was recovered 20 h − 30 h + 2 min − 1 min later.
        QCOMPARE(figure(QStringLiteral("Releases")), QStringLiteral("4"));
        QCOMPARE(figure(QStringLiteral("PerWeek")), QStringLiteral("0.9")); // 4 × 7 ÷ 30
        QCOMPARE(figure(QStringLiteral("Aborted")), QStringLiteral("25 %"));
        QCOMPARE(figure(QStringLiteral("RolledBack")), QStringLiteral("25 %"));
        QCOMPARE(figure(QStringLiteral("Promotion")), QStringLiteral("3 min 30 s"));
        QCOMPARE(figure(QStringLiteral("Recover")), QStringLiteral("10 h 1 min"));
    }

    void filtersByOutcomeAndWorkload()
    {
        QSignalSpy changed(m_view.get(), &ReleasesView::filterChanged);
        part<QToolButton>(QStringLiteral("outcome-promoted"))->click();
        QCOMPARE(column(ReleaseListModel::RevisionColumn),
                 QStringList({QStringLiteral("4"), QStringLiteral("2")}));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.last().at(0).value<ReleaseFilter>().outcomes,
                 QList<ReleaseOutcome>({ReleaseOutcome::Promoted}));
        QCOMPARE(figure(QStringLiteral("Releases")), QStringLiteral("2"));
        QCOMPARE(figure(QStringLiteral("Aborted")), QStringLiteral("0 %"));
        QCOMPARE(figure(QStringLiteral("Recover")), QStringLiteral("—"));

        part<QToolButton>(QStringLiteral("outcome-aborted"))->click();
        QCOMPARE(column(ReleaseListModel::RevisionColumn),
                 QStringList({QStringLiteral("4"), QStringLiteral("3"), QStringLiteral("2")}));

        QTest::keyClicks(part<QLineEdit>(QStringLiteral("workloadFilter")), QStringLiteral("CAR"));
        QCOMPARE(column(ReleaseListModel::WorkloadColumn), QStringList({QStringLiteral("cart")}));
        QCOMPARE(changed.last().at(0).value<ReleaseFilter>().workload, QStringLiteral("CAR"));
        QCOMPARE(figure(QStringLiteral("Promotion")), QStringLiteral("5 min"));

        auto *environment = part<QComboBox>(QStringLiteral("environmentFilter"));
        QCOMPARE(environment->count(), 3);
        environment->setCurrentIndex(1); // prod
        QCOMPARE(table()->model()->rowCount(), 0);
        QCOMPARE(figure(QStringLiteral("Releases")), QStringLiteral("0"));
        QCOMPARE(figure(QStringLiteral("Aborted")), QStringLiteral("—"));
        QCOMPARE(changed.last().at(0).value<ReleaseFilter>().environment, QStringLiteral("prod"));
    }

    void filterCarriesTheChosenDates()
    {
        QSignalSpy changed(m_view.get(), &ReleasesView::filterChanged);
        const QDateTime since = now.addSecs(-25 * 3600);
        const QDateTime until = now.addSecs(-10 * 3600);
        part<QDateTimeEdit>(QStringLiteral("sinceEdit"))->setDateTime(since.toLocalTime());
        part<QDateTimeEdit>(QStringLiteral("untilEdit"))->setDateTime(until.toLocalTime());
        QCOMPARE(part<QComboBox>(QStringLiteral("rangePreset"))->currentText(),
                 QStringLiteral("Custom"));
        QVERIFY(!changed.isEmpty());
        const ReleaseFilter filter = changed.last().at(0).value<ReleaseFilter>();
        QCOMPARE(filter.since, since);
        QCOMPARE(filter.until, until);
        QCOMPARE(m_view->filter().since, since);
        QCOMPARE(column(ReleaseListModel::RevisionColumn), QStringList({QStringLiteral("4")}));
        // 1 release in 15 h: 11.2 a week.
        QCOMPARE(figure(QStringLiteral("PerWeek")), QStringLiteral("11.2"));

        // A preset: the last 7 days, open at the end.
        part<QComboBox>(QStringLiteral("rangePreset"))->setCurrentIndex(1);
        const ReleaseFilter week = changed.last().at(0).value<ReleaseFilter>();
        QVERIFY(week.until.isNull());
        QVERIFY(qAbs(week.since.secsTo(QDateTime::currentDateTimeUtc()) - 7 * 24 * 3600) < 60);
        QCOMPARE(table()->model()->rowCount(), 4);
        // All: no dates.
        part<QComboBox>(QStringLiteral("rangePreset"))->setCurrentIndex(4);
        QVERIFY(changed.last().at(0).value<ReleaseFilter>().since.isNull());
        QCOMPARE(table()->model()->rowCount(), 5);
    }

    void doubleClickAndEnterActivate()
    {
        QSignalSpy activated(m_view.get(), &ReleasesView::releaseActivated);
        QTableView *view = table();
        const QRect rect = view->visualRect(view->model()->index(2, 1));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.at(0).at(0).value<ReleaseSummary>(), sample().at(2));

        view->selectRow(1);
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(activated.size(), 2);
        QCOMPARE(activated.at(1).at(0).value<ReleaseSummary>(), sample().at(1));
    }

    void buttonsActOnTheSelection()
    {
        auto *compare = part<QPushButton>(QStringLiteral("compareButton"));
        auto *report = part<QPushButton>(QStringLiteral("reportButton"));
        QVERIFY(!compare->isEnabled());
        QVERIFY(!report->isEnabled());
        table()->selectRow(3);
        QVERIFY(compare->isEnabled());
        QSignalSpy compared(m_view.get(), &ReleasesView::compareRequested);
        QSignalSpy reported(m_view.get(), &ReleasesView::reportRequested);
        compare->click();
        report->click();
        QCOMPARE(compared.size(), 1);
        QCOMPARE(compared.at(0).at(0).value<ReleaseSummary>(), sample().at(3));
        QCOMPARE(reported.at(0).at(0).value<ReleaseSummary>(), sample().at(3));
        QCOMPARE(m_view->currentRelease(), sample().at(3));
    }

    void inPlaceUpdateKeepsSelection()
    {
        table()->selectRow(0);
        QList<ReleaseSummary> next = sample();
        next[0].outcome = ReleaseOutcome::Promoted;
        next[0].endedAt = next[0].startedAt.addSecs(600);
        m_view->setReleases(next);
        QCOMPARE(m_view->currentRelease(), next.at(0));
        QCOMPARE(figure(QStringLiteral("Promotion")), QStringLiteral("5 min"));
    }

    // A realistic week rendered to releases-view.png and, with a few zh_CN strings,
    // releases-view-zh.png: into RD_RELEASES_SCREENSHOT=<folder> (docs/screenshots) when set,
    // else into a temporary folder, so every run renders both.
    void screenshot()
    {
        QTemporaryDir temporary;
        QString folder = qEnvironmentVariable("RD_RELEASES_SCREENSHOT");
        if (folder.isEmpty())
            folder = temporary.path();
        m_view = std::make_unique<ReleasesView>();
        fillScreenshot(m_view.get());
        QVERIFY(m_view->grab().save(folder + QStringLiteral("/releases-view.png")));
        ScreenshotTranslator translator;
        QCoreApplication::installTranslator(&translator);
        m_view = std::make_unique<ReleasesView>();
        fillScreenshot(m_view.get());
        QVERIFY(m_view->grab().save(folder + QStringLiteral("/releases-view-zh.png")));
        QCoreApplication::removeTranslator(&translator);
    }

    void bannerAndEnvironments()
    {
        auto *banner = m_view->findChild<QWidget *>(QStringLiteral("releasesBanner"));
        QVERIFY(banner);
        QVERIFY(!banner->isVisible());
        m_view->setMessage(QStringLiteral("The release history cannot be opened"));
        QVERIFY(banner->isVisible());
        m_view->setMessage(QString());
        QVERIFY(!banner->isVisible());

        auto *environment = part<QComboBox>(QStringLiteral("environmentFilter"));
        environment->setCurrentIndex(2); // staging
        QSignalSpy changed(m_view.get(), &ReleasesView::filterChanged);
        m_view->setEnvironments({QStringLiteral("dev"), QStringLiteral("staging")});
        QCOMPARE(environment->currentText(), QStringLiteral("staging"));
        QCOMPARE(changed.size(), 0);
        m_view->setEnvironments({QStringLiteral("dev")});
        QCOMPARE(environment->currentIndex(), 0);
        QCOMPARE(changed.size(), 1);
        QVERIFY(changed.last().at(0).value<ReleaseFilter>().environment.isEmpty());
    }
};

QTEST_MAIN(TestReleasesView)
#include "tst_releasesview.moc"
