// SPDX-License-Identifier: GPL-3.0-or-later
#include "kubeconfigloader.h"

#include "kubeconfigparser.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace {

bool hasListedFiles(const KubeconfigSource &source)
{
    if (!source.kubeconfigEnv)
        return false;
    const QStringList parts = source.kubeconfigEnv->split(QLatin1Char(':'), Qt::SkipEmptyParts);
    return !parts.isEmpty();
}

QString defaultPath(const KubeconfigSource &source)
{
    return QDir::cleanPath(source.homeDir + QStringLiteral("/.kube/config"));
}

} // namespace

KubeconfigSource KubeconfigSource::fromEnvironment(const QString &explicitPath)
{
    KubeconfigSource source;
    source.explicitPath = explicitPath;
    if (qEnvironmentVariableIsSet("KUBECONFIG"))
        source.kubeconfigEnv = qEnvironmentVariable("KUBECONFIG");
    source.homeDir = QDir::homePath();
    return source;
}

QStringList KubeconfigLoader::candidateFiles(const KubeconfigSource &source)
{
    if (!source.explicitPath.isEmpty())
        return {source.explicitPath};
    if (hasListedFiles(source)) {
        QStringList files;
        for (const QString &part :
             source.kubeconfigEnv->split(QLatin1Char(':'), Qt::SkipEmptyParts)) {
            if (!files.contains(part))
                files << part;
        }
        return files;
    }
    return {defaultPath(source)};
}

bool KubeconfigLoader::load(const KubeconfigSource &source, Kubeconfig *out, QString *error)
{
    const QStringList candidates = candidateFiles(source);
    const bool fromList = source.explicitPath.isEmpty() && hasListedFiles(source);
    QList<KubeconfigFile> files;
    for (const QString &path : candidates) {
        const QFileInfo info(path);
        if (!info.exists()) {
            if (fromList)
                continue;
            if (!source.explicitPath.isEmpty()) {
                *error = QCoreApplication::translate("Kubeconfig",
                                                     "%1: the kubeconfig file does not exist")
                             .arg(path);
            } else {
                *error = QCoreApplication::translate(
                             "Kubeconfig",
                             "No kubeconfig found: %1 does not exist and KUBECONFIG is not "
                             "set")
                             .arg(path);
            }
            return false;
        }
        if (!info.isFile()) {
            *error = QCoreApplication::translate("Kubeconfig", "%1: not a file").arg(path);
            return false;
        }
        KubeconfigFile file;
        if (!KubeconfigParser::parseFile(path, &file, error))
            return false;
        files << file;
    }
    if (files.isEmpty()) {
        *error
            = QCoreApplication::translate("Kubeconfig", "None of the files in KUBECONFIG exist: %1")
                  .arg(candidates.join(QStringLiteral(", ")));
        return false;
    }
    *out = Kubeconfig::merge(files);
    return true;
}
