// SPDX-License-Identifier: GPL-3.0-or-later
#include "informerreporter.h"

#include <algorithm>

namespace {

constexpr int MaxRecordedDelays = 64;

ConnectionState::Kind stateKindFor(const NetError &error)
{
    switch (error.kind) {
    case NetError::Kind::Unauthorized:
        return ConnectionState::Unauthorized;
    case NetError::Kind::Forbidden:
        return ConnectionState::Forbidden;
    case NetError::Kind::Network:
    case NetError::Kind::Tls:
    case NetError::Kind::Timeout:
        return ConnectionState::Unreachable;
    case NetError::Kind::Config:
        return ConnectionState::ConfigError;
    default:
        return ConnectionState::Retrying;
    }
}

} // namespace

InformerReporter::InformerReporter(Informer &informer) :
    m_informer(informer), m_backoff(informer.m_options.backoff)
{ }

void InformerReporter::report(const InformerStatus &status)
{
    if (status == m_lastStatus)
        return;
    m_lastStatus = status;
    m_informer.m_sink->reportStatus(m_informer.m_id, status);
}

void InformerReporter::reportLive()
{
    report(InformerStatus {ConnectionState::Live, QString(), 0, QDateTime(), NetError::Kind::None,
                           m_dataWarnings.texts()});
}

void InformerReporter::fail(const NetError &error)
{
    int delay = m_backoff.next();
    if (error.retryAfterSeconds > 0)
        delay = std::max(delay, std::min(error.retryAfterSeconds, 32) * 1000);
    updateStats([&](InformerStats &s) {
        ++s.failures;
        s.backoffDelaysMs.append(delay);
        if (s.backoffDelaysMs.size() > MaxRecordedDelays)
            s.backoffDelaysMs.removeFirst();
        s.lastError = error.message;
    });
    InformerStatus status;
    status.kind = stateKindFor(error);
    status.reason = error.message;
    status.retryMs = delay;
    status.retryAt = QDateTime::currentDateTimeUtc().addMSecs(delay);
    status.error = error.kind;
    report(status);
    m_informer.m_cancel.sleepFor(delay);
}
