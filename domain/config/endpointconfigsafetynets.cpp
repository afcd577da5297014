// SPDX-License-Identifier: GPL-3.0-or-later
// EndpointConfigParser's `safetyNets:` block (issue 15): where an environment's CI runs live
// and the web UIs that show them. The keys are documented in safetynetsconfig.h.
#include "chartvariables.h"
#include "endpointconfig_p.h"

#include <QRegularExpression>

namespace {

// A Kubernetes label key: an optional DNS subdomain prefix and '/', then a name of at most 63
// characters that starts and ends with a letter or digit.
bool isLabelKey(const QString &key)
{
    static const QRegularExpression pattern(
        QStringLiteral("^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?"
                       "[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$"));
    const qsizetype slash = key.indexOf(QLatin1Char('/'));
    return pattern.match(key).hasMatch() && slash <= 253;
}

} // namespace

bool EndpointConfigParser::parseSafetyNets(const YAML::Node &node, const QString &where,
                                           SafetyNetsConfig *out)
{
    if (isAbsent(node))
        return true;
    if (!node.IsMap())
        return fail(node,
                    tr("%1: must be a mapping of ciNamespaces, ciLabels, argoWorkflowsUrl, "
                       "tektonDashboardUrl and falco")
                        .arg(where));
    static const QStringList keys = {QStringLiteral("ciNamespaces"), QStringLiteral("ciLabels"),
                                     QStringLiteral("argoWorkflowsUrl"),
                                     QStringLiteral("tektonDashboardUrl"), QStringLiteral("falco")};
    if (!checkKeys(node, keys, where))
        return false;
    const auto field
        = [&where](const char *key) -> QString { return where + QLatin1Char('.') + key; };
    if (!ciNamespaces(node["ciNamespaces"], field("ciNamespaces"), &out->ciNamespaces)
        || !ciLabels(node["ciLabels"], field("ciLabels"), &out->ciLabels))
        return false;
    const YAML::Node argo = node["argoWorkflowsUrl"];
    const YAML::Node tekton = node["tektonDashboardUrl"];
    const YAML::Node falco = node["falco"];
    return (isAbsent(argo) || pageUrl(argo, field("argoWorkflowsUrl"), &out->argoWorkflowsUrl))
        && (isAbsent(tekton)
            || pageUrl(tekton, field("tektonDashboardUrl"), &out->tektonDashboardUrl))
        && (isAbsent(falco) || boolean(falco, field("falco"), &out->falco));
}

bool EndpointConfigParser::ciNamespaces(const YAML::Node &node, const QString &field,
                                        QStringList *out)
{
    if (isAbsent(node))
        return true;
    if (!node.IsSequence())
        return fail(node, tr("%1: must be a list of namespace names").arg(field));
    for (std::size_t i = 0; i < node.size(); ++i) {
        const YAML::Node item = node[i];
        const QString itemField = QStringLiteral("%1[%2]").arg(field).arg(i);
        QString name;
        if (!string(item, itemField, &name))
            return false;
        if (!isDnsLabel(name))
            return fail(item,
                        tr("%1: '%2' is not a namespace name (lowercase letters, digits and '-', "
                           "at most 63)")
                            .arg(itemField, name));
        if (out->contains(name))
            return fail(item, tr("%1: '%2' is listed twice").arg(itemField, name));
        out->append(name);
    }
    return true;
}

bool EndpointConfigParser::ciLabels(const YAML::Node &node, const QString &field,
                                    QList<QPair<QString, QString>> *out)
{
    if (isAbsent(node))
        return true;
    if (!node.IsMap())
        return fail(node, tr("%1: must be a mapping of label name to value").arg(field));
    const QStringList known = ChartVariables::rolloutNames();
    for (const auto &item : node) {
        const QString key
            = item.first.IsScalar() ? QString::fromStdString(item.first.Scalar()) : QString();
        if (!isLabelKey(key))
            return fail(item.first, tr("%1: '%2' is not a label name").arg(field, key));
        const QString valueField = field + QLatin1Char('.') + key;
        QString value;
        if (!string(item.second, valueField, &value))
            return false;
        // Checked now, not when the first rollout is matched against its CI runs.
        QStringList names;
        QString problem;
        if (!ChartVariables::references(value, &names, &problem))
            return fail(item.second, QStringLiteral("%1: %2").arg(valueField, problem));
        for (const QString &name : std::as_const(names)) {
            if (!known.contains(name))
                return fail(item.second,
                            tr("%1: unknown variable {{%2}} (known: %3)")
                                .arg(valueField, name, known.join(QStringLiteral(", "))));
        }
        for (const auto &label : std::as_const(*out)) {
            if (label.first == key)
                return fail(item.first, tr("%1: duplicate label '%2'").arg(field, key));
        }
        out->append({key, value});
    }
    return true;
}
