// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

// Installs the app's catalog (embedded under :/i18n) and Qt's own qtbase catalog (from
// QLibraryInfo::TranslationsPath, when present) for a language, above the English plural
// forms (release-dashboard_en: "1 pod", "2 pods"), which are installed for every language.
class TranslationLoader
{
public:
    // language: "zh_CN", "zh", "en", ...; empty: the system's UI languages. A given language
    // also becomes the default QLocale, so numbers and dates follow it. Returns the locale
    // whose app catalog was installed, or QLocale::c() when the UI stays in English.
    static QLocale install(QCoreApplication *app, const QString &language);
    // Whether the app has a catalog for the locale (English has only its plural forms, which
    // do not count).
    static bool hasCatalog(const QLocale &locale);
};
