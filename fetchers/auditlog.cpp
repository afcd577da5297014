// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditlog.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <sys/stat.h>
#include <unistd.h>

class AuditLogText
{
    Q_DECLARE_TR_FUNCTIONS(AuditLogText)
};

namespace {

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

// Makes a newly created file's directory entry durable too.
void syncDirectory(const QString &directory)
{
    const int fd = ::open(QFile::encodeName(directory).constData(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace

AuditLog::AuditLog(const QString &path) : m_path(path) { }

AuditLog::~AuditLog()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

QString AuditLog::defaultPath()
{
    const QString fromEnvironment = qEnvironmentVariable("RELEASE_DASHBOARD_AUDIT_FILE");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/audit.jsonl");
}

bool AuditLog::openLocked(QString *error)
{
    if (m_fd >= 0) {
        // Rotated (renamed or removed by logrotate) since it was opened: write the new file,
        // not the old one through a descriptor nobody reads.
        struct stat onDisk = {};
        struct stat opened = {};
        if (::stat(QFile::encodeName(m_path).constData(), &onDisk) == 0
            && ::fstat(m_fd, &opened) == 0 && onDisk.st_ino == opened.st_ino
            && onDisk.st_dev == opened.st_dev)
            return true;
        ::close(m_fd);
        m_fd = -1;
    }
    const QString directory = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(directory)) {
        *error = AuditLogText::tr("The audit log folder %1 cannot be created.").arg(directory);
        return false;
    }
    const bool existed = QFileInfo::exists(m_path);
    // 0600: the log says who did what; other users of the machine need not read it.
    // O_NOFOLLOW: a symbolic link planted at the path must not redirect the records.
    const int fd = ::open(QFile::encodeName(m_path).constData(),
                          O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        *error = errno == ELOOP
            ? AuditLogText::tr("The audit log %1 is a symbolic link: refused, the records would "
                               "go elsewhere.")
                  .arg(m_path)
            : AuditLogText::tr("The audit log %1 cannot be opened: %2").arg(m_path, systemError());
        return false;
    }
    struct stat info = {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        *error = AuditLogText::tr("The audit log %1 is not a regular file.").arg(m_path);
        return false;
    }
    // An existing file keeps its mode on open: make it private, as a new one is.
    if ((info.st_mode & 077) != 0 && ::fchmod(fd, 0600) != 0) {
        ::close(fd);
        *error = AuditLogText::tr("The audit log %1 is readable by others and cannot be made "
                                  "private: %2")
                     .arg(m_path, systemError());
        return false;
    }
    m_fd = fd;
    if (!existed)
        syncDirectory(directory);
    return true;
}

bool AuditLog::append(const AuditRecord &record, QString *error)
{
    const QByteArray line = record.toJsonLine() + '\n';
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!openLocked(error))
        return false;
    // O_APPEND makes each write land at the end even with several processes appending; a
    // short write is continued so a record is never split by our own doing.
    qsizetype written = 0;
    while (written < line.size()) {
        const ssize_t n = ::write(m_fd, line.constData() + written, size_t(line.size() - written));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            *error = AuditLogText::tr("The audit log %1 cannot be written: %2")
                         .arg(m_path, systemError());
            return false;
        }
        written += n;
    }
    if (::fsync(m_fd) != 0) {
        *error = AuditLogText::tr("The audit log %1 cannot be synced to disk: %2")
                     .arg(m_path, systemError());
        return false;
    }
    return true;
}
