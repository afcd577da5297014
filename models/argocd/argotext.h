// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "argoapplication.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>

// Argo CD's words in the window's language, and the colour of each: Argo CD answers in
// English codes (Synced, OutOfSync, Healthy, Suspended...), shown translated with a symbol
// that reads without colour.
class ArgoText
{
    Q_DECLARE_TR_FUNCTIONS(ArgoText)
public:
    static QString syncStatus(const QString &code); // "✓ Synced", "⟳ Out of sync"
    static QString health(const QString &code); // "Healthy", "Suspended", ...
    // The operation in a few words: "Syncing (admin)", "Sync failed", "Synced by auto-sync".
    static QString operation(const ArgoOperation &operation);
    // The same for an application: a requested operation the controller has not taken up
    // yet reads "Sync requested (admin)" rather than the previous operation's outcome.
    static QString operation(const ArgoApplication &app);
    static QString initiator(const ArgoInitiator &initiator); // "admin", "auto-sync"
    // For a light background (ThemeColours::foreground adapts it).
    static QColor syncColour(const QString &code);
    static QColor healthColour(const QString &code);
    // "3f2a9c1" for a 40-hex Git SHA; anything else (a chart version, a tag) as it is.
    static QString shortRevision(const QString &revision);
    // "Helm chart checkout 1.4.2", "Kustomize shop/envs/dev (git@…)", "Git repo path".
    static QString source(const ArgoSource &source);
};
