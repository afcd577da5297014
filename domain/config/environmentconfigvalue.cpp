// SPDX-License-Identifier: GPL-3.0-or-later
// EnvironmentConfig as a value: built without a file (from kubeconfig contexts or specs),
// looked up, checked against a kubeconfig. The YAML parser is in environmentconfig.cpp.
#include "environmentconfig.h"

#include <QCoreApplication>

EnvironmentConfig EnvironmentConfig::fromContexts(const QStringList &contextNames)
{
    EnvironmentConfig config;
    int order = 0;
    for (const QString &context : contextNames) {
        EnvironmentSpec spec;
        spec.name = context;
        spec.context = context;
        spec.order = order;
        config.m_environments.append(spec);
        config.m_contextLines.append(0);
        config.m_entryIndexes.append(order);
        ++order;
    }
    return config;
}

EnvironmentConfig EnvironmentConfig::fromSpecs(const QList<EnvironmentSpec> &environments)
{
    EnvironmentConfig config;
    for (const EnvironmentSpec &spec : environments) {
        config.m_entryIndexes.append(int(config.m_environments.size()));
        config.m_environments.append(spec);
        config.m_contextLines.append(0);
    }
    return config;
}

const EnvironmentSpec *EnvironmentConfig::environment(const QString &name) const
{
    for (const EnvironmentSpec &spec : m_environments) {
        if (spec.name == name)
            return &spec;
    }
    return nullptr;
}

QStringList EnvironmentConfig::names() const
{
    QStringList result;
    for (const EnvironmentSpec &spec : m_environments)
        result.append(spec.name);
    return result;
}

bool EnvironmentConfig::checkContexts(const QStringList &contextNames, QString *error) const
{
    for (qsizetype i = 0; i < m_environments.size(); ++i) {
        const EnvironmentSpec &spec = m_environments.at(i);
        if (contextNames.contains(spec.context))
            continue;
        const QString known = contextNames.isEmpty()
            ? QCoreApplication::translate("EnvironmentConfig", "none")
            : contextNames.join(QStringLiteral(", "));
        const QString what
            = QCoreApplication::translate("EnvironmentConfig",
                                          "environments[%1].context: context '%2' of environment "
                                          "'%3' is not in the kubeconfig (contexts: %4)")
                  .arg(m_entryIndexes.at(i))
                  .arg(spec.context, spec.name, known);
        *error = m_sourceFile.isEmpty()
            ? what
            : QStringLiteral("%1:%2: %3").arg(m_sourceFile).arg(m_contextLines.at(i)).arg(what);
        return false;
    }
    return true;
}

void EnvironmentConfig::setAllReadOnly()
{
    for (EnvironmentSpec &spec : m_environments)
        spec.readOnly = true;
}
