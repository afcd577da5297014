// SPDX-License-Identifier: GPL-3.0-or-later
#include "translationloader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace {

const QString catalog = QStringLiteral("release-dashboard");
const QString catalogDir = QStringLiteral(":/i18n");

} // namespace

bool TranslationLoader::hasCatalog(const QLocale &locale)
{
    QTranslator probe;
    return probe.load(locale, catalog, QStringLiteral("_"), catalogDir);
}

QLocale TranslationLoader::install(QCoreApplication *app, const QString &language)
{
    QLocale locale;
    if (!language.isEmpty()) {
        locale = QLocale(language);
        QLocale::setDefault(locale);
    }
    // QTranslator::load(QLocale, ...) walks locale.uiLanguages(): zh_CN, then zh, ...
    auto *translator = new QTranslator(app);
    if (!translator->load(locale, catalog, QStringLiteral("_"), catalogDir)) {
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
