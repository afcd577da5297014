// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsondecoder.h"

#include "decoders_p.h"
#include "jsonsyntax.h"

#include <QCoreApplication>

#include <exception>
#include <new>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace JsonRead;

namespace {

constexpr qsizetype jsonReleaseThreshold = 64 * 1024 * 1024;

// lupdate files the calls made inside JsonDecoder::Private's members under that context, the
// shared parse steps (namespace JsonRead, also used by SafetyNetDecoder) under JsonRead and the
// others under JsonDecoder, so the lookup tries all three.
QString tr(const char *text)
{
    for (const char *context : {"JsonDecoder", "JsonRead", "JsonDecoder::Private"}) {
        const QString translated = QCoreApplication::translate(context, text);
        if (translated != QLatin1String(text))
            return translated;
    }
    return QString::fromUtf8(text);
}

// Runs body; an exception (only std::bad_alloc is possible in practice) becomes the report's
// error instead of leaving the decoder.
template<typename F> void guarded(DecodeReport &report, F &&body)
{
    try {
        body();
    } catch (const std::bad_alloc &) {
        report.error = tr("out of memory while decoding the response");
    } catch (const std::exception &e) {
        report.error = tr("internal error while decoding the response: %1")
                           .arg(QString::fromLocal8Bit(e.what()));
    } catch (...) {
        report.error = tr("internal error while decoding the response");
    }
}

// glibc raises its mmap threshold to the size of the largest mapped block freed (up to
// 32 MB), and then keeps up to twice that free at the top of every thread's arena. The
// parser's buffers for a list page are this program's largest blocks (about 14 bytes per
// byte of JSON: some 25 MB for a page of 500 pods), so once the first was given back, every
// later one, and every large batch, came from the arenas, and stayed resident when freed
// (fleet_bench, 5 clusters: 325 MB resident for 198 MB of live objects). The default
// threshold, fixed, keeps large blocks mapped and returns them to the system when freed.
void fixMmapThreshold()
{
#if defined(__GLIBC__)
    static const bool fixed = mallopt(M_MMAP_THRESHOLD, 128 * 1024) == 1;
    Q_UNUSED(fixed);
#endif
}

} // namespace

struct JsonDecoder::Private
{
    simdjson::dom::parser parser;
    SharedValues shared;

    bool parseObject(const QByteArray &json, Element &element, Object &root, DecodeReport &report)
    {
        return JsonRead::parseObject(parser, json, element, root, report);
    }
    void release(qsizetype size)
    {
        if (size > jsonReleaseThreshold)
            parser = simdjson::dom::parser();
    }
};

bool JsonRead::parseObject(simdjson::dom::parser &parser, const QByteArray &json, Element &element,
                           Object &root, DecodeReport &report)
{
    // simdjson reads up to SIMDJSON_PADDING bytes past the end; when the array already has
    // that much spare capacity it can parse in place instead of copying.
    const bool padded = json.capacity() - json.size() >= qsizetype(simdjson::SIMDJSON_PADDING);
    const simdjson::error_code error
        = parser
              .parse(reinterpret_cast<const uint8_t *>(json.constData()), size_t(json.size()),
                     !padded)
              .get(element);
    if (error == simdjson::MEMALLOC || error == simdjson::CAPACITY) {
        report.error = tr("the response is too large to decode (%1 bytes)").arg(json.size());
        return false;
    }
    if (error != simdjson::SUCCESS) {
        if (const std::optional<JsonSyntaxError> syntax
            = findJsonSyntaxError(json.constData(), json.size())) {
            report.error
                = tr("malformed JSON at byte %1: %2").arg(syntax->offset).arg(syntax->message);
        } else {
            report.error
                = tr("malformed JSON: %1").arg(QString::fromLatin1(simdjson::error_message(error)));
        }
        return false;
    }
    if (element.get_object().get(root) != simdjson::SUCCESS) {
        report.error = tr("expected a JSON object at the top level");
        return false;
    }
    return true;
}

// A Status where an object or list was expected: the server's error, worded as such.
bool JsonRead::reportIfStatus(Context &ctx, Element rootElement, Object root, DecodeReport &report)
{
    Element kind;
    std::string_view kindName;
    if (root["kind"].get(kind) != simdjson::SUCCESS || kind.get(kindName) != simdjson::SUCCESS
        || kindName != "Status")
        return false;
    KubeStatus status;
    decode(ctx, rootElement, Path(), status);
    const QString detail = status.message.isEmpty() ? status.reason : status.message;
    report.error = tr("the server returned an error instead of data: %1").arg(detail);
    report.issues.clear();
    return true;
}

void JsonRead::runGuarded(DecodeReport &report, const std::function<void()> &body)
{
    guarded(report, body);
}

JsonDecoder::JsonDecoder() : d(std::make_unique<Private>())
{
    fixMmapThreshold();
}

JsonDecoder::~JsonDecoder() = default;

