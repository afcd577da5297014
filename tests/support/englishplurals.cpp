// SPDX-License-Identifier: GPL-3.0-or-later
// Linked into every test (tests/CMakeLists.txt): the English plural forms
// (translations/release-dashboard_en.ts), installed as the app installs them at startup
// (app/translationloader.cpp), so a test reads "1 pod" where the window and the command line
// do. Without them a numerus text shows its source: "1 pods".
#include <QCoreApplication>
#include <QTranslator>

namespace {

void installTestEnglishPlurals()
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(QStringLiteral(RD_ENGLISH_PLURALS_QM)))
        qFatal("cannot load the English plural forms %s", RD_ENGLISH_PLURALS_QM);
    QCoreApplication::installTranslator(translator);
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(installTestEnglishPlurals)
