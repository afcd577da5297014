// SPDX-License-Identifier: GPL-3.0-or-later
// ArgoCdServer: GET /api/v1/stream/applications, as Argo CD's Watch and argoproj/pkg's
// stream forwarder send it.
#include "api/httpreply.h"
#include "api/selectors.h"
#include "argocd/argocdfields.h"
#include "argocd/argocdlive.h"
#include "argocd/argocdserver_p.h"

#include <chrono>

namespace rdsim {

namespace {

using Clock = std::chrono::steady_clock;
constexpr int kPollMs = 200;
// argoproj/pkg's SSE keepalive: a comment line every 15 s.
constexpr auto kKeepalive = std::chrono::seconds(15);

struct StreamState
{
    ArgoCdApps *apps = nullptr;
    AppFilter filter;
    FieldSelection fields;
    bool sse = false;
    qint64 minVersion = 0;
    qint64 sequence = 0;
    int socket = -1;
    int generation = 0;
    const std::atomic<int> *dropGeneration = nullptr;
    const std::atomic<bool> *stopping = nullptr;
    std::atomic<int> *open = nullptr;
    QHash<QString, QByteArray> sentByName; // the last message per application
    QList<QByteArray> pending;
    Clock::time_point nextKeepalive;

    ~StreamState() { --*open; }

    bool permitted(const QJsonObject &app) const
    {
        const qint64 version = ArgoCdLive::field(app, "metadata", "resourceVersion").toLongLong();
        return version >= minVersion && ArgoCdServer::selected(filter, app);
    }

    // A message per application only when it differs from the last one sent for it.
    void queue(const QString &type, const QJsonObject &app)
    {
        if (!permitted(app))
            return;
        const QJsonObject message {
            {QStringLiteral("result"),
             QJsonObject {{QStringLiteral("type"), type}, {QStringLiteral("application"), app}}}};
        QByteArray data
            = QJsonDocument(ArgoCdFields::filter(message, fields)).toJson(QJsonDocument::Compact);
        const QString name = ArgoCdLive::field(app, "metadata", "name");
        if (sentByName.value(name) == data)
            return;
        sentByName.insert(name, data);
        // The marshaler frames "data: %s \n\n"; grpc-gateway then adds its "\n" delimiter.
        pending << (sse ? QByteArray("data: " + data + " \n\n\n") : QByteArray(data + '\n'));
    }

    bool step(httplib::DataSink &sink)
    {
        if (HttpReply::peerClosed(socket) || dropGeneration->load() != generation)
            return false; // a dropped stream ends without its last chunk
        if (stopping->load() || apps->isShutDown()) {
            sink.done();
            return true;
        }
        if (pending.isEmpty()) {
            for (const AppEvent &event : apps->waitForEvents(sequence, kPollMs, &sequence))
                queue(event.type, event.application);
        }
        for (const QByteArray &bytes : std::exchange(pending, {})) {
            if (!sink.write(bytes.constData(), size_t(bytes.size())))
                return false;
            nextKeepalive = Clock::now() + kKeepalive;
        }
        if (sse && Clock::now() >= nextKeepalive) {
            nextKeepalive = Clock::now() + kKeepalive;
            return sink.write(":\n", 2);
        }
        return true;
    }
};

} // namespace

void ArgoCdServer::stream(Request &call)
{
    const bool sse = call.http.get_header_value("Accept") == "text/event-stream";
    const char *contentType = sse ? "text/event-stream" : "application/json";
    QString selectorError;
    GrpcError error = call.caller.account ? GrpcError() : call.caller.error;
    if (!error.isError() && !LabelSelector::parse(call.param("selector"), &selectorError))
        error = GrpcError::make(GrpcError::Unknown,
                                QStringLiteral("error parsing labels with selectors: ")
                                    + selectorError);
    if (error.isError()) {
        // The error arrives as the stream's first message: one error chunk, no delimiter.
        const QByteArray body = error.streamBody();
        call.response.status = error.httpStatus();
        const QByteArray framed = sse ? QByteArray("data: " + body + " \n\n") : body;
        call.response.set_content(framed.toStdString(), contentType);
        return;
    }
    auto state = std::make_shared<StreamState>();
    state->apps = &d->apps;
    state->filter = call.filter();
    state->fields = FieldSelection::parse(call.param("fields"));
    state->sse = sse;
    state->socket = HttpReply::socketOf(call.http);
    state->dropGeneration = &d->dropGeneration;
    state->generation = d->dropGeneration.load();
    state->stopping = &d->stopping;
    state->open = &d->openStreams;
    ++d->openStreams;
    state->nextKeepalive = Clock::now() + kKeepalive;
    const QString resourceVersion = call.param("resourceVersion");
    state->minVersion = resourceVersion.toLongLong();
    state->sequence = d->apps.lastSequence();
    // As Watch does: the current applications as ADDED first, unless the client resumes
    // from a resourceVersion (a watch of one named application always gets them).
    if (resourceVersion.isEmpty() || state->filter.byName) {
        for (const QJsonObject &listed : d->apps.list()) {
            const QString name = ArgoCdLive::field(listed, "metadata", "name");
            state->queue(QStringLiteral("ADDED"), d->apps.get(name).value_or(listed));
        }
    }
    // httplib would gzip the chunks and hold small events back; Argo CD skips compression
    // for event streams too.
    const_cast<httplib::Request &>(call.http).headers.erase("Accept-Encoding");
    call.response.status = 200;
    if (sse)
        call.response.set_header("X-Content-Type-Options", "nosniff");
    call.response.set_header("Grpc-Metadata-Content-Type", "application/grpc");
    call.response.set_chunked_content_provider(
        contentType, [state](size_t, httplib::DataSink &sink) { return state->step(sink); });
}

} // namespace rdsim
