// SPDX-License-Identifier: GPL-3.0-or-later
#include "translationloader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace {

const QString appCatalogName = QStringLiteral("release-dashboard");
const QString appCatalogDir = QStringLiteral(":/i18n");
const QString englishPluralsObjectName = QStringLiteral("englishPluralsTranslator");

// The source texts are English, but a numerus text ("%n pods") reads "1 pod" only through a
// catalog: release-dashboard_en holds just those forms. It goes in first, so every other
// catalog is searched before it (Qt asks the translator installed last first) and it covers
// any language without a catalog of its own, or a message a catalog lacks. Installed once.
void installEnglishPlurals(QCoreApplication *app)
{
    if (app->findChild<QTranslator *>(englishPluralsObjectName, Qt::FindDirectChildrenOnly))
        return;
    auto *translator = new QTranslator(app);
    translator->setObjectName(englishPluralsObjectName);
    if (!translator->load(appCatalogName + QStringLiteral("_en"), appCatalogDir)) {
        delete translator;
        return;
    }
    app->installTranslator(translator);
}

bool isEnglishCatalog(const QTranslator &translator)
{
    return translator.language().startsWith(QLatin1String("en"));
}

} // namespace

bool TranslationLoader::hasCatalog(const QLocale &locale)
{
    QTranslator probe;
    return probe.load(locale, appCatalogName, QStringLiteral("_"), appCatalogDir)
        && !isEnglishCatalog(probe);
}

QLocale TranslationLoader::install(QCoreApplication *app, const QString &language)
{
    QLocale locale;
    if (!language.isEmpty()) {
        locale = QLocale(language);
        QLocale::setDefault(locale);
    }
    installEnglishPlurals(app);
    // QTranslator::load(QLocale, ...) walks locale.uiLanguages(): zh_CN, then zh, ...; it
    // can end at the English plurals (en_GB, or a list such as de, en), installed above.
    auto *translator = new QTranslator(app);
    if (!translator->load(locale, appCatalogName, QStringLiteral("_"), appCatalogDir)
        || isEnglishCatalog(*translator)) {
        delete translator;
        return QLocale::c();
    }
    app->installTranslator(translator);
    auto *qtTranslator = new QTranslator(app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        app->installTranslator(qtTranslator);
    } else {
        delete qtTranslator;
    }
    return locale;
}
