// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "intorstring.h"

#include <QString>
#include <QStringView>

#include <optional>

// Go time.ParseDuration: "300ms", "1.5h", "1h30m", "-2m3s"; units ns, us (µs, μs), ms, s,
// m, h; "0" alone needs no unit. Nanoseconds, or nullopt when Go would return an error
// (including overflow past ±292 years).
std::optional<qint64> parseGoDuration(QStringView text);

// Argo Rollouts' RolloutPause.DurationSeconds() and friends: an integer is seconds; a string
// is first tried as an integer number of seconds, then as a Go duration (truncated to whole
// seconds). nullopt when unset or invalid (Go returns -1 for invalid).
std::optional<qint64> durationSeconds(const IntOrString &value);

// apimachinery's duration.HumanDuration, as kubectl prints ages: "45s", "5m3s", "3h59m",
// "2d4h", "3y". Milliseconds in; below -1 s gives "<invalid>".
QString humanDuration(qint64 msecs);

// A configured duration written back exactly, in a form parseGoDuration reads: "10m",
// "1h30m", "1m30s", "250ms", "0s". Negative values are written as 0s.
QString compactDuration(qint64 msecs);
