// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kubeconfig.h"

#include <QByteArray>
#include <QString>

// Parses one kubeconfig file (YAML or JSON) into entries, resolving relative paths against
// the file's folder. Structural problems (bad YAML, wrong types, unnamed or duplicate
// entries, bad base64) are errors naming the file, the line and the entry. Whether an entry
// is usable (a server, a key for the certificate, ...) is checked later, only for the
// context being used, as client-go does: one broken user must not hide every other context.
class KubeconfigParser
{
public:
    // `path` names the file in messages and gives the folder for relative paths.
    static bool parse(const QByteArray &content, const QString &path, KubeconfigFile *out,
                      QString *error);
    static bool parseFile(const QString &path, KubeconfigFile *out, QString *error);
};
