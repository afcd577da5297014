// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "objectmeta.h"

#include <QMetaType>
#include <QString>

// flagger.app/v1beta1 MetricTemplate (pkg/apis/flagger/v1beta1/metric.go): which provider a
// canary's templated metric asks, and the query, a Go template over the canary's name,
// namespace, target, service, ingress, route, interval and variables.
struct FlaggerMetricTemplate
{
    ObjectMeta metadata;
    QString providerType; // prometheus, datadog, cloudwatch, newrelic, graphite, ...
    QString providerAddress;
    QString providerSecretName; // credentials; the secret itself is never read
    QString providerRegion;
    bool providerInsecureSkipVerify = false;
    QString query;

    QString name() const { return metadata.name; }
    QString namespaceName() const { return metadata.namespaceName; }

    bool operator==(const FlaggerMetricTemplate &o) const
    {
        return metadata == o.metadata && providerType == o.providerType
            && providerAddress == o.providerAddress && providerSecretName == o.providerSecretName
            && providerRegion == o.providerRegion
            && providerInsecureSkipVerify == o.providerInsecureSkipVerify && query == o.query;
    }
    bool operator!=(const FlaggerMetricTemplate &o) const { return !(*this == o); }
};

Q_DECLARE_METATYPE(FlaggerMetricTemplate)
