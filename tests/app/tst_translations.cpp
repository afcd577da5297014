// SPDX-License-Identifier: GPL-3.0-or-later
// The Simplified Chinese catalog: complete, current with the sources, embedded, and loaded
// for --lang zh_CN together with Qt's own catalog.
#include "jsondecoder.h"
#include "translationloader.h"
#include "tscatalog.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString tsPath = QStringLiteral(RD_SOURCE_DIR "/translations/release-dashboard_zh_CN.ts");

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void complete()
    {
        const QList<TsMessage> entries = readTsCatalog(tsPath);
        QVERIFY(entries.size() > 200);
        for (const TsMessage &entry : entries) {
            const QString where = entry.context + QStringLiteral(": ") + entry.source;
            QVERIFY2(!entry.unfinished, qPrintable(where));
            QVERIFY2(!entry.translations.join(QString()).trimmed().isEmpty(), qPrintable(where));
            // Every placeholder of the source survives the translation.
            for (int n = 1; n <= 9; ++n) {
                const QString marker = QLatin1Char('%') + QString::number(n);
                QVERIFY2(entry.source.contains(marker)
                             == entry.translations.join(QString()).contains(marker),
                         qPrintable(where + QStringLiteral(" (") + marker + u')'));
            }
        }
    }

    void currentWithTheSources()
    {
        // lupdate over the client layers, as the update_translations target runs it: no
        // string is missing from the committed catalog and none is left over.
        QTemporaryDir dir;
        const QString fresh = dir.filePath(QStringLiteral("fresh_zh_CN.ts"));
        const QString problem = runLupdateOverClientLayers(fresh);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        // Fix with: cmake --build <build> --target update_translations, then translate.
        const QString difference = tsCatalogDifference(fresh, tsPath);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }

    void loadsChinese()
    {
        QVERIFY(TranslationLoader::hasCatalog(QLocale(QStringLiteral("zh_CN"))));
        QVERIFY(!TranslationLoader::hasCatalog(QLocale(QStringLiteral("fr_FR"))));
        QCOMPARE(TranslationLoader::install(QCoreApplication::instance(), QStringLiteral("en")),
                 QLocale::c());
        QCOMPARE(QCoreApplication::translate("FilterBar", "Needs attention"),
                 QStringLiteral("Needs attention"));

        const QLocale locale
            = TranslationLoader::install(QCoreApplication::instance(), QStringLiteral("zh_CN"));
        QCOMPARE(locale.name(), QStringLiteral("zh_CN"));
        QCOMPARE(QLocale().name(), QStringLiteral("zh_CN"));
        QCOMPARE(QCoreApplication::translate("FilterBar", "Needs attention"),
                 QStringLiteral("需要关注"));
        QCOMPARE(QCoreApplication::translate("PhaseStyle", "Paused"), QStringLiteral("已暂停"));
        QCOMPARE(QCoreApplication::translate("FleetModel", "Environment"), QStringLiteral("环境"));
        QCOMPARE(QCoreApplication::translate("ConnectionStateStyle", "Retrying in %1 s").arg(4),
                 QStringLiteral("4 秒后重试"));
        QCOMPARE(QCoreApplication::translate("EnvironmentModel", "retrying in %n s", nullptr, 3),
                 QStringLiteral("3 秒后重试"));
        QCOMPARE(QCoreApplication::translate("NetError", "Cannot reach the server"),
                 QStringLiteral("无法连接到服务器"));
        // The decoder's errors reach the user translated, whichever context lupdate gave them.
        QVERIFY(decodeList<Rollout>(QByteArrayLiteral("{\"items\": ["))
                    .report.error.startsWith(QStringLiteral("JSON 格式错误，位于第")));
        QCOMPARE(decodeList<Rollout>(QByteArrayLiteral("[]")).report.error,
                 QStringLiteral("顶层应为 JSON 对象"));
        // Qt's own catalog (qt6-translations-l10n, installed by scripts/install-deps) came
        // along: the standard dialog buttons speak Chinese too.
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("取消"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
