// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detailroles.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

// The small texts and tones the rollout detail shows in more than one place (the models'
// rows, the header, the dialogs), so a failure reads the same everywhere.
class DetailText
{
    Q_DECLARE_TR_FUNCTIONS(DetailText)

public:
    using Tone = DetailRoles::Tone;

    // The PhaseStyle symbol for an AnalysisPhase: Successful as Healthy, Pending and Running
    // as Progressing, Inconclusive as Paused, Failed and Error as Degraded.
    static QString analysisSymbolPhase(const QString &analysisPhase);
    // Failed for Failed and Error, Warning for Inconclusive, Default otherwise.
    static Tone analysisPhaseTone(const QString &analysisPhase);
    // Translated AnalysisPhase.
    static QString analysisPhaseName(const QString &analysisPhase);

    // replicaSetHealth() as a PhaseStyle symbol, and translated.
    static QString healthSymbolPhase(const QString &health);
    static QString healthName(const QString &health);
    // A role tag ("stable", "canary", ...) translated, and its tone.
    static QString roleName(const QString &tag);
    static Tone roleTone(const QString &tag);

    // A pod status in the user's language where it is a plain word (Running, Pending,
    // Completed, Terminating, Unknown); Kubernetes reasons people search for
    // (ContainerCreating, CrashLoopBackOff, ExitCode:1) stay as they are.
    static QString podStatusName(const QString &status);
    // Failed for failures (CrashLoopBackOff, Error, ExitCode:…, ImagePullBackOff, OOMKilled,
    // Evicted…), Warning for not yet running (Pending, ContainerCreating, Init:…, NotReady,
    // Terminating…), Default for Running and Completed.
    static Tone podStatusTone(const QString &status);

    // An image without its registry and path, "search:1.10.0": the tag is what tells
    // revisions apart in a narrow column (the full name is in the tooltip).
    static QString shortImage(const QString &image);
    // How long ago, as kubectl prints ages ("45s", "3h59m"); "–" for a null time.
    static QString age(const QDateTime &time, const QDateTime &now);
    // "5m ago", or empty for a null time.
    static QString ago(const QDateTime &time, const QDateTime &now);
    // A full local date and time for tooltips: "2024-05-03 14:12:45 UTC".
    static QString timestamp(const QDateTime &time);
};
