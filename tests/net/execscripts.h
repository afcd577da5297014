// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clusterconnection.h"
#include "execcredential.h"

#include <QFile>
#include <QTemporaryDir>

// Exec credential plugins as small shell scripts written at test time.
class ExecScripts
{
public:
    bool isValid() const { return m_dir.isValid(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

    // An executable /bin/sh script with `body` after the #! line.
    QString script(const QString &name, const QByteArray &body) const
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        file.write("#!/bin/sh\n" + body);
        file.close();
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        return path;
    }

    // A user "dev" whose credential comes from `command`, with an install hint.
    static ClusterConnection connection(const QString &command,
                                        const QString &apiVersion = ExecCredentialApi::v1)
    {
        ClusterConnection c;
        c.userName = QStringLiteral("dev");
        c.server = QStringLiteral("https://127.0.0.1:6443");
        KubeExecConfig exec;
        exec.command = command;
        exec.apiVersion = apiVersion;
        exec.interactiveMode = QStringLiteral("Never");
        exec.installHint = QStringLiteral("Install it with: apt install dev-plugin");
        c.exec = exec;
        return c;
    }

    // A shell line that prints a v1 ExecCredential with `token`.
    static QByteArray printToken(const QByteArray &token)
    {
        return "echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":"
               "\"ExecCredential\",\"status\":{\"token\":\""
            + token + "\"}}'\n";
    }

private:
    QTemporaryDir m_dir;
};
