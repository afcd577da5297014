// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartcsv.h"

#include <QDateTime>
#include <QLocale>

#include <cmath>
#include <limits>

namespace ChartCsv {

namespace {

QByteArray field(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    if (!bytes.contains(',') && !bytes.contains('"') && !bytes.contains('\n')
        && !bytes.contains('\r'))
        return bytes;
    bytes.replace('"', "\"\"");
    return '"' + bytes + '"';
}

QByteArray number(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "+Inf" : "-Inf";
    return QString::number(value, 'g', QLocale::FloatingPointShortest).toLatin1();
}

QByteArray time(qint64 timeMs)
{
    const QDateTime utc = QDateTime::fromMSecsSinceEpoch(timeMs, Qt::UTC);
    const QString text
        = utc.toString(timeMs % 1000 == 0 ? QStringLiteral("yyyy-MM-ddTHH:mm:ss")
                                          : QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz"));
    return text.toLatin1() + 'Z';
}

} // namespace

QByteArray build(const QList<ChartSeries> &series)
{
    QByteArray out = "time";
    for (const ChartSeries &s : series)
        out += ',' + field(s.name);
    out += "\r\n";
    // A merge over the sorted series: one cursor per series.
    QList<qsizetype> cursors(series.size(), 0);
    for (;;) {
        qint64 next = std::numeric_limits<qint64>::max();
        for (qsizetype i = 0; i < series.size(); ++i) {
            if (cursors.at(i) < series.at(i).samples.size())
                next = std::min(next, series.at(i).samples.at(cursors.at(i)).timestampMs);
        }
        if (next == std::numeric_limits<qint64>::max())
            break;
        out += time(next);
        for (qsizetype i = 0; i < series.size(); ++i) {
            out += ',';
            const QList<PromSample> &samples = series.at(i).samples;
            if (cursors.at(i) < samples.size() && samples.at(cursors.at(i)).timestampMs == next) {
                out += number(samples.at(cursors.at(i)).value);
                ++cursors[i];
            }
        }
        out += "\r\n";
    }
    return out;
}

} // namespace ChartCsv
