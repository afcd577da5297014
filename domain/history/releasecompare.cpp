// SPDX-License-Identifier: GPL-3.0-or-later
#include "releasecompare.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

QList<ReleaseTransition> ReleaseCompare::orderedTransitions(const QList<ReleaseTransition> &list)
{
    QList<ReleaseTransition> result;
    for (const ReleaseTransition &transition : list) {
        if (transition.time.isValid())
            result.append(transition);
    }
    std::stable_sort(
        result.begin(), result.end(),
        [](const ReleaseTransition &a, const ReleaseTransition &b) { return a.time < b.time; });
    return result;
}

QMap<qint32, qint64> ReleaseCompare::stepDurations(const ReleaseTimeline &timeline,
                                                   const QDateTime &until)
{
    QMap<qint32, qint64> result;
    const QList<ReleaseTransition> ordered = orderedTransitions(timeline.transitions);
    // The last step lasts until the release ended; an unfinished one until the caller's now.
    const QDateTime end = timeline.summary.endedAt.isValid() ? timeline.summary.endedAt : until;
    for (qsizetype i = 0; i < ordered.size(); ++i) {
        const ReleaseTransition &from = ordered.at(i);
        const QDateTime to = i + 1 < ordered.size() ? ordered.at(i + 1).time : end;
        if (from.step < 0 || !to.isValid())
            continue;
        const qint64 spent = std::max<qint64>(0, from.time.msecsTo(to));
        result[from.step] += spent;
    }
    return result;
}

QList<double> ReleaseCompare::measurementNumbers(const QString &value)
{
    // Argo Rollouts stores a Prometheus result as "[0.99]" (a vector) or "0.99" (a scalar);
    // anything else that parses as a list of numbers is taken too.
    QString text = value.trimmed();
    if (text.startsWith(QLatin1Char('[')) && text.endsWith(QLatin1Char(']')))
        text = text.mid(1, text.size() - 2);
    QList<double> numbers;
    if (text.trimmed().isEmpty())
        return numbers;
    static const QRegularExpression separator(QStringLiteral("[,\\s]+"));
    const QStringList parts = text.split(separator, Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        bool ok = false;
        const double number = part.toDouble(&ok);
        if (!ok || !std::isfinite(number))
            return {};
        numbers.append(number);
    }
    return numbers;
}

QDateTime ReleaseCompare::measurementTime(const ReleaseMeasurement &measurement)
{
    return measurement.finishedAt.isValid() ? measurement.finishedAt : measurement.startedAt;
}

QList<ReleaseCompare::MetricSummary>
ReleaseCompare::metricSummaries(const QList<ReleaseMeasurement> &measurements)
{
    // Recorded order broken by time: an invalid time sorts first, as the oldest.
    QList<ReleaseMeasurement> ordered = measurements;
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const ReleaseMeasurement &a, const ReleaseMeasurement &b) {
                         return measurementTime(a) < measurementTime(b);
                     });
    QMap<QString, MetricSummary> byMetric;
    QMap<QString, int> numberCount;
    for (const ReleaseMeasurement &m : std::as_const(ordered)) {
        MetricSummary &summary = byMetric[m.metric];
        summary.metric = m.metric;
        ++summary.measurements;
        summary.lastValue = m.value;
        if (m.phase == QLatin1String("Failed") || m.phase == QLatin1String("Error"))
            ++summary.failed;
        const QList<double> numbers = measurementNumbers(m.value);
        if (numbers.isEmpty())
            continue;
        double sum = 0;
        int &count = numberCount[m.metric];
        for (double number : numbers) {
            summary.minimum = count == 0 ? number : std::min(summary.minimum, number);
            summary.maximum = count == 0 ? number : std::max(summary.maximum, number);
            summary.mean += number; // a running sum until the end
            sum += number;
            ++count;
        }
        summary.last = sum / double(numbers.size());
        ++summary.numeric;
    }
    QList<MetricSummary> result;
    for (auto it = byMetric.begin(); it != byMetric.end(); ++it) {
        const int count = numberCount.value(it.key());
        if (count > 0)
            it->mean /= double(count);
        result.append(it.value());
    }
    return result;
}

QString ReleaseCompare::timeText(const QDateTime &time)
{
    if (!time.isValid())
        return QStringLiteral("—");
    return tr("%1 UTC").arg(time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
}

QString ReleaseCompare::durationText(qint64 msecs)
{
    if (msecs < 0)
        return QStringLiteral("—");
    if (msecs < 1000)
        return tr("%1 ms").arg(msecs);
    const qint64 seconds = msecs / 1000;
    const qint64 hours = seconds / 3600;
    const qint64 minutes = (seconds / 60) % 60;
    const qint64 secs = seconds % 60;
    const auto two
        = [](qint64 value) { return QStringLiteral("%1").arg(value, 2, 10, QLatin1Char('0')); };
    if (hours > 0)
        return tr("%1 h %2 min %3 s").arg(hours).arg(two(minutes), two(secs));
    if (minutes > 0)
        return tr("%1 min %2 s").arg(minutes).arg(two(secs));
    return tr("%1 s").arg(secs);
}

QString ReleaseCompare::differenceText(qint64 msecs)
{
    if (msecs == 0)
        return tr("±0 s");
    const QString magnitude = durationText(msecs < 0 ? -msecs : msecs);
    return (msecs < 0 ? QStringLiteral("−") : QStringLiteral("+")) + magnitude;
}

QString ReleaseCompare::numberText(double value)
{
    // Enough digits for a success rate (0.9987) or a latency (412.5), no exponent noise.
    if (std::fabs(value) >= 1e6 || (value != 0 && std::fabs(value) < 1e-4))
        return QString::number(value, 'g', 4);
    QString text = QString::number(value, 'f', 4);
    while (text.contains(QLatin1Char('.')) && text.endsWith(QLatin1Char('0')))
        text.chop(1);
    if (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text == QLatin1String("-0") ? QStringLiteral("0") : text;
}
