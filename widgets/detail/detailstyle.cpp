// SPDX-License-Identifier: GPL-3.0-or-later
#include "detailstyle.h"

#include "rolloutsituation.h"

#include <QPainter>

#include "themecolours.h"

#include <QHash>
#include <QLocale>

#include "detailtext.h"
#include "phasestyle.h"

QColor DetailStyle::failedColour()
{
    return PhaseStyle::colour(QStringLiteral("Degraded"));
}

QColor DetailStyle::warningColour()
{
    return PhaseStyle::colour(QStringLiteral("Paused"));
}

QColor DetailStyle::okColour()
{
    return PhaseStyle::colour(QStringLiteral("Healthy"));
}

QColor DetailStyle::activeColour()
{
    return PhaseStyle::colour(QStringLiteral("Progressing"));
}

QColor DetailStyle::warningTint()
{
    return ThemeColours::tint(QColor(0xfd, 0xf3, 0xe1));
}

QColor DetailStyle::failedTint()
{
    return ThemeColours::tint(QColor(0xfd, 0xec, 0xec));
}

QColor DetailStyle::toneColour(DetailRoles::Tone tone, const QPalette &palette)
{
    using Tone = DetailRoles::Tone;
    switch (tone) {
    case Tone::Muted:
        return palette.color(QPalette::Disabled, QPalette::Text);
    case Tone::Ok:
        return okColour();
    case Tone::Active:
        return activeColour();
    case Tone::Warning:
        return warningColour();
    case Tone::Failed:
        return failedColour();
    case Tone::Text:
        return palette.color(QPalette::Text);
    case Tone::Default:
        break;
    }
    return QColor();
}

QString DetailStyle::roleName(const QString &tag)
{
    return DetailText::roleName(tag);
}

QColor DetailStyle::roleColour(const QString &tag)
{
    return toneColour(DetailText::roleTone(tag), QPalette());
}

QString DetailStyle::age(const QDateTime &time, const QDateTime &now)
{
    return DetailText::age(time, now);
}

QString DetailStyle::timestamp(const QDateTime &time)
{
    return DetailText::timestamp(time);
}

QColor DetailStyle::environmentColour(const QString &environment, const QColor &configured)
{
    if (configured.isValid())
        return configured;
    // A hue from the name; saturation and value fixed so every hue carries white text.
    const int hue = int(qHash(environment, 7u) % 360u);
    return QColor::fromHsv(hue, 150, 150);
}

QString DetailStyle::boxStyleSheet(const QString &selector, const QColor &background,
                                   const QColor &text, const QColor &border)
{
    const QColor borderColour
        = ThemeColours::isDark() ? ThemeColours::foreground(border).darker(180) : border;
    return QStringLiteral("%1 { background: %2; color: %3; border: 1px solid %4;"
                          " border-radius: 3px; }")
        .arg(selector, ThemeColours::tint(background).name(), ThemeColours::foreground(text).name(),
             borderColour.name());
}

QIcon DetailStyle::paletteIcon(const QIcon &icon, const QPalette &palette)
{
    if (!ThemeColours::isDark(palette))
        return icon;
    QIcon tinted;
    for (int size : {16, 20, 24, 32}) {
        for (const auto &[mode, group] : {std::pair {QIcon::Normal, QPalette::Active},
                                          std::pair {QIcon::Disabled, QPalette::Disabled}}) {
            QPixmap pixmap = icon.pixmap(size, size);
            QPainter painter(&pixmap);
            // Keep the glyph's shape (alpha), replace its colour.
            painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
            painter.fillRect(pixmap.rect(), palette.color(group, QPalette::ButtonText));
            painter.end();
            tinted.addPixmap(pixmap, mode);
        }
    }
    return tinted;
}

QColor DetailStyle::textColourOn(const QColor &background)
{
    // Relative luminance (sRGB weights): light backgrounds get black text.
    const double luminance
        = 0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF();
    return luminance > 0.55 ? QColor(Qt::black) : QColor(Qt::white);
}

QString DetailStyle::clockTime(const QDateTime &time)
{
    return RolloutSituationText::clockTime(time, QDateTime::currentDateTimeUtc(), true);
}
