// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QRegularExpression>
#include <QString>

#include <mutex>
#include <optional>

namespace rdsim {

// A failure the simulator injects into matching requests, from the scenario or a test.
struct FaultRule
{
    enum class Kind {
        Drop, // close the connection without a response (mid-stream for a watch)
        Delay, // answer normally after delayMs
        Status, // answer `status` (429 with Retry-After, 5xx, ...) as a Kubernetes Status
        Truncate, // send the first half of the body, then close
        Malformed, // send a body that is not valid JSON
        Expire, // 410: list continue tokens expire, watches get an ERROR "too old" event
    };
    Kind kind = Kind::Status;
    QRegularExpression path; // matched against the request path; default matches all
    QString method; // "GET", "PATCH", ...; empty = any
    bool watchOnly = false; // only requests with watch=true
    bool listOnly = false; // only list requests (not watch, not get)
    int status = 503;
    int retryAfterSeconds = -1; // -1: no Retry-After header
    int delayMs = 0;
    int remaining = -1; // how many more times it fires; -1 = always
    int everyNth = 1; // fire on every Nth matching request

    static std::optional<Kind> kindFromName(const QString &name); // "drop", "delay", ...
    static QString kindName(Kind kind);
};

// Thread-safe list of rules; the API server asks it about every request.
class FaultInjector
{
public:
    void add(const FaultRule &rule);
    void clear();
    int ruleCount() const;
    // The first rule that matches and fires for this request (its counters advance).
    std::optional<FaultRule> match(const QString &method, const QString &path, bool isWatch,
                                   bool isList);

private:
    struct Slot
    {
        FaultRule rule;
        int seen = 0;
    };
    mutable std::mutex m_mutex;
    QList<Slot> m_rules;
};

} // namespace rdsim
