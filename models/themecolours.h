// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

// Colours that follow the palette. Every status colour in the window is chosen for a light
// background; on a dark palette the same hue is lightened until it reads (and tints behind
// text are darkened), so nothing vanishes in a dark desktop. The app's theme (system, light
// or dark) is applied here too.
class ThemeColours
{
public:
    enum class Theme { System, Light, Dark };

    // The application palette's window is dark.
    static bool isDark();
    static bool isDark(const QPalette &palette);
    // A text or symbol colour chosen for a light background, readable on the current one.
    static QColor foreground(const QColor &forLight);
    // A soft background behind text (a warning's tint), for the current palette.
    static QColor tint(const QColor &forLight);

    // "system", "light", "dark" (the --theme option and the settings) and back.
    static QString themeName(Theme theme);
    static bool themeFromName(const QString &name, Theme *theme);
    // Sets the application's style and palette: Fusion with a light or a dark palette, or
    // the platform's own for System. Call with a QApplication.
    static void apply(Theme theme);
    static QPalette darkPalette();
};
