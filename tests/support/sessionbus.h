// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A private D-Bus session bus for one test process: dbus-daemon (Debian package dbus) started
// as our child with a configuration of its own (no service activation, so no real
// notification server or other service of this machine is started on it), ended with us
// (PR_SET_PDEATHSIG) or when this object goes. Start it before QApplication and anything
// else that may open the session bus: Qt opens it once and keeps it.

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QString>

#include <csignal>
#include <cstdio>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

class SessionBus
{
public:
    SessionBus() = default;
    SessionBus(const SessionBus &) = delete;
    SessionBus &operator=(const SessionBus &) = delete;
    ~SessionBus() { stop(); }

    // Starts the daemon and sets DBUS_SESSION_BUS_ADDRESS; false with *error when it fails.
    bool start(QString *error)
    {
        const QByteArray config
            = QDir::temp()
                  .filePath(
                      QStringLiteral("rd-test-bus-%1.conf").arg(QCoreApplication::applicationPid()))
                  .toLocal8Bit();
        if (!writeConfig(config)) {
            *error = QStringLiteral("cannot write %1").arg(QString::fromLocal8Bit(config));
            return false;
        }
        int out[2];
        if (::pipe(out) != 0) {
            *error = QStringLiteral("pipe() failed");
            return false;
        }
        m_pid = ::fork();
        if (m_pid == 0) {
            ::prctl(PR_SET_PDEATHSIG, SIGTERM);
            ::dup2(out[1], STDOUT_FILENO);
            ::close(out[0]);
            const QByteArray configArg = "--config-file=" + config;
            ::execlp("dbus-daemon", "dbus-daemon", configArg.constData(), "--nofork", "--nopidfile",
                     "--print-address=1", static_cast<char *>(nullptr));
            ::_exit(127);
        }
        ::close(out[1]);
        FILE *reader = ::fdopen(out[0], "r");
        char line[512] = {};
        const bool read = reader && std::fgets(line, sizeof line, reader);
        if (reader)
            std::fclose(reader);
        QFile::remove(QString::fromLocal8Bit(config)); // read when it started
        m_address = QByteArray(line).trimmed();
        if (!read || m_address.isEmpty()) {
            *error = QStringLiteral("dbus-daemon did not start (is the dbus package installed?)");
            stop();
            return false;
        }
        qputenv("DBUS_SESSION_BUS_ADDRESS", m_address);
        return true;
    }

    void stop()
    {
        if (m_pid <= 0)
            return;
        ::kill(m_pid, SIGTERM);
        ::waitpid(m_pid, nullptr, 0);
        m_pid = -1;
    }

    QByteArray address() const { return m_address; }

private:
    static bool writeConfig(const QByteArray &path)
    {
        QFile file(QString::fromLocal8Bit(path));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        file.write(
            "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
            " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
            "<busconfig>\n"
            "  <type>session</type>\n"
            "  <listen>unix:tmpdir=/tmp</listen>\n"
            "  <auth>EXTERNAL</auth>\n"
            "  <policy context=\"default\">\n"
            "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
            "    <allow eavesdrop=\"true\"/>\n"
            "    <allow own=\"*\"/>\n"
            "  </policy>\n"
            "</busconfig>\n");
        return file.flush();
    }

    pid_t m_pid = -1;
    QByteArray m_address;
};
