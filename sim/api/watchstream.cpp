// SPDX-License-Identifier: GPL-3.0-or-later
#include "watchstream.h"

#include "api/httpreply.h"
#include "api/requestoptions.h"
#include "api/resourcehandler.h"
#include "core/objectstore.h"
#include "core/virtualclock.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <memory>

namespace rdsim {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// Longest single wait, so stop() and a gone client are noticed quickly.
constexpr int kPollMs = 200;

QString keyOf(const QJsonObject &object)
{
    const QJsonObject metadata = object.value(QStringLiteral("metadata")).toObject();
    return metadata.value(QStringLiteral("namespace")).toString() + u'/'
        + metadata.value(QStringLiteral("name")).toString();
}

struct WatchState
{
    ApiServer::Context context;
    const ResourceType *type = nullptr;
    QString ns;
    LabelSelector labels;
    FieldSelector fields;
    OutputFormat format;
    bool bookmarks = false;
    Clock::time_point deadline;
    Clock::time_point nextBookmark;
    qint64 rv = 0;
    QList<QByteArray> pending;
    bool finished = false;
    bool columnsSent = false;
    QSet<QString> matched; // keys the client has been told about (only with selectors)
    std::optional<FaultRule::Kind> fault;
    int eventsWritten = 0;
    bool malformed = false;
    int socket = -1;
    const std::atomic<bool> *stopping = nullptr;
    int bookmarkIntervalMs = 2000;

    bool filtering() const { return !labels.isEmpty() || !fields.isEmpty(); }
    bool selects(const QJsonObject &object) const
    {
        return labels.matchesObject(object) && fields.matches(object);
    }

    static QByteArray line(const QString &eventType, const QJsonObject &object)
    {
        return HttpReply::toJson(QJsonObject {{QStringLiteral("type"), eventType},
                                              {QStringLiteral("object"), object}})
            + '\n';
    }

    QJsonObject present(const QJsonObject &object, qint64 resourceVersion)
    {
        switch (format.shape) {
        case OutputFormat::Shape::Table: {
            const QJsonObject metadata {
                {QStringLiteral("resourceVersion"), QString::number(resourceVersion)}};
            const qint64 now = context.clock ? context.clock->nowMs() : 0;
            // Column definitions travel with the first event only, as kubectl expects.
            const QJsonObject table = TableView::table(*type, {object}, now, format.include,
                                                       !columnsSent, metadata, format.apiVersion);
            columnsSent = true;
            return table;
        }
        case OutputFormat::Shape::PartialMetadata: {
            QJsonObject partial = TableView::partialObjectMetadata(object);
            partial.insert(QStringLiteral("apiVersion"), format.apiVersion);
            return partial;
        }
        case OutputFormat::Shape::Object:
            break;
        }
        return object;
    }

    void queue(const QString &eventType, const QJsonObject &object, qint64 resourceVersion)
    {
        pending.append(line(eventType, present(object, resourceVersion)));
    }

    // Objects entering or leaving the selector become ADDED / DELETED, as the watch cache does.
    void queueStoreEvent(const WatchEvent &event)
    {
        if (!filtering()) {
            queue(event.type, event.object, event.resourceVersion);
            return;
        }
        const QString key = keyOf(event.object);
        const bool known = matched.contains(key);
        const bool selected = selects(event.object);
        if (event.type == QStringLiteral("DELETED")) {
            if (known || selected)
                queue(event.type, event.object, event.resourceVersion);
            matched.remove(key);
        } else if (selected) {
            queue(known ? QStringLiteral("MODIFIED") : QStringLiteral("ADDED"), event.object,
                  event.resourceVersion);
            matched.insert(key);
        } else if (known) {
            queue(QStringLiteral("DELETED"), event.object, event.resourceVersion);
            matched.remove(key);
        }
    }