void JsonDecoder::releaseMemory()
{
    d->parser = simdjson::dom::parser();
}

template<typename T> ObjectList<T> JsonDecoder::decodeList(const QByteArray &json)
{
    ObjectList<T> list;
    guarded(list.report, [&] {
        Element element;
        Object root;
        if (!d->parseObject(json, element, root, list.report))
            return;
        Context ctx(d->shared, list.report);
        if (reportIfStatus(ctx, element, root, list.report))
            return;
        const Path top;
        for (const simdjson::dom::key_value_pair &member : root) {
            const Path p = top.child(member.key);
            if (is(member.key, "items")) {
                readList(
                    ctx, member.value, p, list.items,
                    [](Context &c, Element v, const Path &ip, T &item) { decode(c, v, ip, item); });
            } else if (is(member.key, "metadata")) {
                forEachMember(ctx, member.value, p,
                              [&](std::string_view key, Element v, const Path &mp) {
                                  if (is(key, "resourceVersion"))
                                      readString(ctx, v, mp, list.resourceVersion);
                                  else if (is(key, "continue"))
                                      readString(ctx, v, mp, list.continueToken);
                                  else if (is(key, "remainingItemCount"))
                                      readInt64(ctx, v, mp, list.remainingItemCount);
                              });
            }
        }
    });
    if (!list.report.isOk())
        list.items.clear();
    d->release(json.size());
    return list;
}

template<typename T> Decoded<T> JsonDecoder::decodeObject(const QByteArray &json)
{
    Decoded<T> result;
    guarded(result.report, [&] {
        Element element;
        Object root;
        if (!d->parseObject(json, element, root, result.report))
            return;
        Context ctx(d->shared, result.report);
        if (reportIfStatus(ctx, element, root, result.report))
            return;
        decode(ctx, element, Path(), result.value);
    });
    d->release(json.size());
    return result;
}

template<typename T> Decoded<WatchEvent<T>> JsonDecoder::decodeWatchEvent(const QByteArray &json)
{
    Decoded<WatchEvent<T>> result;
    guarded(result.report, [&] {
        Element element;
        Object root;
        if (!d->parseObject(json, element, root, result.report))
            return;
        Context ctx(d->shared, result.report);
        Element typeElement;
        std::string_view type;
        if (root["type"].get(typeElement) != simdjson::SUCCESS
            || typeElement.get(type) != simdjson::SUCCESS) {
            result.report.error = tr("watch event without a type");
            return;
        }
        WatchEventType eventType;
        if (type == "ADDED") {
            eventType = WatchEventType::Added;
        } else if (type == "MODIFIED") {
            eventType = WatchEventType::Modified;
        } else if (type == "DELETED") {
            eventType = WatchEventType::Deleted;
        } else if (type == "BOOKMARK") {
            eventType = WatchEventType::Bookmark;
        } else if (type == "ERROR") {
            eventType = WatchEventType::Error;
        } else {
            result.report.error = tr("unknown watch event type \"%1\"").arg(Context::text(type));
            return;
        }
        Element object;
        if (root["object"].get(object) != simdjson::SUCCESS || object.is_null()) {
            result.report.error = tr("watch event without an object");
            return;
        }
        result.value.type = eventType;
        const Path top;
        if (eventType == WatchEventType::Error)
            decode(ctx, object, top.child("object"), result.value.status);
        else
            decode(ctx, object, top.child("object"), result.value.object);
    });
    d->release(json.size());
    return result;
}

Decoded<KubeStatus> JsonDecoder::decodeStatus(const QByteArray &json)
{
    Decoded<KubeStatus> result;
    guarded(result.report, [&] {
        Element element;
        Object root;
        if (!d->parseObject(json, element, root, result.report))
            return;
        Context ctx(d->shared, result.report);
        decode(ctx, element, Path(), result.value);
    });
    d->release(json.size());
    return result;
}

Decoded<KubeStatus> decodeStatus(const QByteArray &json)
{
    return JsonDecoder().decodeStatus(json);
}

#define RD_DEFINE_DECODER(T)                                                                       \
    template ObjectList<T> JsonDecoder::decodeList<T>(const QByteArray &);                         \
    template Decoded<T> JsonDecoder::decodeObject<T>(const QByteArray &);                          \
    template Decoded<WatchEvent<T>> JsonDecoder::decodeWatchEvent<T>(const QByteArray &);
RD_DEFINE_DECODER(Rollout)
RD_DEFINE_DECODER(ReplicaSet)
RD_DEFINE_DECODER(Pod)
RD_DEFINE_DECODER(Deployment)
RD_DEFINE_DECODER(AnalysisRun)
RD_DEFINE_DECODER(Event)
RD_DEFINE_DECODER(FlaggerCanary)
RD_DEFINE_DECODER(FlaggerMetricTemplate)
RD_DEFINE_DECODER(Experiment)
RD_DEFINE_DECODER(Job)
#undef RD_DEFINE_DECODER
