// SPDX-License-Identifier: GPL-3.0-or-later
#include "soakkubeconfig.h"

#include <QDir>
#include <QFile>

namespace {

bool writeFile(const QString &path, const QByteArray &data, QFile::Permissions permissions)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    file.write(data);
    file.close();
    return file.setPermissions(permissions);
}

} // namespace

QString SoakKubeconfig::write(const QList<SoakCluster> &clusters, int credentialLifetimeSeconds)
{
    const QDir dir(m_dir);
    // A short expirationTimestamp, so the credential is fetched again and again during the
    // run, and once more while the window closes (the shutdown check).
    const QByteArray plugin = "#!/bin/sh\n"
                              "# The soak's exec credential plugin (bench/soak).\n"
                              "dir='"
        + m_dir.toUtf8()
        + "'\n"
          "echo run >> \"$dir/plugin-runs\"\n"
          "if [ -e \"$dir/hang\" ]; then\n"
          "  sleep 3600 &\n"
          "  echo $! > \"$dir/sleep-pid\"\n"
          "  touch \"$dir/hanging\"\n"
          "  wait\n"
          "fi\n"
          "exp=$(date -u -d '+"
        + QByteArray::number(credentialLifetimeSeconds)
        + " seconds' +%Y-%m-%dT%H:%M:%SZ)\n"
          "printf '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":"
          "\"ExecCredential\",\"status\":{\"token\":\"soak-exec-token\","
          "\"expirationTimestamp\":\"%s\"}}\\n' \"$exp\"\n";
    const QString pluginPath = dir.filePath(QStringLiteral("plugin.sh"));
    writeFile(pluginPath, plugin, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    QByteArray yaml = "apiVersion: v1\nkind: Config\nclusters:\n";
    for (const SoakCluster &c : clusters) {
        yaml += "- name: " + c.name.toUtf8()
            + "\n  cluster:\n    server: https://127.0.0.1:" + QByteArray::number(c.port) + "\n";
        yaml += c.caPem.isEmpty() ? QByteArray("    insecure-skip-tls-verify: true\n")
                                  : "    certificate-authority-data: " + c.caPem.toBase64() + "\n";
    }
    yaml += "users:\n- name: admin\n  user:\n    token: soak-admin-token\n"
            "- name: exec-user\n  user:\n    exec:\n"
            "      apiVersion: client.authentication.k8s.io/v1\n"
            "      command: "
        + pluginPath.toUtf8() + "\n      interactiveMode: Never\ncontexts:\n";
    for (const SoakCluster &c : clusters) {
        const QByteArray name = c.name.toUtf8();
        yaml += "- name: " + name + "\n  context:\n    cluster: " + name
            + "\n    user: " + (c.execUser ? "exec-user" : "admin") + "\n";
        yaml += "- name: admin-" + name + "\n  context:\n    cluster: " + name
            + "\n    user: admin\n";
    }
    yaml += "current-context: " + clusters.first().name.toUtf8() + "\n";
    const QString path = dir.filePath(QStringLiteral("kubeconfig"));
    writeFile(path, yaml, QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

void SoakKubeconfig::makePluginHang() const
{
    writeFile(QDir(m_dir).filePath(QStringLiteral("hang")), QByteArray(),
              QFile::ReadOwner | QFile::WriteOwner);
}

bool SoakKubeconfig::isPluginHanging() const
{
    return QFile::exists(QDir(m_dir).filePath(QStringLiteral("hanging")));
}

qint64 SoakKubeconfig::sleepPid() const
{
    QFile file(QDir(m_dir).filePath(QStringLiteral("sleep-pid")));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return file.readAll().trimmed().toLongLong();
}

int SoakKubeconfig::pluginRuns() const
{
    QFile file(QDir(m_dir).filePath(QStringLiteral("plugin-runs")));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return int(file.readAll().count('\n'));
}
