// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QDateTime>
#include <QIcon>
#include <QPalette>
#include <QString>

// Colours, symbols and small texts shared by the parts of the rollout detail view, so a
// failure looks the same in the header, the steps, the ReplicaSets and the analysis. The
// colours are PhaseStyle's: red is Degraded's, amber is Paused's.
class DetailStyle
{
    Q_DECLARE_TR_FUNCTIONS(DetailStyle)

public:
    static QColor failedColour();
    static QColor warningColour();
    static QColor okColour();
    static QColor activeColour();
    // Light tints behind a Warning event or the error box.
    static QColor warningTint();
    static QColor failedTint();

    // The PhaseStyle symbol for an AnalysisPhase: Successful as Healthy, Pending and Running
    // as Progressing, Inconclusive as Paused, Failed and Error as Degraded.
    static QString analysisSymbolPhase(const QString &analysisPhase);
    // Red for Failed and Error, amber for Inconclusive, invalid (default) otherwise.
    static QColor analysisPhaseColour(const QString &analysisPhase);
    // Translated AnalysisPhase.
    static QString analysisPhaseName(const QString &analysisPhase);

    // replicaSetHealth() as a PhaseStyle symbol, and translated.
    static QString healthSymbolPhase(const QString &health);
    static QString healthName(const QString &health);
    // A role tag ("stable", "canary", ...) translated, and its colour.
    static QString roleName(const QString &tag);
    static QColor roleColour(const QString &tag);

    // A pod status in the user's language where it is a plain word (Running, Pending,
    // Completed, Terminating, Unknown); Kubernetes reasons people search for
    // (ContainerCreating, CrashLoopBackOff, ExitCode:1) stay as they are.
    static QString podStatusName(const QString &status);
    // Red for failures (CrashLoopBackOff, Error, ExitCode:…, ImagePullBackOff, OOMKilled,
    // Evicted…), amber for not yet running (Pending, ContainerCreating, Init:…, NotReady,
    // Terminating…), invalid for Running and Completed.
    static QColor podStatusColour(const QString &status);

    // An image without its registry and path, "search:1.10.0": the tag is what tells
    // revisions apart in a narrow column (the full name is in the tooltip).
    static QString shortImage(const QString &image);

    // How long ago, as kubectl prints ages ("45s", "3h59m"); "–" for a null time.
    static QString age(const QDateTime &time, const QDateTime &now);
    // The environment's colour: the configured one, else a steady colour made from the name
    // (the same name always gets the same colour), dark enough for white text.
    static QColor environmentColour(const QString &environment, const QColor &configured);
    // A style sheet for a boxed note (`selector` e.g. "QLabel#notices") from colours chosen
    // for a light palette: background and border as tints, text as a foreground, so the box
    // reads in a dark palette too.
    static QString boxStyleSheet(const QString &selector, const QColor &background,
                                 const QColor &text, const QColor &border);
    // The style's icon redrawn in the palette's button text colour (and its disabled
    // colour) on a dark palette, where the style's black glyphs would vanish; unchanged on
    // a light one.
    static QIcon paletteIcon(const QIcon &icon, const QPalette &palette);
    // Black or white, whichever reads better on `background`.
    static QColor textColourOn(const QColor &background);
    // "23:50:05" (local time) today, else "Dec 4 23:50:05".
    static QString clockTime(const QDateTime &time);
    // A full local date and time for tooltips: "2024-05-03 14:12:45 UTC".
    static QString timestamp(const QDateTime &time);
};
