// SPDX-License-Identifier: GPL-3.0-or-later
// Rules of the source tree that a review would otherwise have to remember (issue 11,
// "folders that show the design"). It reads the sources in RD_SOURCE_DIR, so it checks the
// working tree as it is:
// - a client file (domain net fetchers store models widgets app) and a simulator file (sim)
//   never share a name: the two sides must not be mistaken for each other in an include, a
//   search or a stack trace;
// - no two client files share a name: domain/ and widgets/ put every sub-folder on the
//   include path, so a second "rollout.h" would be included by whichever folder comes first;
// - domain/ and widgets/ keep no sources at their top level: each file sits in the folder of
//   its concern;
// - no source file has more than 400 lines (the last files over it were split in session 7,
//   and the allow-list of ceilings went with them).
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QtTest>

namespace {

const QString sourceDir = QStringLiteral(RD_SOURCE_DIR);
constexpr int maxLines = 400;

const QStringList clientLayers
    = {QStringLiteral("domain"),  QStringLiteral("net"),     QStringLiteral("fetchers"),
       QStringLiteral("store"),   QStringLiteral("history"), QStringLiteral("models"),
       QStringLiteral("widgets"), QStringLiteral("app")};

// The *.cpp and *.h files under the folders, as paths relative to the source directory.
QStringList sourceFiles(const QStringList &folders)
{
    QStringList files;
    const QDir root(sourceDir);
    for (const QString &folder : folders) {
        QDirIterator it(root.filePath(folder), {QStringLiteral("*.cpp"), QStringLiteral("*.h")},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(root.relativeFilePath(it.next()));
    }
    files.sort();
    return files;
}

// File name -> the paths that have it.
QMap<QString, QStringList> byName(const QStringList &paths)
{
    QMap<QString, QStringList> names;
    for (const QString &path : paths)
        names[QFileInfo(path).fileName()].append(path);
    return names;
}

// Lines as `wc -l` counts them, plus a last line without a newline.
int lineCount(const QString &path)
{
    QFile file(QDir(sourceDir).filePath(path));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = file.readAll();
    return int(text.count('\n')) + (!text.isEmpty() && !text.endsWith('\n') ? 1 : 0);
}

} // namespace

class TestHousekeeping : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // A wrong RD_SOURCE_DIR would find nothing and pass everything.
        QVERIFY2(sourceFiles(clientLayers).size() > 100, qPrintable(sourceDir));
        QVERIFY(!sourceFiles({QStringLiteral("sim")}).isEmpty());
    }

    void clientAndSimulatorNamesDiffer()
    {
        const QMap<QString, QStringList> client = byName(sourceFiles(clientLayers));
        const QMap<QString, QStringList> sim = byName(sourceFiles({QStringLiteral("sim")}));
        QStringList shared;
        for (auto it = sim.cbegin(); it != sim.cend(); ++it) {
            if (client.contains(it.key()))
                shared.append((client.value(it.key()) + it.value()).join(QStringLiteral(", ")));
        }
        // Fix by renaming the simulator's file (sim/controllers/simrolloutspec.h).
        QVERIFY2(shared.isEmpty(),
                 qPrintable(QStringLiteral("client and simulator files of the same name:\n")
                            + shared.join(u'\n')));
    }

    void clientNamesUnique()
    {
        const QMap<QString, QStringList> client = byName(sourceFiles(clientLayers));
        QStringList shared;
        for (const QStringList &paths : client) {
            if (paths.size() > 1)
                shared.append(paths.join(QStringLiteral(", ")));
        }
        QVERIFY2(
            shared.isEmpty(),
            qPrintable(QStringLiteral("client files of the same name:\n") + shared.join(u'\n')));
    }

    void noSourcesAtTopLevel_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::newRow("domain") << QStringLiteral("domain");
        QTest::newRow("widgets") << QStringLiteral("widgets");
    }

    void noSourcesAtTopLevel()
    {
        QFETCH(QString, folder);
        const QStringList loose
            = QDir(QDir(sourceDir).filePath(folder))
                  .entryList({QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files);
        // Each file belongs in the sub-folder of its concern (docs/architecture.md).
        QVERIFY2(loose.isEmpty(), qPrintable(folder + QStringLiteral("/: ") + loose.join(u' ')));
    }

    void noFileOverMaxLines()
    {
        const QStringList files
            = sourceFiles(clientLayers
                          + QStringList {QStringLiteral("sim"), QStringLiteral("bench"),
                                         QStringLiteral("fuzz"), QStringLiteral("tests")});
        QStringList problems;
        for (const QString &path : files) {
            const int lines = lineCount(path);
            if (lines > maxLines)
                problems.append(
                    QStringLiteral("%1: %2 lines (at most %3)").arg(path).arg(lines).arg(maxLines));
        }
        problems.sort();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestHousekeeping)
#include "tst_housekeeping.moc"
