// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QStringView>

#include <optional>
#include <string_view>

// Parses an RFC 3339 timestamp as Kubernetes writes them ("2024-05-01T10:00:00Z",
// "2024-05-01T10:00:00.123456Z", "2024-05-01T12:00:00+02:00") into milliseconds since the
// epoch. Hand-written because QDateTime::fromString(ISODate) is the slowest step of
// decoding a pod list otherwise. nullopt for anything else.
std::optional<qint64> parseRfc3339MSecs(std::string_view text);
std::optional<qint64> parseRfc3339MSecs(QStringView text);

// The same as a UTC QDateTime; a null QDateTime when the text is not RFC 3339.
QDateTime parseRfc3339(QStringView text);

// "2024-05-01T10:00:00Z" (seconds precision, UTC), the form kubectl and the controller write.
QString formatRfc3339(const QDateTime &time);
