// SPDX-License-Identifier: GPL-3.0-or-later
// English plural forms: the source texts are English, but "%n pods" reads "1 pod" only through
// the English catalog (translations/release-dashboard_en.ts), which TranslationLoader installs
// for English, under every other catalog, and for a language without one. The catalog holds
// every numerus message of the sources, with both forms. This test links no
// support/englishplurals.cpp (tests/CMakeLists.txt), so only the loader installs the forms.
#include "rollouteventsview.h"
#include "stepdescription.h"
#include "translationloader.h"
#include "tscatalog.h"

#include <QCoreApplication>
#include <QHash>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

namespace {

const QString englishTsPath = QStringLiteral(RD_SOURCE_DIR "/translations/release-dashboard_en.ts");
const QString chineseTsPath
    = QStringLiteral(RD_SOURCE_DIR "/translations/release-dashboard_zh_CN.ts");

Event eventOfType(const QString &uid, const QString &type)
{
    Event event;
    event.metadata.uid = uid;
    event.metadata.name = uid;
    event.type = type;
    event.reason = QStringLiteral("Reason");
    event.count = 1;
    return event;
}

QString eventsTabTitle(const QList<Event> &events)
{
    RolloutEventsView view;
    view.eventsModel()->setEvents(events, QStringLiteral("web"), QDateTime::currentDateTimeUtc());
    return view.tabTitle(events.size());
}

QString metricErrors(int errors)
{
    MetricResult metric;
    metric.error = errors;
    return StepDescription::metricCounts(metric);
}

QString podsTabTitle(int pods)
{
    return QCoreApplication::translate("FlaggerCanaryDetailView", "Primary and canary (%n pods)",
                                       nullptr, pods);
}

} // namespace

