// SPDX-License-Identifier: GPL-3.0-or-later
#include "boundedfile.h"

#include <QCoreApplication>
#include <QFile>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

bool BoundedFile::read(const QString &path, qint64 maxBytes, QByteArray *out, QString *problem)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        *problem = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    struct stat info;
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        *problem = QCoreApplication::translate("BoundedFile", "not a regular file");
        return false;
    }
    QByteArray content;
    char buffer[65536];
    while (content.size() <= maxBytes) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            *problem = QString::fromLocal8Bit(std::strerror(errno));
            ::close(fd);
            return false;
        }
        if (n == 0)
            break;
        content.append(buffer, n);
    }
    ::close(fd);
    if (content.size() > maxBytes) {
        *problem = maxBytes >= 1024
            ? QCoreApplication::translate("BoundedFile", "larger than %1 KiB").arg(maxBytes / 1024)
            : QCoreApplication::translate("BoundedFile", "larger than %1 bytes").arg(maxBytes);
        return false;
    }
    *out = content;
    return true;
}
