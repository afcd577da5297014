// SPDX-License-Identifier: GPL-3.0-or-later
// start_bench: how fast `release-dashboard --demo` shows its window and its first data
// (DESIGN.md: first window ≤ 0.5 s, first data ≤ 1.5 s). Runs the real executable offscreen
// with the release-dashboard.startup logging category on (app/startuptrace.h) and times each
// milestone line from the moment the process is started; one warm-up run, then N rounds.
//   start_bench [--rounds N] [--app PATH] [--peer PATH]
// --peer: another release-dashboard (say, a build of an older commit) started in alternate
// rounds, so a busy machine slows both alike; its medians fill the RESULT lines' peer column.
// Exit code 1 when a median misses its budget, 2 when the app did not reach its data.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

namespace {

const char *const kWindow = "window exposed";
const char *const kFirstData = "first environment live";
const char *const kAllData = "all environments live";

struct Milestone
{
    qint64 sinceSpawnMs = -1; // wall clock from QProcess::start to the line
    qint64 sinceMainMs = -1; // what the app itself counted from main()
};

using Round = QMap<QString, Milestone>;

QProcessEnvironment appEnvironment(const QTemporaryDir &dir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"),
               QStringLiteral("release-dashboard.startup.info=true"));
    env.insert(QStringLiteral("QT_FORCE_STDERR_LOGGING"), QStringLiteral("1"));
    // Settings and audit file of its own: every round starts as a first run.
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("RELEASE_DASHBOARD_AUDIT_FILE"),
               dir.filePath(QStringLiteral("audit.jsonl")));
    return env;
}

// One start of the app, until every environment is live (or 20 s).
Round runOnce(const QString &app)
{
    static const QRegularExpression line(
        QStringLiteral("release-dashboard\\.startup: (.+) after (\\d+) ms"));
    QTemporaryDir dir;
    QProcess process;
    process.setProcessEnvironment(appEnvironment(dir));
    process.setReadChannel(QProcess::StandardError);
    QElapsedTimer clock;
    clock.start();
    process.start(app, {QStringLiteral("--demo")});
    Round round;
    QByteArray pending;
    while (!round.contains(QLatin1String(kAllData)) && clock.elapsed() < 20000
           && process.waitForReadyRead(int(20000 - clock.elapsed()))) {
        const qint64 now = clock.elapsed();
        pending += process.readAllStandardError();
        int end = 0;
        while ((end = pending.indexOf('\n')) >= 0) {
            const QRegularExpressionMatch match = line.match(QString::fromUtf8(pending.left(end)));
            pending.remove(0, end + 1);
            if (match.hasMatch())
                round.insert(match.captured(1), {now, match.captured(2).toLongLong()});
        }
    }
    process.terminate();
    if (!process.waitForFinished(5000)) {
        process.kill();
        process.waitForFinished();
    }
    return round;
}

qint64 median(QList<qint64> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? -1 : values.at(values.size() / 2);
}

void printRow(const char *milestone, const QList<Round> &rounds, qint64 budgetMs)
{
    QList<qint64> spawn, main;
    for (const Round &round : rounds) {
        spawn.append(round.value(QLatin1String(milestone)).sinceSpawnMs);
        main.append(round.value(QLatin1String(milestone)).sinceMainMs);
    }
    const auto [low, high] = std::minmax_element(spawn.cbegin(), spawn.cend());
    std::printf("| %-24s | %6lld ms | %5lld to %5lld ms | %6lld ms | %s |\n", milestone,
                median(spawn), *low, *high, median(main),
                budgetMs > 0 ? qPrintable(QStringLiteral("≤ %1 ms").arg(budgetMs)) : "");
}

// Rounds of each executable, interleaved: app, peer, app, peer, ... after one warm-up of
// each (the page cache, not the first start after a build, is measured). Empty when a round
// never had every environment live.
QList<QList<Round>> measure(const QStringList &apps, int count)
{
    for (const QString &app : apps)
        runOnce(app);
    QList<QList<Round>> rounds(apps.size());
    for (int i = 0; i < count; ++i) {
        for (int a = 0; a < apps.size(); ++a) {
            const Round round = runOnce(apps.at(a));
            if (!round.contains(QLatin1String(kAllData))) {
                std::fprintf(stderr, "start_bench: %s, round %d: not every environment live\n",
                             qPrintable(apps.at(a)), i + 1);
                return {};
            }
            std::printf("%s round %d: window %lld ms, first data %lld ms, all data %lld ms\n",
                        a == 0 ? "app" : "peer", i + 1,
                        round.value(QLatin1String(kWindow)).sinceSpawnMs,
                        round.value(QLatin1String(kFirstData)).sinceSpawnMs,
                        round.value(QLatin1String(kAllData)).sinceSpawnMs);
            rounds[a].append(round);
        }
    }
    return rounds;
}

void printTable(const QString &app, const QList<Round> &rounds)
{
    std::printf("\n%s\n\n| milestone | median from spawn | range | median from main() | budget |\n"
                "|---|---:|---:|---:|---|\n",
                qPrintable(app));
    printRow(kWindow, rounds, 500);
    printRow(kFirstData, rounds, 1500);
    printRow(kAllData, rounds, 0);
    printRow("demo fleet serving", rounds, 0);
}

qint64 medianOf(const char *milestone, const QList<Round> &rounds)
{
    QList<qint64> values;
    for (const Round &round : rounds)
        values.append(round.value(QLatin1String(milestone)).sinceSpawnMs);
    return median(values);
}

// One line per budget for scripts/bench: name, value, budget, peer, verdict.
bool printResult(const char *name, const char *milestone, qint64 budgetMs,
                 const QList<QList<Round>> &rounds)
{
    const qint64 value = medianOf(milestone, rounds.first());
    const QString peer = rounds.size() > 1
        ? QStringLiteral("%1 ms").arg(medianOf(milestone, rounds.at(1)))
        : QStringLiteral("-");
    std::printf("RESULT\t%s\t%lld ms\t<= %lld ms\t%s\t%s\n", name, value, budgetMs,
                qPrintable(peer), value <= budgetMs ? "PASS" : "MISS");
    return value <= budgetMs;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption roundsOption(QStringLiteral("rounds"),
                                          QStringLiteral("Timed starts (10)."), QStringLiteral("N"),
                                          QStringLiteral("10"));
    const QCommandLineOption appOption(QStringLiteral("app"),
                                       QStringLiteral("The release-dashboard executable."),
                                       QStringLiteral("PATH"), QStringLiteral(RD_APP_EXE));
    const QCommandLineOption peerOption(
        QStringLiteral("peer"),
        QStringLiteral("Another release-dashboard, started in alternate rounds."),
        QStringLiteral("PATH"));
    parser.addOptions({roundsOption, appOption, peerOption});
    parser.addHelpOption();
    parser.process(application);
    QStringList apps {parser.value(appOption)};
    if (parser.isSet(peerOption))
        apps.append(parser.value(peerOption));

    const QList<QList<Round>> rounds = measure(apps, parser.value(roundsOption).toInt());
    if (rounds.isEmpty())
        return 2;
    for (int a = 0; a < apps.size(); ++a)
        printTable(apps.at(a), rounds.at(a));
    const bool window = printResult("start to first window (demo)", kWindow, 500, rounds);
    const bool data = printResult("start to first data (demo)", kFirstData, 1500, rounds);
    return window && data ? 0 : 1;
}
