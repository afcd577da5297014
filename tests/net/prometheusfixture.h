// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A real Prometheus (the Debian 2.42 binary that scripts/install-deps installs) for the
// client tests: on a free loopback port, with a temporary data directory, optionally filled
// by `promtool tsdb create-blocks-from openmetrics` from an OpenMetrics text, and a
// temporary config. start() waits for /-/ready; the destructor stops the process.

#include "prometheusclient.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

class PrometheusFixture
{
public:
    ~PrometheusFixture() { stop(); }

    // A port nobody listens on right now (the kernel's choice for an ephemeral bind).
    static int freePort()
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = 0;
        socklen_t length = sizeof(address);
        int port = 0;
        if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0
            && ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
            port = ntohs(address.sin_port);
        ::close(fd);
        return port;
    }

    // Backfills `openMetrics` (must end with "# EOF") into the data directory.
    bool backfill(const QByteArray &openMetrics, QString *error)
    {
        const QString input = m_dir.filePath(QStringLiteral("input.om"));
        QFile file(input);
        if (!file.open(QIODevice::WriteOnly) || file.write(openMetrics) != openMetrics.size()) {
            *error = QStringLiteral("cannot write %1").arg(input);
            return false;
        }
        file.close();
        QProcess promtool;
        promtool.setProcessChannelMode(QProcess::MergedChannels);
        promtool.start(QStringLiteral("promtool"),
                       {QStringLiteral("tsdb"), QStringLiteral("create-blocks-from"),
                        QStringLiteral("openmetrics"), QStringLiteral("--quiet"), input,
                        dataDir()});
        if (!promtool.waitForFinished(60000) || promtool.exitStatus() != QProcess::NormalExit
            || promtool.exitCode() != 0) {
            *error = QStringLiteral("promtool failed: %1 %2")
                         .arg(promtool.errorString(), QString::fromUtf8(promtool.readAll()));
            return false;
        }
        return true;
    }

    // Starts prometheus with `configYaml` and extra flags; waits until /-/ready answers 200.
    bool start(const QByteArray &configYaml, const QStringList &extraArguments, QString *error)
    {
        const QString config = m_dir.filePath(QStringLiteral("prometheus.yml"));
        QFile file(config);
        if (!file.open(QIODevice::WriteOnly) || file.write(configYaml) != configYaml.size()) {
            *error = QStringLiteral("cannot write %1").arg(config);
            return false;
        }
        file.close();
        m_port = freePort();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.setStandardOutputFile(m_dir.filePath(QStringLiteral("prometheus.log")));
        m_process.start(
            QStringLiteral("prometheus"),
            QStringList {QStringLiteral("--config.file=") + config,
                         QStringLiteral("--storage.tsdb.path=") + dataDir(),
                         QStringLiteral("--storage.tsdb.retention.time=100y"),
                         QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(m_port)}
                + extraArguments);
        if (!m_process.waitForStarted(10000)) {
            *error = QStringLiteral("cannot start prometheus: %1").arg(m_process.errorString());
            return false;
        }
        PrometheusEndpoint endpoint = directEndpoint();
        endpoint.pathPrefix = m_readyPrefix;
        PrometheusClient client(endpoint);
        const QDeadlineTimer deadline(20000);
        while (!deadline.hasExpired()) {
            if (m_process.state() != QProcess::Running) {
                *error = QStringLiteral("prometheus exited: %1").arg(log());
                return false;
            }
            if (!client.ready())
                return true;
            QThread::msleep(25);
        }
        *error = QStringLiteral("prometheus did not become ready: %1").arg(log());
        return false;
    }

    // For servers started with --web.route-prefix: where /-/ready is.
    void setReadyPrefix(const QString &prefix) { m_readyPrefix = prefix; }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    int port() const { return m_port; }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }
    QString log() const
    {
        QFile file(m_dir.filePath(QStringLiteral("prometheus.log")));
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll().right(2000))
                                              : QString();
    }

    PrometheusEndpoint directEndpoint() const
    {
        PrometheusEndpoint endpoint;
        endpoint.mode = PrometheusEndpoint::Mode::Direct;
        endpoint.isImplicit = false;
        endpoint.url = url();
        return endpoint;
    }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    int m_port = 0;
    QString m_readyPrefix;
};