class TestEnglishPlurals : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        // Each test starts as the app does, before TranslationLoader::install.
        qDeleteAll(QCoreApplication::instance()->findChildren<QTranslator *>());
        QLocale::setDefault(QLocale::c());
    }

    void withoutTheCatalogTheSourceShows()
    {
        // What the English catalog is for: the source alone cannot say "1 pod".
        QCOMPARE(metricErrors(1), QStringLiteral("1 errors"));
    }

    void englishHasSingularAndPlural()
    {
        QCOMPARE(TranslationLoader::install(QCoreApplication::instance(), QStringLiteral("en")),
                 QLocale::c());
        QCOMPARE(eventsTabTitle({eventOfType(QStringLiteral("a"), QStringLiteral("Warning"))}),
                 QStringLiteral("Events (1, 1 warning)"));
        QCOMPARE(eventsTabTitle({eventOfType(QStringLiteral("a"), QStringLiteral("Warning")),
                                 eventOfType(QStringLiteral("b"), QStringLiteral("Normal")),
                                 eventOfType(QStringLiteral("c"), QStringLiteral("Warning"))}),
                 QStringLiteral("Events (3, 2 warnings)"));
        QCOMPARE(eventsTabTitle({eventOfType(QStringLiteral("a"), QStringLiteral("Normal"))}),
                 QStringLiteral("Events (1)"));
        QCOMPARE(podsTabTitle(1), QStringLiteral("Primary and canary (1 pod)"));
        QCOMPARE(podsTabTitle(2), QStringLiteral("Primary and canary (2 pods)"));
        QCOMPARE(metricErrors(1), QStringLiteral("1 error"));
        QCOMPARE(metricErrors(2), QStringLiteral("2 errors"));
        QCOMPARE(QCoreApplication::translate("FlaggerAnalysisModel", "%n retries", nullptr, 1),
                 QStringLiteral("1 retry"));
        // Other texts keep their source.
        QCOMPARE(QCoreApplication::translate("FilterBar", "Needs attention"),
                 QStringLiteral("Needs attention"));
        // The English plurals are no catalog of a language: the UI stays in English.
        QVERIFY(!TranslationLoader::hasCatalog(QLocale(QStringLiteral("en_GB"))));
    }

    void aLanguageWithoutACatalogGetsEnglishPlurals()
    {
        QCOMPARE(TranslationLoader::install(QCoreApplication::instance(), QStringLiteral("fr_FR")),
                 QLocale::c());
        QCOMPARE(podsTabTitle(1), QStringLiteral("Primary and canary (1 pod)"));
        QCOMPARE(metricErrors(1), QStringLiteral("1 error"));
    }

    void chineseStillLoads()
    {
        const QLocale locale
            = TranslationLoader::install(QCoreApplication::instance(), QStringLiteral("zh_CN"));
        QCOMPARE(locale.name(), QStringLiteral("zh_CN"));
        QCOMPARE(QCoreApplication::translate("FilterBar", "Needs attention"),
                 QStringLiteral("需要关注"));
        // A numerus text of the Chinese catalog wins over the English forms beneath it.
        QCOMPARE(QCoreApplication::translate("EnvironmentModel", "retrying in %n s", nullptr, 1),
                 QStringLiteral("1 秒后重试"));
    }

    void commandLineSpeaksEnglishPlurals()
    {
        // The headless commands install the catalogs as the window does (Application::run):
        // `record` over one environment of the demo says so in the singular.
        QTemporaryDir dir;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("RELEASE_DASHBOARD_AUDIT_FILE"),
                           dir.filePath(QStringLiteral("audit.jsonl")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
        environment.remove(QStringLiteral("RELEASE_DASHBOARD_HISTORY_FILE"));
        // A British desktop: English, which has no catalog of its own beyond the plurals.
        environment.remove(QStringLiteral("LANGUAGE"));
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("en_GB.UTF-8"));
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(RD_APP_EXE),
                      {QStringLiteral("record"), QStringLiteral("--demo"), QStringLiteral("--env"),
                       QStringLiteral("dev"), QStringLiteral("--history-file"),
                       dir.filePath(QStringLiteral("history.sqlite"))});
        QByteArray output;
        const bool started = QTest::qWaitFor(
            [&] {
                process.waitForReadyRead(100);
                output += process.readAllStandardOutput();
                return output.contains("recording ") || process.state() == QProcess::NotRunning;
            },
            60000);
        process.terminate();
        QVERIFY(process.waitForFinished(30000));
        QVERIFY2(started, process.readAllStandardError().constData());
        QVERIFY2(output.contains("recording 1 environment (dev) into "), output.constData());
    }

    void everyChineseNumerusMessageHasEnglishForms()
    {
        // A %n text added later fails here until release-dashboard_en.ts has its forms.
        QHash<QString, TsMessage> english;
        for (const TsMessage &message : readTsCatalog(englishTsPath))
            english.insert(message.key(), message);
        const QList<TsMessage> chinese = readTsCatalog(chineseTsPath);
        int numerus = 0;
        for (const TsMessage &message : chinese) {
            if (!message.numerus)
                continue;
            ++numerus;
            QVERIFY2(english.contains(message.key()), qPrintable(message.key()));
        }
        QVERIFY(numerus > 20);
    }

    void englishFormsAreComplete()
    {
        const QList<TsMessage> english = readTsCatalog(englishTsPath);
        QVERIFY(english.size() > 40);
        for (const TsMessage &message : english) {
            const QString where = message.key();
            QVERIFY2(message.numerus, qPrintable(where)); // plural forms only (-pluralonly)
            QVERIFY2(!message.unfinished, qPrintable(where));
            QCOMPARE(message.translations.size(), 2); // one, other
            for (const QString &form : message.translations) {
                QVERIFY2(!form.trimmed().isEmpty(), qPrintable(where));
                QVERIFY2(!form.contains(QLatin1String("(s)")), qPrintable(where + u' ' + form));
                for (int n = 1; n <= 9; ++n) {
                    const QString marker = QLatin1Char('%') + QString::number(n);
                    QVERIFY2(message.source.contains(marker) == form.contains(marker),
                             qPrintable(where + u' ' + form + u' ' + marker));
                }
                QVERIFY2(message.source.contains(QLatin1String("%n"))
                             == form.contains(QLatin1String("%n")),
                         qPrintable(where + u' ' + form));
            }
        }
    }

    void englishCurrentWithTheSources()
    {
        // As update_translations runs it: every numerus message of the sources, none left over.
        QTemporaryDir dir;
        const QString fresh = dir.filePath(QStringLiteral("fresh_en.ts"));
        const QString problem = runLupdateOverClientLayers(fresh, {QStringLiteral("-pluralonly")});
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // Fix with: cmake --build <build> --target update_translations, then fill both forms.
        const QString difference = tsCatalogDifference(fresh, englishTsPath);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }
};

QTEST_MAIN(TestEnglishPlurals)
#include "tst_englishplurals.moc"
