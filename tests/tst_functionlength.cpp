// SPDX-License-Identifier: GPL-3.0-or-later
// No function of the client layers or the simulator is longer than 80 lines (issue 11): a
// longer one does more than one job. It reads the sources in RD_SOURCE_DIR. A function body
// is what lies between a "{" and a "}" alone at the start of a line, which is where
// clang-format (.clang-format: braces of functions on their own line) puts them; lambdas and
// class members defined in headers are inside other braces and not counted. The last longer
// functions (twelve in the client, nine in the simulator) were split in session 7, and the
// allow-list of ceilings went with them.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTest>

namespace {
const QString sourceDir = QStringLiteral(RD_SOURCE_DIR);
constexpr int maxBodyLines = 80;

struct Body
{
    QString signature;
    int line = 0; // of the "{"
    int lines = 0;
};

QList<Body> bodiesOf(const QString &path)
{
    QFile file(QDir(sourceDir).filePath(path));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    QList<Body> bodies;
    int open = -1;
    for (int i = 0; i < lines.size(); ++i) {
        if (lines.at(i) == QLatin1String("{")) {
            open = i;
        } else if (lines.at(i) == QLatin1String("}") && open >= 0) {
            // A declaration may wrap (parameters, a constructor's initialisers): its first
            // line is the last one above the brace that starts at column 0.
            int first = open - 1;
            while (first > 0 && lines.at(first).startsWith(u' '))
                --first;
            bodies.append({lines.at(first).trimmed(), open + 1, i - open - 1});
            open = -1;
        }
    }
    return bodies;
}

// The client layers and the simulator: the code that ships and the code every test stands
// on. Benches and tests are left out (a table of test rows is long by nature).
QStringList productSources()
{
    QStringList files;
    const QDir root(sourceDir);
    for (const char *folder :
         {"domain", "net", "fetchers", "store", "history", "models", "widgets", "app", "sim"}) {
        QDirIterator it(root.filePath(QString::fromLatin1(folder)), {QStringLiteral("*.cpp")},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(root.relativeFilePath(it.next()));
    }
    files.sort();
    return files;
}
} // namespace

class TestFunctionLength : public QObject
{
    Q_OBJECT

private slots:
    void bodiesAreFound()
    {
        // A wrong RD_SOURCE_DIR or a changed brace style would find nothing and pass all.
        const QList<Body> bodies = bodiesOf(QStringLiteral("store/fleetstore.cpp"));
        QVERIFY(bodies.size() >= 5);
        QCOMPARE(
            bodies.constFirst().signature,
            QStringLiteral(
                "void FleetStore::setEnvironments(const QList<EnvironmentSpec> &environments)"));
        QVERIFY(productSources().size() > 100);
    }

    void noFunctionOverMaxLines()
    {
        QStringList problems;
        for (const QString &path : productSources()) {
            for (const Body &body : bodiesOf(path)) {
                if (body.lines > maxBodyLines)
                    problems.append(QStringLiteral("%1:%2: %3 lines (at most %4): %5")
                                        .arg(path)
                                        .arg(body.line)
                                        .arg(body.lines)
                                        .arg(maxBodyLines)
                                        .arg(body.signature));
            }
        }
        problems.sort();
        // One line each: QtTest cuts a long failure message short.
        for (const QString &problem : std::as_const(problems))
            qWarning("%s", qPrintable(problem));
        QVERIFY2(problems.isEmpty(), "functions too long (above)");
    }
};

QTEST_GUILESS_MAIN(TestFunctionLength)
#include "tst_functionlength.moc"
