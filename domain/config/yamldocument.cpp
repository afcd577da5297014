// SPDX-License-Identifier: GPL-3.0-or-later
#include "yamldocument.h"

#include "yamlguard.h"

#include <QFile>

bool YamlDocument::parse(const QByteArray &yaml, const QString &fileName, YAML::Node *root,
                         QString *error)
{
    if (!YamlGuard::check(yaml, fileName, error))
        return false;
    try {
        *root = YAML::Load(yaml.toStdString());
    } catch (const YAML::Exception &e) {
        *error = QStringLiteral("%1:%2:%3: %4")
                     .arg(fileName)
                     .arg(e.mark.line + 1)
                     .arg(e.mark.column + 1)
                     .arg(tr("invalid YAML: %1").arg(QString::fromStdString(e.msg)));
        return false;
    }
    return true;
}

bool YamlDocument::read(const QString &path, QByteArray *text, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("%1: cannot read: %2").arg(path, file.errorString());
        return false;
    }
    *text = file.read(YamlGuard::maxBytes + 1);
    return true;
}
