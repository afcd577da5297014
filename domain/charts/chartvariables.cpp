// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartvariables.h"

#include "rolloutdetail.h"
#include "rolloutstatus.h"

#include <QRegularExpression>

#include <algorithm>

namespace {

// Values may refer to variables, which may refer to others; a longer chain is a mistake.
constexpr int maxReferenceDepth = 8;

struct Reference
{
    qsizetype start = 0;
    qsizetype end = 0; // one past "}}"
    QString name;
};

// Finds the next "{{ ... }}" from `from`. False at the end of the text; *error when a
// reference is malformed.
bool nextReference(const QString &text, qsizetype from, Reference *ref, QString *error, bool *found)
{
    *found = false;
    qsizetype open = text.indexOf(QLatin1String("{{"), from);
    if (open < 0)
        return true;
    // A label matcher's brace right before a variable: x{{{selector}}}.
    while (open + 2 < text.size() && text.at(open + 2) == u'{')
        ++open;
    const qsizetype close = text.indexOf(QLatin1String("}}"), open + 2);
    if (close < 0) {
        *error = ChartVariables::tr("'%1' is not closed with '}}'").arg(text.mid(open, 24));
        return false;
    }
    const QString name = text.mid(open + 2, close - open - 2).trimmed();
    if (!ChartVariables::isValidName(name)) {
        *error = ChartVariables::tr("'%1' is not a variable reference")
                     .arg(text.mid(open, close + 2 - open));
        return false;
    }
    *ref = Reference {open, close + 2, name};
    *found = true;
    return true;
}

} // namespace

ChartVariables ChartVariables::forRollout(const RolloutDetail &detail)
{
    ChartVariables variables;
    const Rollout &rollout = detail.rollout;
    variables.m_values.insert(QStringLiteral("namespace"), rollout.metadata.namespaceName);
    variables.m_values.insert(QStringLiteral("rollout"), rollout.metadata.name);
    variables.m_values.insert(QStringLiteral("environment"), detail.environment);
    variables.m_values.insert(QStringLiteral("canary_hash"), rollout.status.currentPodHash);
    variables.m_values.insert(QStringLiteral("stable_hash"), rollout.status.stableRS);
    variables.m_values.insert(QStringLiteral("revision"),
                              QString::number(rolloutRevision(rollout, detail.replicaSets)));
    return variables;
}

QStringList ChartVariables::rolloutNames()
{
    return {QStringLiteral("canary_hash"), QStringLiteral("environment"),
            QStringLiteral("namespace"),   QStringLiteral("revision"),
            QStringLiteral("rollout"),     QStringLiteral("stable_hash")};
}

QStringList ChartVariables::roleNames()
{
    return {QStringLiteral("hash"), QStringLiteral("pod_regex"), QStringLiteral("role")};
}

ChartVariables ChartVariables::withRole(const QString &role, const QString &hash) const
{
    ChartVariables copy = *this;
    copy.m_values.insert(QStringLiteral("role"), role);
    copy.m_values.insert(QStringLiteral("hash"), hash);
    // Argo Rollouts names a ReplicaSet <rollout>-<hash> and its pods <replicaset>-<suffix>.
    // Not regex-escaped: a Kubernetes name holds only [a-z0-9.-], and a backslash would need
    // escaping again inside a PromQL string.
    copy.m_values.insert(QStringLiteral("pod_regex"),
                         value(QStringLiteral("rollout")) + QLatin1Char('-') + hash
                             + QStringLiteral("-.*"));
    return copy;
}

void ChartVariables::insert(const QString &name, const QString &value)
{
    m_values.insert(name, value);
}

void ChartVariables::insert(const QList<std::pair<QString, QString>> &variables)
{
    for (const auto &[name, value] : variables)
        insert(name, value);
}

QStringList ChartVariables::names() const
{
    QStringList result = m_values.keys();
    std::sort(result.begin(), result.end());
    return result;
}

bool ChartVariables::isValidName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.-]*$"));
    return pattern.match(name).hasMatch();
}

bool ChartVariables::references(const QString &text, QStringList *names, QString *error)
{
    qsizetype from = 0;
    for (;;) {
        Reference ref;
        bool found = false;
        if (!nextReference(text, from, &ref, error, &found))
            return false;
        if (!found)
            return true;
        if (!names->contains(ref.name))
            names->append(ref.name);
        from = ref.end;
    }
}

bool ChartVariables::substitute(const QString &text, QString *out, QString *error) const
{
    QStringList chain;
    return substitute(text, 0, &chain, out, error);
}

bool ChartVariables::substitute(const QString &text, int depth, QStringList *chain, QString *out,
                                QString *error) const
{
    QString result;
    qsizetype from = 0;
    for (;;) {
        Reference ref;
        bool found = false;
        if (!nextReference(text, from, &ref, error, &found))
            return false;
        if (!found)
            break;
        result += QStringView(text).mid(from, ref.start - from);
        if (!m_values.contains(ref.name)) {
            *error = tr("unknown variable {{%1}} (known: %2)")
                         .arg(ref.name, names().join(QStringLiteral(", ")));
            return false;
        }
        if (chain->contains(ref.name) || depth >= maxReferenceDepth) {
            *error = tr("variable {{%1}} refers to itself").arg(ref.name);
            return false;
        }
        QString value;
        chain->append(ref.name);
        if (!substitute(m_values.value(ref.name), depth + 1, chain, &value, error))
            return false;
        chain->removeLast();
        result += value;
        from = ref.end;
    }
    result += QStringView(text).mid(from);
    *out = result;
    return true;
}
