// SPDX-License-Identifier: GPL-3.0-or-later
#include "linkvariables.h"

#include "rolloutdetail.h"

#include <QRegularExpression>

#include <algorithm>

namespace {

// The names besides the chart variables: what a workload row knows, the pods' selectors and
// the release's window.
const QStringList &linkOnlyNames()
{
    static const QStringList names = {QStringLiteral("context"),
                                      QStringLiteral("name"),
                                      QStringLiteral("pod_regex"),
                                      QStringLiteral("canary_pod_regex"),
                                      QStringLiteral("stable_pod_regex"),
                                      QStringLiteral("from"),
                                      QStringLiteral("to")};
    return names;
}

// A value inside a JSON string. Braces too: a value must not read as a {{reference}} when
// ChartVariables expands the values it inserts.
QString jsonEscaped(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (const QChar c : value) {
        if (c == u'"' || c == u'\\')
            out += QLatin1Char('\\') + c;
        else if (c.unicode() < 0x20 || c == u'{' || c == u'}')
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

} // namespace

void LinkVariables::set(const QString &name, const QString &value)
{
    m_encoded.insert(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    m_json.insert(name, jsonEscaped(value));
    m_missing.remove(name);
}

void LinkVariables::setMissing(const QString &name, const QString &reason)
{
    m_missing.insert(name, reason);
}

LinkVariables LinkVariables::forWorkload(const QString &environment, const QString &context,
                                         const QString &namespaceName, const QString &name,
                                         const QString &reason)
{
    LinkVariables variables;
    for (const QString &other : names())
        variables.setMissing(other, reason);
    variables.set(QStringLiteral("environment"), environment);
    variables.set(QStringLiteral("context"), context);
    variables.set(QStringLiteral("namespace"), namespaceName);
    variables.set(QStringLiteral("name"), name);
    variables.set(QStringLiteral("rollout"), name);
    return variables;
}

LinkVariables LinkVariables::forRollout(const RolloutDetail &detail, const QString &context,
                                        const QDateTime &now)
{
    const ChartVariables chart = ChartVariables::forRollout(detail);
    LinkVariables variables;
    for (const QString &name : ChartVariables::rolloutNames())
        variables.set(name, chart.value(name));
    variables.set(QStringLiteral("context"), context);
    variables.set(QStringLiteral("name"), chart.value(QStringLiteral("rollout")));
    variables.set(QStringLiteral("to"), QString::number(now.toMSecsSinceEpoch()));

    const QString canary = detail.rollout.status.currentPodHash;
    const QString stable = detail.rollout.status.stableRS;
    // Fully promoted, the current hash is the stable's: a canary link would show the stable.
    if (canary.isEmpty() || canary == stable) {
        for (const char *name : {"canary_hash", "pod_regex", "canary_pod_regex"})
            variables.setMissing(QLatin1String(name), tr("the rollout has no canary now."));
    } else {
        const QString pods
            = chart.withRole(QStringLiteral("canary"), canary).value(QStringLiteral("pod_regex"));
        variables.set(QStringLiteral("pod_regex"), pods);
        variables.set(QStringLiteral("canary_pod_regex"), pods);
    }
    if (stable.isEmpty()) {
        for (const char *name : {"stable_hash", "stable_pod_regex"})
            variables.setMissing(QLatin1String(name),
                                 tr("the rollout has no stable ReplicaSet yet."));
    } else {
        variables.set(
            QStringLiteral("stable_pod_regex"),
            chart.withRole(QStringLiteral("stable"), stable).value(QStringLiteral("pod_regex")));
    }

    // The current revision's ReplicaSet was made when its release began (the canary's now,
    // or the last release's once promoted).
    const auto current = std::find_if(
        detail.replicaSets.cbegin(), detail.replicaSets.cend(), [&](const ReplicaSet &set) {
            return !canary.isEmpty() && set.podTemplateHash() == canary;
        });
    if (current != detail.replicaSets.cend() && current->metadata.creationTimestamp.isValid())
        variables.set(QStringLiteral("from"),
                      QString::number(current->metadata.creationTimestamp.toMSecsSinceEpoch()));
    else
        variables.setMissing(QStringLiteral("from"),
                             tr("the start of the release is not known (no ReplicaSet of the "
                                "current revision)."));
    return variables;
}

QStringList LinkVariables::names()
{
    QStringList result = ChartVariables::rolloutNames() + linkOnlyNames();
    std::sort(result.begin(), result.end());
    return result;
}

QString LinkVariables::normalized(const QString &urlTemplate)
{
    static const QRegularExpression single(
        QStringLiteral("(?<!\\{)\\{(environment|context|namespace|name)\\}(?!\\})"));
    QString result = urlTemplate;
    result.replace(single, QStringLiteral("{{\\1}}"));
    return result;
}

bool LinkVariables::check(const QString &urlTemplate, QString *error)
{
    QStringList used;
    if (!ChartVariables::references(normalized(urlTemplate), &used, error))
        return false;
    const QStringList known = names();
    for (const QString &name : std::as_const(used)) {
        if (!known.contains(name)) {
            *error = tr("unknown variable {{%1}} (known: %2)")
                         .arg(name, known.join(QStringLiteral(", ")));
            return false;
        }
    }
    return true;
}

LinkUrl LinkVariables::expand(const QString &urlTemplate) const
{
    const QString text = normalized(urlTemplate);
    LinkUrl result;
    QStringList used;
    if (!ChartVariables::references(text, &used, &result.unavailable))
        return result;
    for (const QString &name : std::as_const(used)) {
        if (m_missing.contains(name)) {
            result.unavailable = tr("Needs {{%1}}: %2").arg(name, m_missing.value(name));
            return result;
        }
    }
    // A variable's name holds no '#': the template's first one starts the fragment, which
    // single-page tools (Tekton Dashboard) route by, with a query of its own.
    const qsizetype hash = text.indexOf(QLatin1Char('#'));
    QString main;
    QString fragment;
    if (!expandPart(hash < 0 ? text : text.left(hash), &main, &result.unavailable)
        || (hash >= 0 && !expandPart(text.mid(hash + 1), &fragment, &result.unavailable)))
        return result;
    const QString address = hash < 0 ? main : main + QLatin1Char('#') + fragment;
    result.url = QUrl(address, QUrl::TolerantMode);
    if (!result.url.isValid()) {
        result.unavailable = tr("'%1' is not a valid address").arg(address);
        result.url = QUrl();
    }
    return result;
}

bool LinkVariables::expandPart(const QString &part, QString *out, QString *error) const
{
    const qsizetype question = part.indexOf(QLatin1Char('?'));
    if (!m_encoded.substitute(question < 0 ? part : part.left(question), out, error))
        return false;
    if (question < 0)
        return true;
    QStringList parameters;
    for (const QString &parameter : part.mid(question + 1).split(QLatin1Char('&'))) {
        const qsizetype equals = parameter.indexOf(QLatin1Char('='));
        QString key;
        QString value;
        if (!m_encoded.substitute(equals < 0 ? parameter : parameter.left(equals), &key, error)
            || (equals >= 0 && !expandQueryValue(parameter.mid(equals + 1), &value, error)))
            return false;
        parameters.append(equals < 0 ? key : key + QLatin1Char('=') + value);
    }
    *out += QLatin1Char('?') + parameters.join(QLatin1Char('&'));
    return true;
}

bool LinkVariables::expandQueryValue(const QString &value, QString *out, QString *error) const
{
    // JSON starts with '[' or with '{' and then a key or the end: a LogQL selector
    // ({namespace="x"}) or a {{reference}} does not.
    static const QRegularExpression json(QStringLiteral("^\\s*(\\[|\\{\\s*[\"}])"));
    const QString decoded = QUrl::fromPercentEncoding(value.toUtf8());
    if (!json.match(decoded).hasMatch())
        return m_encoded.substitute(value, out, error);
    QString filled;
    if (!m_json.substitute(decoded, &filled, error))
        return false;
    *out = QString::fromLatin1(QUrl::toPercentEncoding(filled));
    return true;
}
