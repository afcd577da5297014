// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A cpp-httplib server on a free loopback port, listening on its own thread from
// construction to destruction. Tests add their routes to `routes` before start().
#include <httplib.h>

#include <QString>

#include <chrono>
#include <thread>

class LoopbackServer
{
public:
    httplib::Server routes;

    ~LoopbackServer()
    {
        routes.stop();
        if (m_thread.joinable())
            m_thread.join();
    }

    // Binds and waits until the server accepts connections. False when no port was free.
    bool start()
    {
        m_port = routes.bind_to_any_port("127.0.0.1");
        if (m_port <= 0)
            return false;
        m_thread = std::thread([this] { routes.listen_after_bind(); });
        while (!routes.is_running())
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        return true;
    }

    int port() const { return m_port; }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }

private:
    int m_port = 0;
    std::thread m_thread;
};
