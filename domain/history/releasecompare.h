// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "releaserecord.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

// Pure helpers over a recorded release that the report, its PDF and a comparison of two
// releases share, so every output computes a step's time or a metric's mean the same way.
class ReleaseCompare
{
    Q_DECLARE_TR_FUNCTIONS(ReleaseCompare)

public:
    // The transitions with a valid time, in time order (stable, so equal times keep their
    // recorded order): the recorder may store them out of order or without a time.
    static QList<ReleaseTransition> orderedTransitions(const QList<ReleaseTransition> &list);

    // Milliseconds spent at each step index (>= 0): from each transition to the next one,
    // the last one until the release ended (or, in progress, until `until` when valid).
    // Time with no step (-1) is not counted.
    static QMap<qint32, qint64> stepDurations(const ReleaseTimeline &timeline,
                                              const QDateTime &until = QDateTime());

    // The numbers in a measurement's value: "0.99" -> {0.99}, "[0.99]" or "[0.99, 0.5]" ->
    // each element. Empty when the value holds no number (e.g. "", "NaN", "{...}").
    static QList<double> measurementNumbers(const QString &value);

    struct MetricSummary
    {
        QString metric;
        int measurements = 0; // all, numeric or not
        int numeric = 0; // measurements whose value held at least one number
        double mean = 0; // of every number of every numeric measurement
        double minimum = 0;
        double maximum = 0;
        double last = 0; // the mean of the latest numeric measurement's numbers
        QString lastValue; // the latest measurement's value as recorded
        int failed = 0; // measurements in phase Failed or Error
    };
    // One entry per metric (sorted by name); "latest" by finishedAt, then startedAt, then
    // recorded order.
    static QList<MetricSummary> metricSummaries(const QList<ReleaseMeasurement> &measurements);

    // "2026-12-05 14:03:07 UTC"; an invalid time as "—".
    static QString timeText(const QDateTime &time);
    // "1 h 02 min 03 s", "4 min 05 s", "12 s", "350 ms"; negative (unknown) as "—".
    static QString durationText(qint64 msecs);
    // A signed difference: "+2 min 00 s", "−12 s", "±0 s".
    static QString differenceText(qint64 msecs);
    // A measurement number as the report prints it: up to 4 significant decimals.
    static QString numberText(double value);
    // The time a measurement stands for on a chart: finished, else started.
    static QDateTime measurementTime(const ReleaseMeasurement &measurement);
};
