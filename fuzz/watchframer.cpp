// SPDX-License-Identifier: GPL-3.0-or-later
// Differential: a watch stream fed whole and fed in pieces (as HTTP chunks arrive) must give
// the same values and the same verdict. The pieces' sizes come from the input itself, so a
// crash artefact replays the same split.
#include "watchframer.h"
#include "fuzzinput.h"

namespace {

struct Framed
{
    QList<QByteArray> values;
    bool fed = true;
    bool finished = false;
    QString error;

    bool operator==(const Framed &o) const
    {
        return values == o.values && fed == o.fed && finished == o.finished && error == o.error;
    }
};

Framed frameWhole(const QByteArray &stream)
{
    WatchFramer framer;
    Framed out;
    out.fed = framer.feed(stream, &out.values);
    out.finished = framer.finish(&out.values);
    out.error = framer.errorString();
    return out;
}

Framed frameInPieces(const QByteArray &stream)
{
    // FNV-1a of the input seeds a small generator of piece sizes (1 to 64 bytes, and now and
    // then an empty piece, which a chunked body may deliver too).
    quint32 state = 2166136261u;
    for (const char c : stream)
        state = (state ^ quint8(c)) * 16777619u;
    WatchFramer framer;
    Framed out;
    for (qsizetype pos = 0; pos < stream.size() && out.fed;) {
        state = state * 1103515245u + 12345u;
        const qsizetype piece = qMin<qsizetype>((state >> 16) % 65, stream.size() - pos);
        out.fed = framer.feed(stream.constData() + pos, piece, &out.values);
        pos += piece;
    }
    out.finished = framer.finish(&out.values);
    out.error = framer.errorString();
    return out;
}

} // namespace

RD_FUZZ_TARGET(data, size)
{
    const QByteArray stream = fuzzBytes(data, size);
    const Framed whole = frameWhole(stream);
    RD_FUZZ_CHECK(whole == frameInPieces(stream));
    // Each value handed out is one whole top-level value: never empty, never starting with
    // white space.
    for (const QByteArray &value : whole.values)
        RD_FUZZ_CHECK(!value.isEmpty() && value.front() != ' ' && value.front() != '\n');
    return 0;
}
