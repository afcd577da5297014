// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "promresult.h"

#include <QMetaType>
#include <QString>

// One range query a chart wants: the values MetricQuerier takes and gives back across
// threads.
struct MetricQuery
{
    // Who asked: the latest request per key wins ("prod/shop/checkout/error-rate"); an older
    // request of the same key is cancelled and its answer never delivered.
    QString key;
    QString environment; // EnvironmentSpec::name: which Prometheus to ask
    QString query; // PromQL
    qint64 startMs = 0; // Unix milliseconds
    qint64 endMs = 0;
    qint64 stepMs = 0; // raised to stay within 11,000 points (see QueryStep)

    bool operator==(const MetricQuery &o) const
    {
        return key == o.key && environment == o.environment && query == o.query
            && startMs == o.startMs && endMs == o.endMs && stepMs == o.stepMs;
    }
    bool operator!=(const MetricQuery &o) const { return !(*this == o); }
};

struct MetricQueryResult
{
    MetricQuery request;
    quint64 generation = 0; // what MetricQuerier::request() returned for it
    PromQueryResult result; // series, warnings, or a typed error
    bool fromCache = false;
};

Q_DECLARE_METATYPE(MetricQuery)
Q_DECLARE_METATYPE(MetricQueryResult)
