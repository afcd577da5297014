// SPDX-License-Identifier: GPL-3.0-or-later
#include "promresult.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

namespace {

bool equalsIgnoringCase(std::string_view text, std::string_view lowerCase)
{
    if (text.size() != lowerCase.size())
        return false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
        if (c != lowerCase[i])
            return false;
    }
    return true;
}

} // namespace

bool PromSample::operator==(const PromSample &o) const
{
    return timestampMs == o.timestampMs && std::memcmp(&value, &o.value, sizeof(value)) == 0;
}

void sortSeriesByLabels(QList<PromSeries> &series)
{
    std::stable_sort(series.begin(), series.end(), [](const PromSeries &a, const PromSeries &b) {
        return std::lexicographical_compare(a.labels.begin(), a.labels.end(), b.labels.begin(),
                                            b.labels.end());
    });
}

std::optional<double> parsePromValue(std::string_view text)
{
    if (text.empty())
        return std::nullopt;
    // Go's strconv special values: "NaN" (any case, no sign) and "Inf"/"Infinity" (any case,
    // optional sign). Prometheus writes exactly "NaN", "+Inf" and "-Inf".
    if (equalsIgnoringCase(text, "nan"))
        return std::numeric_limits<double>::quiet_NaN();
    bool negative = false;
    std::string_view rest = text;
    if (rest.front() == '+' || rest.front() == '-') {
        negative = rest.front() == '-';
        rest.remove_prefix(1);
    }
    if (equalsIgnoringCase(rest, "inf") || equalsIgnoringCase(rest, "infinity"))
        return negative ? -std::numeric_limits<double>::infinity()
                        : std::numeric_limits<double>::infinity();
    // from_chars takes no '+' and would accept "nan(...)" or "inf": only digits from here.
    if (rest.empty() || !((rest.front() >= '0' && rest.front() <= '9') || rest.front() == '.'))
        return std::nullopt;
    double value = 0;
    const char *end = rest.data() + rest.size();
    const auto [ptr, ec] = std::from_chars(rest.data(), end, value, std::chars_format::general);
    if (ec != std::errc() || ptr != end)
        return std::nullopt;
    return negative ? -value : value;
}

std::optional<double> parsePromValue(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return parsePromValue(std::string_view(utf8.constData(), size_t(utf8.size())));
}

QString formatPromSeconds(qint64 ms)
{
    const bool negative = ms < 0;
    const quint64 magnitude = negative ? quint64(0) - quint64(ms) : quint64(ms);
    QString text = QString::number(magnitude / 1000);
    const quint64 fraction = magnitude % 1000;
    if (fraction != 0) {
        QString digits = QStringLiteral("%1").arg(fraction, 3, 10, QLatin1Char('0'));
        while (digits.endsWith(QLatin1Char('0')))
            digits.chop(1);
        text += QLatin1Char('.') + digits;
    }
    return negative ? QString(QLatin1Char('-') + text) : text;
}

QString formatPromTime(qint64 epochMs)
{
    return formatPromSeconds(epochMs);
}
