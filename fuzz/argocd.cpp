// SPDX-License-Identifier: GPL-3.0-or-later
// What an Argo CD server sends: the first byte picks the reader. 0: a server-sent event
// stream, framed whole and in pieces (both must agree), each event decoded; 1: an application
// list; 2: one application; 3: revision metadata, userinfo and can-i answers.
#include "argodecoder.h"
#include "fuzzinput.h"
#include "sseframer.h"

namespace {

QList<QByteArray> frameInPieces(const QByteArray &stream, bool *failed)
{
    quint32 state = 2166136261u;
    for (const char c : stream)
        state = (state ^ quint8(c)) * 16777619u;
    SseFramer framer(4096); // small, so the size limit is reached too
    QList<QByteArray> events;
    for (qsizetype pos = 0; pos < stream.size() && !framer.hasError();) {
        state = state * 1103515245u + 12345u;
        const qsizetype piece = qMin<qsizetype>((state >> 16) % 65, stream.size() - pos);
        events += framer.feed(stream.constData() + pos, piece);
        pos += piece;
    }
    *failed = framer.hasError();
    return events;
}

} // namespace

RD_FUZZ_TARGET(data, size)
{
    if (size == 0)
        return 0;
    const QByteArray body = fuzzBytes(data + 1, size - 1);
    switch (data[0] % 4) {
    case 0: {
        SseFramer whole(4096);
        const QList<QByteArray> events = whole.feed(body.constData(), body.size());
        bool piecesFailed = false;
        const QList<QByteArray> pieces = frameInPieces(body, &piecesFailed);
        RD_FUZZ_CHECK(whole.hasError() == piecesFailed);
        if (!whole.hasError())
            RD_FUZZ_CHECK(events == pieces);
        for (const QByteArray &event : events) {
            const ArgoWatchEvent decoded = ArgoDecoder::event(event);
            RD_FUZZ_CHECK(!decoded.error.isEmpty() || !decoded.application.name.isEmpty());
        }
        break;
    }
    case 1: {
        const ArgoApplicationList list = ArgoDecoder::list(body);
        for (const ArgoApplication &app : list.items)
            RD_FUZZ_CHECK(!app.name.isEmpty());
        break;
    }
    case 2: {
        ArgoApplication app;
        QString error;
        if (ArgoDecoder::application(body, &app, &error))
            RD_FUZZ_CHECK(!app.name.isEmpty() && app.deployedRevision().size() >= 0);
        else
            RD_FUZZ_CHECK(!error.isEmpty());
        break;
    }
    default: {
        ArgoRevisionMetadata metadata;
        ArgoUserInfo user;
        bool allowed = false;
        QString error;
        ArgoDecoder::revisionMetadata(body, &metadata, &error);
        ArgoDecoder::userInfo(body, &user, &error);
        if (!ArgoDecoder::canI(body, &allowed, &error))
            RD_FUZZ_CHECK(!error.isEmpty());
        break;
    }
    }
    return 0;
}
