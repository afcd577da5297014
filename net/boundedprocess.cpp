// SPDX-License-Identifier: GPL-3.0-or-later
#include "boundedprocess.h"

#include <QList>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <optional>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// After the program exits, how long processes it left behind may keep our pipes open.
constexpr milliseconds StragglerGrace(250);
constexpr int PollSliceMs = 50;

// NULL-terminated char* arrays whose storage lives as long as this object.
class CStrings
{
public:
    explicit CStrings(const QStringList &items)
    {
        for (const QString &item : items)
            m_storage.append(item.toLocal8Bit());
        for (QByteArray &bytes : m_storage)
            m_pointers.append(bytes.data());
        m_pointers.append(nullptr);
    }
    char *const *data() { return m_pointers.data(); }

private:
    QList<QByteArray> m_storage;
    QList<char *> m_pointers;
};

struct Pipe
{
    int read = -1;
    int write = -1;
    bool open() { return ::pipe2(&read, O_CLOEXEC) == 0; }
    void closeWrite()
    {
        if (write >= 0)
            ::close(write);
        write = -1;
    }
    void closeRead()
    {
        if (read >= 0)
            ::close(read);
        read = -1;
    }
    ~Pipe()
    {
        closeRead();
        closeWrite();
    }
};

// Starts the program in a new process group with stdin from /dev/null. Returns 0 or errno.
int spawn(const QString &program, const QStringList &arguments, const QStringList &environment,
          const Pipe &out, const Pipe &err, pid_t *pid)
{
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out.write, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err.write, STDERR_FILENO);

    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    // Its own group, so the whole tree can be killed; default signal handling and an empty
    // mask, whatever this process (libcurl ignores SIGPIPE) set for itself.
    posix_spawnattr_setflags(
        &attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    posix_spawnattr_setpgroup(&attributes, 0);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attributes, &none);
    sigset_t defaults;
    sigemptyset(&defaults);
    for (int sig : {SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT})
        sigaddset(&defaults, sig);
    posix_spawnattr_setsigdefault(&attributes, &defaults);

    CStrings argv(QStringList {program} + arguments);
    CStrings envp(environment);
    const QByteArray file = program.toLocal8Bit();
    const int result = program.isEmpty()
        ? ENOENT
        : posix_spawnp(pid, file.constData(), &actions, &attributes, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    return result;
}

// Reads what is there without blocking. False once the stream has ended (or failed).
bool drain(int fd, QByteArray *into, qint64 cap, bool *overflow)
{
    char buffer[65536];
    while (true) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n > 0) {
            const qint64 room = std::max<qint64>(cap - into->size(), 0);
            into->append(buffer, std::min<qint64>(n, room));
            if (n > room)
                *overflow = true;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
    }
}

void reap(pid_t pid, int *status)
{
    while (::waitpid(pid, status, 0) < 0 && errno == EINTR) { }
}

// The running program and what is known of it.
struct Child
{
    pid_t pid = 0;
    Pipe out;
    Pipe err;
    bool reaped = false;
    int status = 0; // once reaped
    Clock::time_point exitedAt;

    void checkExited()
    {
        if (!reaped && ::waitpid(pid, &status, WNOHANG) == pid) {
            reaped = true;
            exitedAt = Clock::now();
        }
    }
    bool pipesOpen() const { return out.read >= 0 || err.read >= 0; }
};

// Waits up to sliceMs for output and reads what is there. False once stdout is over its
// limit.
bool readSlice(Child *child, int sliceMs, const ProcessLimits &limits, ProcessOutcome *outcome)
{
    pollfd fds[2];
    nfds_t count = 0;
    for (int fd : {child->out.read, child->err.read}) {
        if (fd >= 0)
            fds[count++] = {fd, POLLIN, 0};
    }
    if (count == 0) {
        // Both streams closed while it still runs: only its exit is awaited.
        std::this_thread::sleep_for(milliseconds(sliceMs));
        return true;
    }
    if (::poll(fds, count, sliceMs) <= 0)
        return true;
    bool stdoutOverflow = false;
    if (child->out.read >= 0
        && !drain(child->out.read, &outcome->standardOutput, limits.maxStdoutBytes,
                  &stdoutOverflow))
        child->out.closeRead();
    if (stdoutOverflow)
        return false;
    if (child->err.read >= 0
        && !drain(child->err.read, &outcome->standardError, limits.maxStderrBytes,
                  &outcome->standardErrorTruncated))
        child->err.closeRead();
    return true;
}

// Reads both streams until the program has exited and they are closed (or its stragglers
// were killed). Returns why it has to be stopped instead, if it has to.
std::optional<ProcessOutcome::End> readUntilExit(Child *child, const ProcessLimits &limits,
                                                 const CancelToken &cancel, ProcessOutcome *outcome)
{
    const Clock::time_point deadline = Clock::now() + milliseconds(limits.timeoutMs);
    while (true) {
        child->checkExited();
        if (child->reaped && !child->pipesOpen())
            return std::nullopt;
        if (child->reaped && Clock::now() - child->exitedAt > StragglerGrace) {
            // Something it started still holds our pipes; the group still exists, so its
            // id cannot have been reused.
            ::kill(-child->pid, SIGKILL);
            return std::nullopt;
        }
        if (cancel.isCancelled())
            return ProcessOutcome::End::Cancelled;
        const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now());
        if (left.count() <= 0)
            return ProcessOutcome::End::TimedOut;
        const int sliceMs = static_cast<int>(std::min<qint64>(left.count(), PollSliceMs));
        if (!readSlice(child, sliceMs, limits, outcome))
            return ProcessOutcome::End::StdoutTooLarge;
    }
}

} // namespace

ProcessOutcome BoundedProcess::run(const QString &program, const QStringList &arguments,
                                   const QStringList &environment, const ProcessLimits &limits,
                                   const CancelToken &cancel)
{
    ProcessOutcome outcome;
    Child child;
    if (!child.out.open() || !child.err.open()) {
        outcome.startError = QString::fromLocal8Bit(std::strerror(errno));
        return outcome;
    }
    if (const int error
        = spawn(program, arguments, environment, child.out, child.err, &child.pid)) {
        outcome.startError = QString::fromLocal8Bit(std::strerror(error));
        return outcome;
    }
    child.out.closeWrite();
    child.err.closeWrite();
    ::fcntl(child.out.read, F_SETFL, O_NONBLOCK);
    ::fcntl(child.err.read, F_SETFL, O_NONBLOCK);

    if (const std::optional<ProcessOutcome::End> stopped
        = readUntilExit(&child, limits, cancel, &outcome)) {
        // While it runs, or while what it started holds our pipes, the group exists.
        if (!child.reaped || child.pipesOpen())
            ::kill(-child.pid, SIGKILL);
        if (!child.reaped)
            reap(child.pid, &child.status);
        outcome.end = *stopped;
        return outcome;
    }
    if (WIFSIGNALED(child.status)) {
        outcome.end = ProcessOutcome::End::Signalled;
        outcome.signal = WTERMSIG(child.status);
    } else {
        outcome.end = ProcessOutcome::End::Exited;
        outcome.exitCode = WEXITSTATUS(child.status);
    }
    return outcome;
}
