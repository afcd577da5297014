// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qt>

// What the detail models say about a cell beyond its text, by meaning rather than by colour:
// the colours and symbols are the widgets' (DetailStyle, PhaseStyle), and the detail views
// turn these roles into Qt's foreground, background and decoration roles.
namespace DetailRoles {

enum Role {
    // QString: the row's stable key (uid or name), on every column.
    KeyRole = Qt::UserRole + 100,
    // int (Tone): the colour of the text and of a step marker; absent for the default.
    ToneRole,
    // QString: the symbol left of the text: a PhaseStyle phase ("Healthy", "Degraded", ...),
    // markerCurrent or markerDone (the steps' markers, in SymbolToneRole), or blankSymbol
    // (no symbol, but the room of one); absent for none.
    SymbolRole,
    // int (Tone): the colour of a step marker.
    SymbolToneRole,
    // int (Tone): a tint behind the cell; absent for none.
    TintRole,
    // bool, column 0: the row starts expanded when it first appears.
    ExpandedByDefaultRole,
    // bool, column 0: the row's first cell spans every column (a message to read whole).
    FirstColumnSpannedRole,
};

enum class Tone {
    Default,
    Muted, // history and facts: the palette's disabled text
    Ok, // stable, active
    Active, // canary, preview, the marker of a step that goes on
    Warning, // amber: waiting, restarts, inconclusive
    Failed, // red
    Text, // the palette's text, on a tint
};

inline constexpr const char *markerCurrent = "marker:current";
inline constexpr const char *markerDone = "marker:done";
inline constexpr const char *blankSymbol = "blank";

} // namespace DetailRoles
