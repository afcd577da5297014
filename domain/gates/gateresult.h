// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

// A gate's outcome, in order of severity: the verdict of several gates is the worst one.
// Never Pass on missing data: too few points, or no canary to judge, is Inconclusive.
enum class GateOutcome { Pass = 0, Inconclusive = 1, Error = 2, Fail = 3 };

namespace GateOutcomes {
// "Pass", "Fail", "Inconclusive", "Error": the JSON and JUnit spelling (not translated).
QString id(GateOutcome outcome);
bool fromId(const QString &id, GateOutcome *out);
// Translated, for the window and text output.
QString label(GateOutcome outcome);
GateOutcome worst(GateOutcome a, GateOutcome b);
} // namespace GateOutcomes

// One gate's judgement at one instant.
struct GateResult
{
    enum class Source { Config, Analysis };

    QString name; // the config gate's name; analysis: "<run> / <metric>"
    Source source = Source::Config;
    GateOutcome outcome = GateOutcome::Inconclusive;
    std::optional<double> value; // the canary's mean over the window (analysis: latest)
    std::optional<double> worstValue; // the canary's worst point in the window
    std::optional<double> stableValue; // relative gates: the stable's mean
    QString bound; // "≤ 0.02, ≤ stable + 10 %"; analysis: the conditions as written
    qint64 windowMs = 0;
    qint64 stepMs = 0;
    int samples = 0; // canary points that had a value
    int stableSamples = 0;
    QString query; // the canary query as sent (analysis: the provider's query)
    QString stableQuery; // relative gates
    QString message; // why, in one translated sentence
    qint64 evaluatedAtMs = 0; // the end of the window (Unix ms)

    bool operator==(const GateResult &o) const;
    bool operator!=(const GateResult &o) const { return !(*this == o); }
};

// Every applicable gate of one rollout, judged at one instant.
struct GateReport
{
    QString environment;
    QString namespaceName;
    QString rollout;
    QString canaryHash; // empty when there was no canary
    QString stableHash;
    qint64 evaluatedAtMs = 0;
    QList<GateResult> gates;

    // The worst outcome; Inconclusive when no gate applies.
    GateOutcome verdict() const;
    int count(GateOutcome outcome) const;
    const GateResult *gate(const QString &name) const;
};

Q_DECLARE_METATYPE(GateResult)
Q_DECLARE_METATYPE(GateReport)
