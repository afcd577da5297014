// SPDX-License-Identifier: GPL-3.0-or-later
#include "appearance.h"

#include <QApplication>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace {
const QString themeKey = QStringLiteral("appearance/theme");

QString &platformStyle()
{
    static QString name;
    return name;
}

ThemeColours::Theme &applied()
{
    static ThemeColours::Theme theme = ThemeColours::Theme::System;
    return theme;
}
} // namespace

ThemeColours::Theme Appearance::savedTheme()
{
    ThemeColours::Theme theme = ThemeColours::Theme::System;
    ThemeColours::themeFromName(QSettings().value(themeKey).toString(), &theme);
    return theme;
}

void Appearance::saveTheme(ThemeColours::Theme theme)
{
    QSettings().setValue(themeKey, ThemeColours::themeName(theme));
}

void Appearance::apply(ThemeColours::Theme theme)
{
    if (platformStyle().isEmpty() && QApplication::style())
        platformStyle() = QApplication::style()->name();
    // Fusion draws every control from the palette, so a forced light or dark palette looks
    // whole; the platform's style may not.
    const QString style
        = theme == ThemeColours::Theme::System ? platformStyle() : QStringLiteral("Fusion");
    if (!style.isEmpty() && QApplication::style()
        && QApplication::style()->name().compare(style, Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStyleFactory::create(style));
    ThemeColours::apply(theme);
    applied() = theme;
}

ThemeColours::Theme Appearance::current()
{
    return applied();
}
