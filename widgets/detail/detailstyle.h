// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detailroles.h"

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

    // The colour of a detail model's DetailRoles::Tone (invalid for Default), with the
    // palette's for Muted and Text.
    static QColor toneColour(DetailRoles::Tone tone, const QPalette &palette);
    // DetailText's, for the parts that are not item views.
    static QString roleName(const QString &tag);
    static QColor roleColour(const QString &tag);

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
