// SPDX-License-Identifier: GPL-3.0-or-later
// The Simplified Chinese catalog: complete, current with the sources, embedded, and loaded
// for --lang zh_CN together with Qt's own catalog.
#include "jsondecoder.h"
#include "translationloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

const QString tsPath = QStringLiteral(RD_SOURCE_DIR "/translations/release-dashboard_zh_CN.ts");

struct TsEntry
{
    QString context;
    QString source;
    QString comment;
    QStringList translations;
    bool unfinished = false;
};

QList<TsEntry> readTs(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QXmlStreamReader xml(&file);
    QList<TsEntry> entries;
    QString context;
    TsEntry entry;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            entry = TsEntry();
            entry.context = context;
        } else if (name == QLatin1String("source")) {
            entry.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            entry.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            entry.unfinished
                = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            entry.translations.append(text);
            entries.append(entry);
        }
    }
    return entries;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void complete()
    {
        const QList<TsEntry> entries = readTs(tsPath);
        QVERIFY(entries.size() > 200);
        for (const TsEntry &entry : entries) {
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
        const QString lupdate
            = QLibraryInfo::path(QLibraryInfo::BinariesPath) + QStringLiteral("/lupdate");
        QVERIFY2(QFile::exists(lupdate), qPrintable(lupdate));
        QTemporaryDir dir;
        const QString fresh = dir.filePath(QStringLiteral("fresh_zh_CN.ts"));
        QStringList arguments = {QStringLiteral("-silent"), QStringLiteral("-no-obsolete"),
                                 QStringLiteral("-locations"), QStringLiteral("none")};
        for (const char *layer :
             {"domain", "net", "fetchers", "store", "history", "models", "widgets", "app"})
            arguments.append(QStringLiteral(RD_SOURCE_DIR "/") + QLatin1String(layer));
        arguments += {QStringLiteral("-ts"), fresh};
        QProcess process;
        process.start(lupdate, arguments);
        QVERIFY(process.waitForFinished(120000));
        QCOMPARE(process.exitCode(), 0);

        QSet<QString> expected;
        for (const TsEntry &entry : readTs(fresh))
            expected.insert(entry.context + u'|' + entry.source + u'|' + entry.comment);
        QSet<QString> committed;
        for (const TsEntry &entry : readTs(tsPath))
            committed.insert(entry.context + u'|' + entry.source + u'|' + entry.comment);
        QStringList missing = QSet<QString>(expected).subtract(committed).values();
        QStringList stale = QSet<QString>(committed).subtract(expected).values();
        missing.sort();
        stale.sort();
        // Fix with: cmake --build <build> --target update_translations, then translate.
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("not in the .ts:\n") + missing.join(u'\n')));
        QVERIFY2(stale.isEmpty(),
                 qPrintable(QStringLiteral("gone from the sources:\n") + stale.join(u'\n')));
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
