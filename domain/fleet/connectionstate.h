// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

// How the connection to one environment is doing, as the fetchers report it to the GUI.
struct ConnectionState
{
    enum Kind {
        Connecting, // first list not finished yet
        Live, // listed and watching
        Retrying, // a transient error; the next attempt is retryInSeconds away
        Unauthorized, // 401 even after the exec plugin ran again; keeps retrying slowly
        Forbidden, // 403: the user may not list these resources; keeps retrying slowly
        Unreachable, // network or TLS failure; keeps retrying
        ConfigError, // the kubeconfig context cannot be used; no retry
    };

    Kind kind = Connecting;
    QString reason; // translated, user-facing; empty when Live
    int retryInSeconds = 0; // > 0 while waiting for the next attempt
    QDateTime retryAt; // when the next attempt starts (for a countdown); null when none
    QDateTime lastUpdated; // when data last arrived (list page or watch event); null before
    bool insecure = false; // the context uses insecure-skip-tls-verify
    // Fields that could not be read in what was received ("rollouts shop/checkout:
    // spec.replicas: integer out of range"): shown, because the value shown is a default.
    QStringList dataWarnings;

    bool isLive() const { return kind == Live; }
    // Every kind but Live and Connecting means the data shown may be stale.
    bool isError() const { return kind != Live && kind != Connecting; }

    // "Connecting", "Live", ... (stable, untranslated: logs and tests)
    static QString kindName(Kind kind)
    {
        switch (kind) {
        case Connecting:
            return QStringLiteral("Connecting");
        case Live:
            return QStringLiteral("Live");
        case Retrying:
            return QStringLiteral("Retrying");
        case Unauthorized:
            return QStringLiteral("Unauthorized");
        case Forbidden:
            return QStringLiteral("Forbidden");
        case Unreachable:
            return QStringLiteral("Unreachable");
        case ConfigError:
            return QStringLiteral("ConfigError");
        }
        return QString();
    }

    bool operator==(const ConnectionState &o) const
    {
        return kind == o.kind && reason == o.reason && retryInSeconds == o.retryInSeconds
            && retryAt == o.retryAt && lastUpdated == o.lastUpdated && insecure == o.insecure
            && dataWarnings == o.dataWarnings;
    }
    bool operator!=(const ConnectionState &o) const { return !(*this == o); }
};

Q_DECLARE_METATYPE(ConnectionState)
