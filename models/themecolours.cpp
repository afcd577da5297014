// SPDX-License-Identifier: GPL-3.0-or-later
#include "themecolours.h"

#include <QGuiApplication>

#include <algorithm>

namespace {
// Lightness (HSL, 0..255) a foreground colour needs on a dark window, and the most a tint may
// have there.
constexpr int darkForegroundLightness = 165;
constexpr int darkTintLightness = 52;

QPalette &platformPalette()
{
    static QPalette palette;
    return palette;
}
bool &platformPaletteSaved()
{
    static bool saved = false;
    return saved;
}
} // namespace

bool ThemeColours::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

bool ThemeColours::isDark()
{
    // Models are used without a GUI application too (headless tools, QtCore tests): light.
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return false;
    return isDark(QGuiApplication::palette());
}

QColor ThemeColours::foreground(const QColor &forLight)
{
    if (!forLight.isValid() || !isDark())
        return forLight;
    const QColor hsl = forLight.toHsl();
    return QColor::fromHsl(hsl.hslHue(), hsl.hslSaturation(),
                           std::max(hsl.lightness(), darkForegroundLightness), hsl.alpha())
        .toRgb();
}

QColor ThemeColours::tint(const QColor &forLight)
{
    if (!forLight.isValid() || !isDark())
        return forLight;
    const QColor hsl = forLight.toHsl();
    return QColor::fromHsl(hsl.hslHue(), std::min(hsl.hslSaturation(), 120),
                           std::min(hsl.lightness(), darkTintLightness), hsl.alpha())
        .toRgb();
}

QString ThemeColours::themeName(Theme theme)
{
    switch (theme) {
    case Theme::System:
        return QStringLiteral("system");
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    }
    return QString();
}

bool ThemeColours::themeFromName(const QString &name, Theme *theme)
{
    for (Theme candidate : {Theme::System, Theme::Light, Theme::Dark}) {
        if (name == themeName(candidate)) {
            *theme = candidate;
            return true;
        }
    }
    return false;
}

QPalette ThemeColours::darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1f, 0x21, 0x24);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabled(0x80, 0x80, 0x80);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2c));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x41));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x38, 0x3b));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x51));
    p.setColor(QPalette::Midlight, QColor(0x3e, 0x41, 0x45));
    p.setColor(QPalette::Mid, QColor(0x5a, 0x5d, 0x61));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xb8));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x8c, 0xff));
    for (QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::HighlightedText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x45, 0x48, 0x4c));
    return p;
}

void ThemeColours::apply(Theme theme)
{
    if (!platformPaletteSaved()) {
        platformPalette() = QGuiApplication::palette();
        platformPaletteSaved() = true;
    }
    switch (theme) {
    case Theme::System:
        QGuiApplication::setPalette(platformPalette());
        break;
    case Theme::Light:
        QGuiApplication::setPalette(QPalette(QColor(0xef, 0xef, 0xef)));
        break;
    case Theme::Dark:
        QGuiApplication::setPalette(darkPalette());
        break;
    }
}
