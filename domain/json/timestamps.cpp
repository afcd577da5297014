// SPDX-License-Identifier: GPL-3.0-or-later
#include "timestamps.h"

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2 ? 1 : 0;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<qint64>(doe) - 719468;
}

bool isLeap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

template<typename Char> class Cursor
{
public:
    Cursor(const Char *data, size_t size) : m_data(data), m_size(size) { }

    bool digits(int count, int &value)
    {
        value = 0;
        for (int i = 0; i < count; ++i) {
            if (m_pos >= m_size || m_data[m_pos] < Char('0') || m_data[m_pos] > Char('9'))
                return false;
            value = value * 10 + int(m_data[m_pos++] - Char('0'));
        }
        return true;
    }
    bool expect(char c)
    {
        if (m_pos >= m_size || m_data[m_pos] != Char(c))
            return false;
        ++m_pos;
        return true;
    }
    bool expectEither(char a, char b)
    {
        if (m_pos >= m_size || (m_data[m_pos] != Char(a) && m_data[m_pos] != Char(b)))
            return false;
        ++m_pos;
        return true;
    }
    bool peekDigit() const
    {
        return m_pos < m_size && m_data[m_pos] >= Char('0') && m_data[m_pos] <= Char('9');
    }
    bool atEnd() const { return m_pos == m_size; }
    Char peek() const { return m_pos < m_size ? m_data[m_pos] : Char(0); }
    void skip() { ++m_pos; }

private:
    const Char *m_data;
    size_t m_size;
    size_t m_pos = 0;
};

template<typename Char> std::optional<qint64> parse(const Char *data, size_t size)
{
    Cursor<Char> c(data, size);
    int year, month, day, hour, minute, second;
    if (!c.digits(4, year) || !c.expect('-') || !c.digits(2, month) || !c.expect('-')
        || !c.digits(2, day) || !c.expectEither('T', 't') || !c.digits(2, hour) || !c.expect(':')
        || !c.digits(2, minute) || !c.expect(':') || !c.digits(2, second))
        return std::nullopt;
    static const int monthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    if (day > monthDays[month - 1] + (month == 2 && isLeap(year) ? 1 : 0))
        return std::nullopt;
    int millis = 0;
    if (c.peek() == Char('.')) {
        c.skip();
        if (!c.peekDigit())
            return std::nullopt;
        int scale = 100;
        while (c.peekDigit()) {
            int digit;
            c.digits(1, digit);
            millis += digit * scale; // digits past milliseconds are truncated
            scale /= 10;
        }
    }
    int offsetSeconds = 0;
    if (c.peek() == Char('Z') || c.peek() == Char('z')) {
        c.skip();
    } else if (c.peek() == Char('+') || c.peek() == Char('-')) {
        const bool negative = c.peek() == Char('-');
        c.skip();
        int offHours, offMinutes;
        if (!c.digits(2, offHours) || !c.expect(':') || !c.digits(2, offMinutes) || offHours > 23
            || offMinutes > 59)
            return std::nullopt;
        offsetSeconds = (offHours * 60 + offMinutes) * 60 * (negative ? -1 : 1);
    } else {
        return std::nullopt;
    }
    if (!c.atEnd())
        return std::nullopt;
    const qint64 days = daysFromCivil(year, unsigned(month), unsigned(day));
    const qint64 seconds = days * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
    return seconds * 1000 + millis;
}

// Two ASCII digits at p, or -1.
int twoDigits(const char *p)
{
    const unsigned tens = unsigned(p[0] - '0');
    const unsigned ones = unsigned(p[1] - '0');
    return tens <= 9 && ones <= 9 ? int(tens * 10 + ones) : -1;
}

// "2024-05-01T10:00:00Z", the form the API server writes for nearly every timestamp, in one
// pass without the general cursor: decoding a pod list reads seven per pod. nullopt when
// the text has any other form or is invalid; the general parser then decides.
std::optional<qint64> parseSecondsUtc(std::string_view s)
{
    if (s.size() != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':'
        || s[19] != 'Z')
        return std::nullopt;
    const char *p = s.data();
    const int century = twoDigits(p), yearOfCentury = twoDigits(p + 2);
    const int month = twoDigits(p + 5), day = twoDigits(p + 8);
    const int hour = twoDigits(p + 11), minute = twoDigits(p + 14), second = twoDigits(p + 17);
    if (century < 0 || yearOfCentury < 0 || month < 1 || month > 12 || day < 1 || hour < 0
        || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
        return std::nullopt;
    const int year = century * 100 + yearOfCentury;
    static const int monthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (day > monthDays[month - 1] + (month == 2 && isLeap(year) ? 1 : 0))
        return std::nullopt;
    const qint64 days = daysFromCivil(year, unsigned(month), unsigned(day));
    return (days * 86400 + hour * 3600 + minute * 60 + second) * 1000;
}

} // namespace

std::optional<qint64> parseRfc3339MSecs(std::string_view text)
{
    if (const std::optional<qint64> msecs = parseSecondsUtc(text))
        return msecs;
    return parse(text.data(), text.size());
}

std::optional<qint64> parseRfc3339MSecs(QStringView text)
{
    return parse(text.utf16(), size_t(text.size()));
}

QDateTime parseRfc3339(QStringView text)
{
    const std::optional<qint64> msecs = parseRfc3339MSecs(text);
    if (!msecs)
        return QDateTime();
    return QDateTime::fromMSecsSinceEpoch(*msecs, Qt::UTC);
}

QString formatRfc3339(const QDateTime &time)
{
    if (!time.isValid())
        return QString();
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"));
}
