// SPDX-License-Identifier: GPL-3.0-or-later
// RFC 3339 timestamps: the UTF-8 and the UTF-16 parser must agree on ASCII text, and a
// parsed time written back (seconds precision) must read as the same second.
#include "timestamps.h"
#include "fuzzinput.h"

RD_FUZZ_TARGET(data, size)
{
    const QByteArray bytes = fuzzBytes(data, size);
    const std::optional<qint64> utf8 = parseRfc3339MSecs(std::string_view(bytes.constData(), size));
    const QString text = QString::fromUtf8(bytes);
    const std::optional<qint64> utf16 = parseRfc3339MSecs(QStringView(text));
    bool ascii = true;
    for (const char c : bytes)
        ascii = ascii && quint8(c) < 0x80;
    if (ascii)
        RD_FUZZ_CHECK(utf8 == utf16);
    const QDateTime time = parseRfc3339(text);
    RD_FUZZ_CHECK(time.isValid() == utf16.has_value());
    if (time.isValid() && time.date().year() >= 1 && time.date().year() <= 9999) {
        const qint64 second
            = time.toMSecsSinceEpoch() - (time.toMSecsSinceEpoch() % 1000 + 1000) % 1000;
        RD_FUZZ_CHECK(parseRfc3339MSecs(QStringView(formatRfc3339(time))) == second);
    }
    return 0;
}
