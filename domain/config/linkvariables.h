// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartvariables.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QUrl>

struct RolloutDetail;

// One `links:` address filled in for one workload (see LinkVariables::expand()).
struct LinkUrl
{
    QUrl url {}; // empty when unavailable
    // Translated, e.g. "Needs {{canary_hash}}: the rollout has no canary now."; empty when
    // url is usable.
    QString unavailable {};
    bool isAvailable() const { return unavailable.isEmpty(); }
};

// The values a `links:` URL template is filled with: the chart variables (ChartVariables:
// namespace, rollout, environment, canary_hash, stable_hash, revision), context and name (the
// workload), pod_regex and canary_pod_regex ("<rollout>-<canary hash>-.*", the canary's pods),
// stable_pod_regex, and from/to: the release's window in Unix milliseconds, from the creation
// of the current revision's ReplicaSet (the canary's while a release runs, else the last
// release's) to now. The older single-brace forms {environment} {context} {namespace} {name}
// still work.
//
// Each value is escaped for where it lands, so no value can change the address's shape:
// percent-encoded in the path, a query parameter or the fragment; inside a query parameter
// whose value is JSON (Grafana Explore's `left=` or `panes=`, raw or percent-encoded in the
// template) the value is JSON-escaped and the whole parameter then percent-encoded.
class LinkVariables
{
    Q_DECLARE_TR_FUNCTIONS(LinkVariables)

public:
    // A workload without its rollout detail (a fleet row): environment, context, namespace,
    // name (and rollout, the same); the rest is unavailable, `reason` says why.
    static LinkVariables forWorkload(const QString &environment, const QString &context,
                                     const QString &namespaceName, const QString &name,
                                     const QString &reason);
    // A rollout as its detail shows it, at `now`.
    static LinkVariables forRollout(const RolloutDetail &detail, const QString &context,
                                    const QDateTime &now);

    // Every name a template may use, sorted.
    static QStringList names();
    // False with a translated *error when the template refers to a name not in names() or a
    // reference is malformed: config errors at load time, not when a link is clicked.
    static bool check(const QString &urlTemplate, QString *error);

    LinkUrl expand(const QString &urlTemplate) const;

private:
    // The template with {environment} {context} {namespace} {name} written as {{...}}.
    static QString normalized(const QString &urlTemplate);
    void set(const QString &name, const QString &value);
    void setMissing(const QString &name, const QString &reason);
    // One URL part (path, then an optional ?query), each value escaped for where it lands.
    bool expandPart(const QString &part, QString *out, QString *error) const;
    bool expandQueryValue(const QString &value, QString *out, QString *error) const;

    ChartVariables m_encoded; // percent-encoded, for paths and plain query values
    ChartVariables m_json; // JSON-escaped, for JSON query values (encoded as a whole after)
    QHash<QString, QString> m_missing; // name -> why it has no value
};
