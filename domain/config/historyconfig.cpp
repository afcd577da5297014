// SPDX-License-Identifier: GPL-3.0-or-later
#include "historyconfig.h"

#include "yamldocument.h"
#include "yamlkeys.h"

#include <QFile>

#include <yaml-cpp/yaml.h>

namespace {

QString located(const QString &fileName, const YAML::Mark &mark, const QString &what)
{
    return QStringLiteral("%1:%2: %3").arg(fileName).arg(mark.line + 1).arg(what);
}

// A whole number in [low, high] at node (absent: *out stays); false with *error.
bool wholeNumber(const YAML::Node &node, const QString &field, int low, int high,
                 const QString &fileName, int *out, QString *error)
{
    if (!node.IsDefined() || node.IsNull())
        return true;
    bool ok = false;
    const int value = node.IsScalar() ? QString::fromStdString(node.Scalar()).toInt(&ok) : 0;
    if (!ok || value < low || value > high) {
        *error = located(fileName, node.Mark(),
                         HistoryConfig::tr("%1: must be a whole number from %2 to %3")
                             .arg(field)
                             .arg(low)
                             .arg(high));
        return false;
    }
    *out = value;
    return true;
}

} // namespace

bool HistoryConfig::fromYaml(const QByteArray &yaml, const QString &fileName, HistorySettings *out,
                             QString *error)
{
    *out = HistorySettings();
    YAML::Node root;
    if (!YamlDocument::parse(yaml, fileName, &root, error))
        return false;
    const YAML::Node history = root.IsMap() ? root["history"] : YAML::Node();
    if (!history.IsDefined() || history.IsNull())
        return true;
    if (!history.IsMap()) {
        *error = located(fileName, history.Mark(),
                         tr("history: must be a mapping of retentionDays and maxSizeMB"));
        return false;
    }
    YAML::Mark at;
    const QString problem
        = YamlKeys::check(history, {QStringLiteral("retentionDays"), QStringLiteral("maxSizeMB")},
                          QStringLiteral("history"), &at);
    if (!problem.isEmpty()) {
        *error = located(fileName, at, problem);
        return false;
    }
    return wholeNumber(history["retentionDays"], QStringLiteral("history.retentionDays"), 1, 3650,
                       fileName, &out->retentionDays, error)
        && wholeNumber(history["maxSizeMB"], QStringLiteral("history.maxSizeMB"), 16, 65536,
                       fileName, &out->maxSizeMB, error);
}

bool HistoryConfig::fromFile(const QString &path, HistorySettings *out, QString *error)
{
    QByteArray text;
    return YamlDocument::read(path, &text, error) && fromYaml(text, path, out, error);
}