    QByteArray bookmark(bool initialEventsEnd = false) const
    {
        QJsonObject metadata {{QStringLiteral("resourceVersion"), QString::number(rv)}};
        if (initialEventsEnd)
            metadata.insert(QStringLiteral("annotations"),
                            QJsonObject {{QStringLiteral("k8s.io/initial-events-end"),
                                          QStringLiteral("true")}});
        QJsonObject object;
        if (format.shape == OutputFormat::Shape::Table) {
            object = QJsonObject {{QStringLiteral("kind"), QStringLiteral("Table")},
                                  {QStringLiteral("apiVersion"), format.apiVersion},
                                  {QStringLiteral("metadata"), metadata},
                                  {QStringLiteral("columnDefinitions"), QJsonArray()},
                                  {QStringLiteral("rows"), QJsonArray()}};
        } else if (format.shape == OutputFormat::Shape::PartialMetadata) {
            object = QJsonObject {{QStringLiteral("kind"), QStringLiteral("PartialObjectMetadata")},
                                  {QStringLiteral("apiVersion"), format.apiVersion},
                                  {QStringLiteral("metadata"), metadata}};
        } else {
            object = QJsonObject {{QStringLiteral("kind"), type->kind},
                                  {QStringLiteral("apiVersion"), type->groupVersion()},
                                  {QStringLiteral("metadata"), metadata}};
        }
        return line(QStringLiteral("BOOKMARK"), object);
    }

    void queueTooOld(qint64 requested)
    {
        const ApiError error = ApiError::expired(QStringLiteral("too old resource version: %1 (%2)")
                                                     .arg(requested)
                                                     .arg(context.store->compactedRv()));
        pending.append(line(QStringLiteral("ERROR"), error.toStatus()));
        finished = true;
    }

    // Writes one event; an injected fault breaks the stream at its first event.
    bool write(httplib::DataSink &sink, const QByteArray &bytes)
    {
        if (fault && eventsWritten++ == 0) {
            switch (*fault) {
            case FaultRule::Kind::Drop:
                sink.write(bytes.constData(), static_cast<size_t>(bytes.size()));
                return false;
            case FaultRule::Kind::Truncate:
                sink.write(bytes.constData(), static_cast<size_t>(bytes.size() / 2));
                return false;
            case FaultRule::Kind::Malformed: {
                static const char garbage[]
                    = "{\"type\":\"ADDED\",\"object\":{\"kind\": [\x01\xff\n";
                finished = true;
                malformed = true;
                return sink.write(garbage, sizeof(garbage) - 1);
            }
            default:
                break;
            }
        }
        return sink.write(bytes.constData(), static_cast<size_t>(bytes.size()));
    }

    bool flushPending(httplib::DataSink &sink)
    {
        const QList<QByteArray> lines = std::exchange(pending, {});
        for (const QByteArray &bytes : lines) {
            if (!write(sink, bytes))
                return false;
            if (malformed)
                break; // nothing may follow the broken event
        }
        nextBookmark = Clock::now() + milliseconds(bookmarkIntervalMs);
        return true;
    }

