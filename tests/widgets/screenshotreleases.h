// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A realistic week of releases for the Releases view's screenshot (tst_releasesview), and
// a few zh_CN strings to see that nothing is cut off in a language of other widths.

#include "releasesview.h"

#include <QTableView>
#include <QTest>
#include <QTranslator>

inline ReleaseSummary screenshotRelease(qint64 id, const QString &environment,
                                        const QString &namespaceName, const QString &workload,
                                        qint64 revision, const QString &image, double hoursAgo,
                                        qint64 lengthSeconds, ReleaseOutcome outcome,
                                        const QString &hash)
{
    ReleaseSummary summary;
    summary.id = id;
    summary.key = {environment, workload + QStringLiteral("-uid"), revision};
    summary.namespaceName = namespaceName;
    summary.workload = workload;
    summary.strategy = QStringLiteral("Canary");
    summary.podTemplateHash = hash;
    summary.images = {image};
    QDateTime started = QDateTime::currentDateTimeUtc().addSecs(qint64(-hoursAgo * 3600));
    started.setTime(QTime(started.time().hour(), started.time().minute()));
    summary.startedAt = started;
    if (lengthSeconds >= 0)
        summary.endedAt = started.addSecs(lengthSeconds);
    summary.outcome = outcome;
    return summary;
}

inline void fillScreenshot(ReleasesView *view)
{
    using O = ReleaseOutcome;
    const QString dev = QStringLiteral("dev");
    const QString staging = QStringLiteral("staging");
    const QString prod = QStringLiteral("prod");
    const QString shop = QStringLiteral("shop");
    const QString payments = QStringLiteral("payments");
    const QString web = QStringLiteral("web");
    const auto img = [](const char *name) -> QString {
        return QStringLiteral("ghcr.io/acme/") + QLatin1String(name);
    };
    QList<ReleaseSummary> releases = {
        screenshotRelease(15, prod, shop, QStringLiteral("checkout"), 42, img("checkout:2.14.0"),
                          0.6, -1, O::InProgress, QStringLiteral("7d9f")),
        screenshotRelease(14, staging, shop, QStringLiteral("checkout"), 31, img("checkout:2.14.0"),
                          3, 754, O::Promoted, QStringLiteral("7d9f")),
        screenshotRelease(13, prod, payments, QStringLiteral("payments-api"), 18,
                          img("payments-api:5.2.1"), 7, 1920, O::Promoted, QStringLiteral("a1b2")),
        screenshotRelease(12, prod, payments, QStringLiteral("payments-api"), 17,
                          img("payments-api:5.3.0"), 9, 312, O::Aborted, QStringLiteral("c3d4")),
        screenshotRelease(11, dev, shop, QStringLiteral("cart"), 88, img("cart:1.9.0-rc.2"), 20, 95,
                          O::Superseded, QStringLiteral("e5f6")),
        screenshotRelease(10, dev, shop, QStringLiteral("cart"), 89, img("cart:1.9.0-rc.3"), 19.5,
                          260, O::Promoted, QStringLiteral("e5f7")),
        screenshotRelease(9, staging, web, QStringLiteral("frontend"), 64, img("frontend:2024.5.3"),
                          28, 1105, O::Promoted, QStringLiteral("f001")),
        screenshotRelease(8, prod, web, QStringLiteral("frontend"), 51, img("frontend:2024.5.2"),
                          40, 2410, O::Promoted, QStringLiteral("f000")),
        screenshotRelease(7, prod, shop, QStringLiteral("checkout"), 41, img("checkout:2.13.1"), 52,
                          1388, O::Promoted, QStringLiteral("6c8e")),
        screenshotRelease(6, prod, shop, QStringLiteral("checkout"), 40, img("checkout:2.13.0"), 60,
                          485, O::Aborted, QStringLiteral("5b7d")),
        screenshotRelease(5, staging, shop, QStringLiteral("recommendations"), 12,
                          img("recommendations:0.8.4"), 75, 640, O::Deleted,
                          QStringLiteral("9a9a")),
        screenshotRelease(4, dev, web, QStringLiteral("frontend"), 120, img("frontend:2024.5.3"),
                          96, 180, O::Promoted, QStringLiteral("f001")),
        screenshotRelease(3, prod, web, QStringLiteral("frontend"), 50, img("frontend:2024.5.1"),
                          110, 2295, O::Promoted, QStringLiteral("efff")),
        screenshotRelease(2, prod, payments, QStringLiteral("payments-api"), 16,
                          img("payments-api:5.2.1"), 130, 1702, O::Promoted,
                          QStringLiteral("a1b2")),
        screenshotRelease(1, staging, payments, QStringLiteral("ledger"), 7, img("ledger:3.0.0"),
                          150, 905, O::Promoted, QStringLiteral("1d1d")),
    };
    releases[4].endedAt = releases[5].startedAt; // superseded when rc.3 started
    releases[8].partiallyObserved = true; // started before the dashboard was watching
    releases[8].firstObservedAt = releases[8].startedAt.addSecs(400);
    releases[10].workloadDeletedAt = releases[10].endedAt;
    releases[10].endedAt = QDateTime();
    view->resize(1400, 700);
    view->setEnvironments({dev, staging, prod});
    view->setNamespaces({payments, shop, web});
    view->setReleases(releases);
    view->show();
    if (!QTest::qWaitForWindowExposed(view))
        qWarning("not exposed");
    auto *table = view->findChild<QTableView *>(QStringLiteral("releasesTable"));
    table->setFocus();
    table->selectRow(3); // the aborted payments-api: the buttons are enabled
    QTest::qWait(50);
}

