// SPDX-License-Identifier: GPL-3.0-or-later
// The Debian package CPack makes of this build (what scripts/package makes of a Release
// build): it holds the executable, rd-sim beside it (the demo's server), the desktop entry
// and the icons, depends on the Qt, curl and yaml-cpp packages it needs, and the executable
// it carries runs, its demo too.

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &arguments, const QString &directory = {},
        int timeoutMs = 240000)
{
    QProcess process;
    if (!directory.isEmpty())
        process.setWorkingDirectory(directory);
    process.start(program, arguments);
    Run result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.err = QStringLiteral("timed out");
        return result;
    }
    result.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

} // namespace

class TestPackage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_deb;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const Run cpack
            = run(QStringLiteral("cpack"),
                  {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("-B"), m_dir.path(),
                   QStringLiteral("--config"), QStringLiteral(RD_BUILD_DIR "/CPackConfig.cmake")},
                  QStringLiteral(RD_BUILD_DIR));
        QVERIFY2(cpack.code == 0, qPrintable(cpack.out + cpack.err));
        const QStringList debs = QDir(m_dir.path()).entryList({QStringLiteral("*.deb")});
        QCOMPARE(debs.size(), 1);
        m_deb = m_dir.filePath(debs.first());
        QVERIFY2(QFileInfo(m_deb).fileName().startsWith(QStringLiteral("release-dashboard_")),
                 qPrintable(m_deb));
    }

    void holdsTheExecutableDesktopEntryAndIcons()
    {
        const Run contents = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-c"), m_deb});
        QCOMPARE(contents.code, 0);
        for (const char *path : {"./usr/bin/release-dashboard", "./usr/bin/rd-sim",
                                 "./usr/share/applications/release-dashboard.desktop",
                                 "./usr/share/icons/hicolor/scalable/apps/release-dashboard.svg",
                                 "./usr/share/icons/hicolor/48x48/apps/release-dashboard.png",
                                 "./usr/share/icons/hicolor/256x256/apps/release-dashboard.png",
                                 "./usr/share/doc/release-dashboard/copyright"})
            QVERIFY2(contents.out.contains(QString::fromLatin1(path)), path);
    }

    void dependsOnWhatItLinks()
    {
        const Run depends = run(QStringLiteral("dpkg-deb"),
                                {QStringLiteral("-f"), m_deb, QStringLiteral("Depends")});
        QCOMPARE(depends.code, 0);
        for (const char *package :
             {"libqt6widgets6", "libqt6charts6", "libcurl4", "libyaml-cpp", "qt6-qpa-plugins"})
            QVERIFY2(depends.out.contains(QString::fromLatin1(package)), qPrintable(depends.out));
        const Run name = run(QStringLiteral("dpkg-deb"),
                             {QStringLiteral("-f"), m_deb, QStringLiteral("Package")});
        QCOMPARE(name.out.trimmed(), QStringLiteral("release-dashboard"));
    }

    void desktopEntryValidates()
    {
        const Run validate
            = run(QStringLiteral("desktop-file-validate"),
                  {QStringLiteral(RD_SOURCE_DIR "/resources/release-dashboard.desktop")});
        // Errors fail it; the tool's "hint" lines are advice (a Monitor app could also
        // be listed under System), not problems.
        QVERIFY2(validate.code == 0 && !validate.out.contains(QStringLiteral("error:"))
                     && !validate.out.contains(QStringLiteral("warning:")),
                 qPrintable(validate.out + validate.err));
    }

    void packagedExecutableRuns()
    {
        const QString root = m_dir.filePath(QStringLiteral("root"));
        QCOMPARE(run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), m_deb, root}).code, 0);
        const Run version = run(root + QStringLiteral("/usr/bin/release-dashboard"),
                                {QStringLiteral("--version")});
        QCOMPARE(version.code, 0);
        QVERIFY2(version.out.startsWith(QStringLiteral("release-dashboard ")),
                 qPrintable(version.out));
    }

    void packagedDemoRunsTheRdSimBesideIt()
    {
        const QString root = m_dir.filePath(QStringLiteral("demo-root"));
        QCOMPARE(run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), m_deb, root}).code, 0);
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("RELEASE_DASHBOARD_RD_SIM")); // what ctest sets for other tests
        app.setProcessEnvironment(env);
        app.start(root + QStringLiteral("/usr/bin/release-dashboard"),
                  {QStringLiteral("get"), QStringLiteral("rollouts"), QStringLiteral("-A"),
                   QStringLiteral("--demo")});
        QVERIFY(app.waitForFinished(60000));
        const QString out = QString::fromUtf8(app.readAllStandardOutput());
        QVERIFY2(app.exitCode() == 0 && out.contains(QStringLiteral("checkout")),
                 qPrintable(out + QString::fromUtf8(app.readAllStandardError())));
    }
};

QTEST_GUILESS_MAIN(TestPackage)
#include "tst_package.moc"