    // One turn of the content provider: send what is pending or wait briefly for changes.
    bool step(httplib::DataSink &sink)
    {
        if (HttpReply::peerClosed(socket))
            return false;
        if (stopping->load() || context.store->isShutDown()) {
            sink.done();
            return true;
        }
        if (!pending.isEmpty())
            return flushPending(sink);
        if (finished) {
            sink.done();
            return true;
        }
        const Clock::time_point now = Clock::now();
        if (now >= deadline) {
            if (bookmarks) {
                const QByteArray last = bookmark();
                if (!write(sink, last))
                    return false;
            }
            sink.done();
            return true;
        }
        Clock::time_point until = std::min(deadline, now + milliseconds(kPollMs));
        if (bookmarks)
            until = std::min(until, nextBookmark);
        const int waitMs = static_cast<int>(
            std::max<qint64>(0, std::chrono::duration_cast<milliseconds>(until - now).count()));
        // Every event up to `current` is in the batch: the store scans its history after this
        // read, so a bookmark at `current` never skips an event.
        const qint64 current = context.store->resourceVersion();
        const ObjectStore::WatchBatch batch = context.store->waitForEvents(*type, ns, rv, waitMs);
        if (batch.tooOld) {
            queueTooOld(rv);
            return true;
        }
        for (const WatchEvent &event : batch.events) {
            queueStoreEvent(event);
            rv = std::max(rv, event.resourceVersion);
        }
        rv = std::max(rv, current);
        if (!pending.isEmpty())
            return flushPending(sink);
        if (bookmarks && Clock::now() >= nextBookmark) {
            nextBookmark = Clock::now() + milliseconds(bookmarkIntervalMs);
            return write(sink, bookmark());
        }
        return true;
    }
};

} // namespace

void WatchStream::start(ApiCall &call, const OutputFormat &format, const ListOptions &options,
                        const ApiServer::Context &context, const ServerSettings *settings)
{
    auto state = std::make_shared<WatchState>();
    state->context = context;
    state->type = call.target.type;
    state->ns = call.target.ns;
    state->labels = options.labels;
    state->fields = options.fields;
    state->format = format;
    state->bookmarks = options.allowBookmarks;
    state->stopping = &settings->stopping;
    state->bookmarkIntervalMs = std::max(1, settings->bookmarkIntervalMs.load());
    state->socket = HttpReply::socketOf(call.request);
    const int timeout
        = options.timeoutSeconds >= 0 ? options.timeoutSeconds : kDefaultTimeoutSeconds;
    state->deadline = Clock::now() + std::chrono::seconds(timeout);
    state->nextBookmark = Clock::now() + milliseconds(state->bookmarkIntervalMs);
    if (call.fault && call.fault->kind != FaultRule::Kind::Delay
        && call.fault->kind != FaultRule::Kind::Status)
        state->fault = call.fault->kind;

    const bool initialEvents = ListOptions::isTrue(
        QString::fromStdString(call.request.get_param_value("sendInitialEvents")));
    const bool fromRv
        = !options.resourceVersion.isEmpty() && options.resourceVersion != QStringLiteral("0");
    qint64 requested = 0;
    if (fromRv) {
        bool ok = false;
        requested = options.resourceVersion.toLongLong(&ok);
        if (!ok) {
            return HttpReply::error(
                call.response,
                ApiError::badRequest(
                    QStringLiteral("invalid resource version: %1").arg(options.resourceVersion)));
        }
    }

    if (state->fault == FaultRule::Kind::Expire) {
        state->fault.reset();
        state->queueTooOld(fromRv ? requested : context.store->resourceVersion());
    } else if (fromRv && !initialEvents && requested < context.store->compactedRv()) {
        state->queueTooOld(requested);
    } else {
        qint64 listRv = 0;
        const QList<QJsonObject> objects = context.store->list(*state->type, state->ns, &listRv);
        for (const QJsonObject &object : objects) {
            if (!state->selects(object))
                continue;
            if (state->filtering())
                state->matched.insert(keyOf(object));
            if (!fromRv || initialEvents)
                state->queue(QStringLiteral("ADDED"), object, listRv);
        }
        state->rv = fromRv && !initialEvents ? requested : listRv;
        if (initialEvents && state->bookmarks)
            state->pending.append(state->bookmark(true));
    }

    // httplib gzips a chunked response when the client accepts it, and its deflate stream holds
    // small writes back until it has a block: events would arrive late. Watches go uncompressed.
    const_cast<httplib::Request &>(call.request).headers.erase("Accept-Encoding");
    call.response.status = 200;
    call.response.set_chunked_content_provider(
        "application/json", [state](size_t, httplib::DataSink &sink) { return state->step(sink); });
}

} // namespace rdsim
