// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kubeconfig.h"

#include <QString>
#include <QStringList>

#include <optional>

// Where the kubeconfig comes from, as client-go's loading rules decide it.
struct KubeconfigSource
{
    QString explicitPath; // --kubeconfig: only this file, which must exist
    std::optional<QString> kubeconfigEnv; // $KUBECONFIG when set
    QString homeDir; // for ~/.kube/config

    static KubeconfigSource fromEnvironment(const QString &explicitPath = QString());
};

class KubeconfigLoader
{
public:
    // The files in precedence order: the explicit path; else $KUBECONFIG split on ':'
    // (empty entries dropped, duplicates removed, order kept); else ~/.kube/config.
    static QStringList candidateFiles(const KubeconfigSource &source);

    // Reads and merges the files. Missing $KUBECONFIG entries are skipped; it is an error
    // only when all are missing, when an explicit or the default file is missing, or when a
    // file that exists cannot be read or parsed.
    static bool load(const KubeconfigSource &source, Kubeconfig *out, QString *error);
};
