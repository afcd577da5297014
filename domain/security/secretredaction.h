// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

// The one policy for keeping credentials out of every message, log line and audit record.
//
// Two layers: the secrets this process actually holds (tokens, passwords, read from
// kubeconfigs, token files, exec plugins and the Prometheus config) are remembered and
// replaced wherever they appear; and text that looks like a credential is replaced by shape
// (URL user info, Bearer/Basic values, private keys, JWTs, well-known token prefixes).
// Text written by others (plugin stderr, server bodies) gets a third, wider pass over
// `name=value` and `"name": "value"` pairs whose name says secret.
namespace SecretRedaction {

inline constexpr QLatin1String marker("[redacted]");

// Remembers a secret value so that redact() replaces it. Values shorter than 6 characters
// are not remembered: they would blank ordinary words. Thread-safe; bounded (the oldest of
// more than 256 values is forgotten, as exec plugins rotate tokens).
void remember(const QString &secret);
// The value of an Authorization header as sent: the token, or the basic-auth password and
// its encoded form. Every request passes here, so whatever file or plugin it came from, a
// credential in use is known.
void rememberAuthorization(const QByteArray &headerValue);
void forgetAll(); // tests

// Our own messages: remembered secrets and credential shapes.
QString redact(const QString &text);
// Text from a plugin or a server: also `token=...`, `"password": "..."` and the like.
QString redactForeign(const QString &text);
// A URL with its user info (user:password@) replaced, for config messages.
QString url(const QString &text);

} // namespace SecretRedaction
