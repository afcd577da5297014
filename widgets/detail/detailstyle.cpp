// SPDX-License-Identifier: GPL-3.0-or-later
#include "detailstyle.h"

#include "rolloutsituation.h"

#include <QPainter>

#include "themecolours.h"

#include <QHash>
#include <QLocale>

#include "durationparser.h"
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

QString DetailStyle::analysisSymbolPhase(const QString &analysisPhase)
{
    if (analysisPhase == QLatin1String("Successful"))
        return QStringLiteral("Healthy");
    if (analysisPhase == QLatin1String("Failed") || analysisPhase == QLatin1String("Error"))
        return QStringLiteral("Degraded");
    if (analysisPhase == QLatin1String("Inconclusive"))
        return QStringLiteral("Paused");
    if (analysisPhase == QLatin1String("Running") || analysisPhase == QLatin1String("Pending"))
        return QStringLiteral("Progressing");
    return QStringLiteral("Unknown");
}

QColor DetailStyle::analysisPhaseColour(const QString &analysisPhase)
{
    if (analysisPhase == QLatin1String("Failed") || analysisPhase == QLatin1String("Error"))
        return failedColour();
    if (analysisPhase == QLatin1String("Inconclusive"))
        return warningColour();
    return QColor();
}

QString DetailStyle::analysisPhaseName(const QString &analysisPhase)
{
    if (analysisPhase == QLatin1String("Successful"))
        return tr("Successful");
    if (analysisPhase == QLatin1String("Failed"))
        return tr("Failed");
    if (analysisPhase == QLatin1String("Error"))
        return tr("Error");
    if (analysisPhase == QLatin1String("Inconclusive"))
        return tr("Inconclusive");
    if (analysisPhase == QLatin1String("Running"))
        return tr("Running");
    if (analysisPhase == QLatin1String("Pending") || analysisPhase.isEmpty())
        return tr("Pending");
    return analysisPhase;
}

QString DetailStyle::healthSymbolPhase(const QString &health)
{
    if (health == QLatin1String("Healthy") || health == QLatin1String("Progressing"))
        return health;
    if (health == QLatin1String("ReplicaFailure"))
        return QStringLiteral("Degraded");
    return QStringLiteral("Unknown"); // ScaledDown: a grey symbol
}

QString DetailStyle::healthName(const QString &health)
{
    if (health == QLatin1String("ReplicaFailure"))
        return tr("Replica failure");
    if (health == QLatin1String("ScaledDown"))
        return tr("Scaled down");
    return PhaseStyle::displayName(health);
}

QString DetailStyle::roleName(const QString &tag)
{
    if (tag == QLatin1String("stable"))
        return tr("stable");
    if (tag == QLatin1String("canary"))
        return tr("canary");
    if (tag == QLatin1String("active"))
        return tr("active");
    if (tag == QLatin1String("preview"))
        return tr("preview");
    return tag; // ping, pong: names of services
}

QColor DetailStyle::roleColour(const QString &tag)
{
    if (tag == QLatin1String("stable") || tag == QLatin1String("active"))
        return okColour();
    if (tag == QLatin1String("canary") || tag == QLatin1String("preview"))
        return activeColour();
    return QColor();
}

QString DetailStyle::podStatusName(const QString &status)
{
    if (status == QLatin1String("Running"))
        return tr("Running");
    if (status == QLatin1String("Pending"))
        return tr("Pending");
    if (status == QLatin1String("Completed"))
        return tr("Completed");
    if (status == QLatin1String("Terminating"))
        return tr("Terminating");
    if (status == QLatin1String("Unknown"))
        return tr("Unknown");
    return status;
}

QColor DetailStyle::podStatusColour(const QString &status)
{
    if (status == QLatin1String("Running") || status == QLatin1String("Completed"))
        return QColor();
    static const QStringList pending = {
        QStringLiteral("Pending"),         QStringLiteral("ContainerCreating"),
        QStringLiteral("PodInitializing"), QStringLiteral("NotReady"),
        QStringLiteral("Terminating"),     QStringLiteral("SchedulingGated"),
        QStringLiteral("Unknown"),
    };
    if (pending.contains(status))
        return warningColour();
    // Init:1/2 is progress; Init:CrashLoopBackOff or Init:ExitCode:1 is a failure.
    if (status.startsWith(QLatin1String("Init:"))) {
        const QStringView rest = QStringView(status).mid(5);
        if (!rest.isEmpty() && rest.front().isDigit())
            return warningColour();
    }
    return failedColour();
}

QString DetailStyle::shortImage(const QString &image)
{
    // The digest may contain no '/', but the tag or name may not either: cut at the last
    // '/' before any '@'.
    const qsizetype digest = image.indexOf(QLatin1Char('@'));
    const qsizetype slash = image.lastIndexOf(QLatin1Char('/'), digest < 0 ? -1 : digest);
    return slash < 0 ? image : image.mid(slash + 1);
}

QString DetailStyle::age(const QDateTime &time, const QDateTime &now)
{
    if (!time.isValid())
        return QStringLiteral("\u2013");
    return humanDuration(time.msecsTo(now));
}

QString DetailStyle::timestamp(const QDateTime &time)
{
    if (!time.isValid())
        return QString();
    // ISO order with the zone: unambiguous in an incident channel whatever the locale.
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss t"));
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