// Stands in for the zh_CN catalogue, which has none of these strings yet.
class ScreenshotTranslator : public QTranslator
{
public:
    QString translate(const char *, const char *source, const char *, int n) const override
    {
        static const char *const zh[][2] = {
            {"All environments", "所有环境"},
            {"All namespaces", "所有命名空间"},
            {"Workload name contains…", "工作负载名称包含…"},
            {"Promoted", "已推广"},
            {"Aborted", "已中止"},
            {"In progress", "进行中"},
            {"Superseded", "已被取代"},
            {"Deleted", "已删除"},
            {"Started:", "开始时间："},
            {"Last 24 hours", "最近 24 小时"},
            {"Last 7 days", "最近 7 天"},
            {"Last 30 days", "最近 30 天"},
            {"Last 90 days", "最近 90 天"},
            {"All", "全部"},
            {"Custom", "自定义"},
            {"from", "从"},
            {"to", "到"},
            {"releases", "次发布"},
            {"per week", "每周"},
            {"aborted (%n)", "已中止（%n）"},
            {"rolled back (%n)", "已回滚（%n）"},
            {"median time to promotion", "推广时间中位数"},
            {"median time to recover", "恢复时间中位数"},
            {"median time to recover, mean %1", "恢复时间中位数，平均 %1"},
            {"%1; %n not recovered", "%1；%n 次未恢复"},
            {"Started", "开始"},
            {"Environment", "环境"},
            {"Namespace", "命名空间"},
            {"Workload", "工作负载"},
            {"Revision", "修订版本"},
            {"Images", "镜像"},
            {"Outcome", "结果"},
            {"Duration", "耗时"},
            {"Notes", "备注"},
            {"partially observed", "部分观察"},
            {"workload deleted", "工作负载已删除"},
            {"%1 min %2 s", "%1 分 %2 秒"},
            {"%1 min", "%1 分钟"},
            {"%1 s", "%1 秒"},
            {"%1 h %2 min", "%1 小时 %2 分"},
            {"Compare with Previous", "与上一次比较"},
            {"Export Report…", "导出报告…"},
        };
        QString text;
        for (const auto &pair : zh) {
            if (qstrcmp(pair[0], source) == 0)
                text = QString::fromUtf8(pair[1]);
        }
        if (text.isEmpty() || n < 0)
            return text;
        return QString(text).replace(QStringLiteral("%n"), QString::number(n));
    }
    bool isEmpty() const override { return false; }
};
