// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auditrecord.h"
#include <mutex>
#include <QString>

// Appends AuditRecords to a JSON Lines file, one write per record, each followed by fsync
// so a record survives the app crashing (or the machine losing power) right after it.
// Thread-safe: action runners on several threads share one log.
class AuditLog
{
public:
    explicit AuditLog(const QString &path);
    ~AuditLog();
    AuditLog(const AuditLog &) = delete;
    AuditLog &operator=(const AuditLog &) = delete;

    // $RELEASE_DASHBOARD_AUDIT_FILE, else <AppDataLocation>/audit.jsonl.
    static QString defaultPath();
    QString path() const { return m_path; }

    // False with a translated *error when the record could not be written and synced.
    bool append(const AuditRecord &record, QString *error);

private:
    bool openLocked(QString *error);

    QString m_path;
    std::mutex m_mutex;
    int m_fd = -1;
};
