// SPDX-License-Identifier: GPL-3.0-or-later
#include "yamlkeys.h"

#include <QCoreApplication>
#include <QSet>

class YamlKeysText
{
    Q_DECLARE_TR_FUNCTIONS(YamlKeysText)
};

QString YamlKeys::check(const YAML::Node &map, const QStringList &allowed, const QString &where,
                        YAML::Mark *at)
{
    QSet<QString> seen;
    for (const auto &item : map) {
        const QString key
            = item.first.IsScalar() ? QString::fromStdString(item.first.Scalar()) : QString();
        *at = item.first.Mark();
        if (!allowed.contains(key))
            return YamlKeysText::tr("%1: unknown key '%2' (expected one of: %3)")
                .arg(where, key, allowed.join(QStringLiteral(", ")));
        if (seen.contains(key))
            return YamlKeysText::tr("%1: duplicate key '%2'").arg(where, key);
        seen.insert(key);
    }
    return QString();
}
