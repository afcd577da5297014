// SPDX-License-Identifier: GPL-3.0-or-later
// start_bench: how fast `release-dashboard --demo` shows its window and its first data
// (DESIGN.md: first window ≤ 0.5 s, first data ≤ 1.5 s). Runs the real executable offscreen
// with the release-dashboard.startup logging category on (app/startuptrace.h) and times each
// milestone line from the moment the process is started; one warm-up run, then N rounds.
//   start_bench [--rounds N] [--app PATH]
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
    parser.addOptions({roundsOption, appOption});
    parser.addHelpOption();
    parser.process(application);
    const QString app = parser.value(appOption);

    runOnce(app); // warm-up: the page cache, not the first start after a build, is measured
    QList<Round> rounds;
    for (int i = 0; i < parser.value(roundsOption).toInt(); ++i) {
        const Round round = runOnce(app);
        if (!round.contains(QLatin1String(kAllData))) {
            std::fprintf(stderr, "start_bench: round %d never had every environment live\n", i);
            return 2;
        }
        std::printf("round %d: window %lld ms, first data %lld ms, all data %lld ms\n", i + 1,
                    round.value(QLatin1String(kWindow)).sinceSpawnMs,
                    round.value(QLatin1String(kFirstData)).sinceSpawnMs,
                    round.value(QLatin1String(kAllData)).sinceSpawnMs);
        rounds.append(round);
    }
    std::printf("\n| milestone | median from spawn | range | median from main() | budget |\n"
                "|---|---:|---:|---:|---|\n");
    printRow(kWindow, rounds, 500);
    printRow(kFirstData, rounds, 1500);
    printRow(kAllData, rounds, 0);
    printRow("demo fleet serving", rounds, 0);
    QList<qint64> window, firstData;
    for (const Round &round : std::as_const(rounds)) {
        window.append(round.value(QLatin1String(kWindow)).sinceSpawnMs);
        firstData.append(round.value(QLatin1String(kFirstData)).sinceSpawnMs);
    }
    std::printf("RESULT\tstart to first window (demo)\t%lld ms\t<= 500 ms\t-\t%s\n", median(window),
                median(window) <= 500 ? "PASS" : "MISS");
    std::printf("RESULT\tstart to first data (demo)\t%lld ms\t<= 1500 ms\t-\t%s\n",
                median(firstData), median(firstData) <= 1500 ? "PASS" : "MISS");
    return median(window) <= 500 && median(firstData) <= 1500 ? 0 : 1;
}
