// SPDX-License-Identifier: GPL-3.0-or-later
// The audit file holds who did what to which rollout (issue 10): private (0600) even when it
// existed with wider permissions, never written through a symbolic link planted at its path,
// and written to the new file after logrotate moved the old one away.

#include "auditlog.h"
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

namespace {

AuditRecord record(const QString &id)
{
    AuditRecord r;
    r.id = id;
    r.time = QDateTime::currentDateTimeUtc();
    r.environment = QStringLiteral("prod");
    r.namespaceName = QStringLiteral("shop");
    r.rollout = QStringLiteral("checkout");
    r.action = QStringLiteral("pause");
    r.client = QStringLiteral("gui");
    return r;
}

mode_t modeOf(const QString &path)
{
    struct stat info = {};
    ::stat(QFile::encodeName(path).constData(), &info);
    return info.st_mode & 0777;
}

} // namespace

class TestAuditLog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void newAndExistingFilesArePrivate()
    {
        const QString fresh = m_dir.filePath(QStringLiteral("fresh.jsonl"));
        AuditLog log(fresh);
        QString error;
        QVERIFY2(log.append(record(QStringLiteral("1")), &error), qPrintable(error));
        QCOMPARE(modeOf(fresh), mode_t(0600));

        const QString wide = m_dir.filePath(QStringLiteral("wide.jsonl"));
        QFile file(wide);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QVERIFY(::chmod(QFile::encodeName(wide).constData(), 0644) == 0);
        AuditLog existing(wide);
        QVERIFY2(existing.append(record(QStringLiteral("2")), &error), qPrintable(error));
        QCOMPARE(modeOf(wide), mode_t(0600));
    }

    void symbolicLinkIsRefused()
    {
        const QString target = m_dir.filePath(QStringLiteral("elsewhere.txt"));
        const QString path = m_dir.filePath(QStringLiteral("linked.jsonl"));
        QVERIFY(QFile::link(target, path));
        AuditLog log(path);
        QString error;
        QVERIFY(!log.append(record(QStringLiteral("3")), &error));
        QCOMPARE(error,
                 QStringLiteral("The audit log %1 is a symbolic link: refused, the records "
                                "would go elsewhere.")
                     .arg(path));
        QVERIFY(!QFile::exists(target));
    }

    void rotationIsFollowed()
    {
        const QString path = m_dir.filePath(QStringLiteral("rotated.jsonl"));
        AuditLog log(path);
        QString error;
        QVERIFY(log.append(record(QStringLiteral("before")), &error));
        // logrotate: rename the file away, the next record starts a new one.
        QVERIFY(QFile::rename(path, path + QStringLiteral(".1")));
        QVERIFY2(log.append(record(QStringLiteral("after")), &error), qPrintable(error));
        const AuditFile rotated = readAuditFile(path + QStringLiteral(".1"));
        const AuditFile current = readAuditFile(path);
        QCOMPARE(rotated.records.size(), 1);
        QCOMPARE(rotated.records.first().id, QStringLiteral("before"));
        QCOMPARE(current.records.size(), 1);
        QCOMPARE(current.records.first().id, QStringLiteral("after"));
        QCOMPARE(modeOf(path), mode_t(0600));
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
