// SPDX-License-Identifier: GPL-3.0-or-later
#include "safetynetfalco.h"

#include "prometheusclients.h"

#include <QDateTime>
#include <QMap>

#include <algorithm>
#include <tuple>

namespace {

// A PromQL string literal's body.
QString quoted(const QString &value)
{
    QString text = value;
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    text.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return text;
}

SafetyNetSourceState stateOf(const PromError &error)
{
    SafetyNetSourceState state;
    state.fetchedMs = QDateTime::currentMSecsSinceEpoch();
    switch (error.kind) {
    case PromError::Kind::None:
        state.state = SafetyNetSourceState::State::Loaded;
        break;
    case PromError::Kind::NotFound: // no such service behind the proxy, no API at the URL
        state.state = SafetyNetSourceState::State::NotServed;
        break;
    case PromError::Kind::Forbidden:
        state.state = SafetyNetSourceState::State::Forbidden;
        state.detail = SafetyNetFalco::tr("This user may not query Prometheus.");
        break;
    default:
        state.state = SafetyNetSourceState::State::Failed;
        state.detail = SafetyNetFalco::tr("Falco's alerts could not be read from Prometheus: %1")
                           .arg(error.message);
        break;
    }
    return state;
}

} // namespace

QString SafetyNetFalco::query(const QString &namespaceName, qint64 rangeSeconds)
{
    // k8s_ns_name="" also matches a series without the label: the relabelled form.
    const QString ns = quoted(namespaceName);
    const QString range = QStringLiteral("[%1s]").arg(rangeSeconds);
    const QString by = QStringLiteral("sum by (k8s_pod_name, pod, rule, priority) ");
    return by + QStringLiteral("(increase(falco_events{k8s_ns_name=\"%1\"}%2))").arg(ns, range)
        + QStringLiteral(" or ") + by
        + QStringLiteral("(increase(falco_events{k8s_ns_name=\"\", namespace=\"%1\"}%2))")
              .arg(ns, range);
}

QString SafetyNetFalco::priorityName(const QString &label)
{
    // falcosecurity/client-go pkg/api/schema: the Priority enum, 0 = Emergency.
    static const QStringList names = {
        QStringLiteral("Emergency"),     QStringLiteral("Alert"),   QStringLiteral("Critical"),
        QStringLiteral("Error"),         QStringLiteral("Warning"), QStringLiteral("Notice"),
        QStringLiteral("Informational"), QStringLiteral("Debug"),
    };
    bool isNumber = false;
    const int number = label.toInt(&isNumber);
    if (isNumber)
        return number >= 0 && number < names.size() ? names.at(number) : label;
    for (const QString &name : names) {
        if (name.compare(label, Qt::CaseInsensitive) == 0)
            return name;
    }
    if (label.compare(QStringLiteral("info"), Qt::CaseInsensitive) == 0)
        return names.at(6);
    return label;
}

SafetyNetSourceState SafetyNetFalco::count(const Kubeconfig &kubeconfig,
                                           const EnvironmentSpec &environment,
                                           const QString &namespaceName, qint64 fromMs, qint64 toMs,
                                           const CancelToken &cancel, int maxRetries,
                                           int maxRetryWaitSeconds, QList<FalcoCount> *out)
{
    if (toMs <= fromMs || !environment.safetyNets.falco || !environment.prometheus.isEnabled())
        return SafetyNetSourceState();
    PromError error;
    const std::unique_ptr<PrometheusClient> client
        = makePrometheusClient(kubeconfig, environment, &error);
    if (!client)
        return stateOf(error);
    client->setRetryPolicy(maxRetries, maxRetryWaitSeconds);
    // increase() needs two samples in its range: shorter than a minute, a scrape interval or
    // two, the window would count nothing at all.
    const qint64 rangeSeconds = std::max<qint64>(60, (toMs - fromMs + 999) / 1000);
    const PromQueryResult result = client->query(query(namespaceName, rangeSeconds), toMs, cancel);
    if (!result.isOk())
        return stateOf(result.error);
    // One series per exporter pod and label form: summed into one count per pod, rule and
    // priority.
    QMap<std::tuple<QString, QString, QString>, double> sums;
    for (const PromSeries &series : result.series) {
        if (series.samples.isEmpty() || !(series.samples.constFirst().value > 0))
            continue;
        QString pod = series.labels.value(u"k8s_pod_name");
        if (pod.isEmpty())
            pod = series.labels.value(u"pod");
        const auto key = std::make_tuple(pod, series.labels.value(u"rule"),
                                         priorityName(series.labels.value(u"priority")));
        sums[key] += series.samples.constFirst().value;
    }
    for (auto it = sums.cbegin(); it != sums.cend(); ++it) {
        FalcoCount count;
        std::tie(count.pod, count.rule, count.priority) = it.key();
        count.count = it.value();
        out->append(count);
    }
    return stateOf(PromError());
}
