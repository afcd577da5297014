// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "themecolours.h"

// The window's theme: the choice saved from View > Theme (QSettings "appearance/theme"),
// and applying one to the running application (Fusion with a light or dark palette, or the
// platform's own style and palette for System).
class Appearance
{
public:
    static ThemeColours::Theme savedTheme();
    static void saveTheme(ThemeColours::Theme theme);
    static void apply(ThemeColours::Theme theme);
    // The theme last applied (System before any).
    static ThemeColours::Theme current();
};
