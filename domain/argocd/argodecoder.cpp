// SPDX-License-Identifier: GPL-3.0-or-later
#include "argodecoder.h"

#include "timestamps.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace {

QString str(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

qint64 time(const QJsonObject &object, const char *key)
{
    const QString text = str(object, key);
    return text.isEmpty() ? 0 : parseRfc3339MSecs(QStringView(text)).value_or(0);
}

QStringList strings(const QJsonValue &value)
{
    QStringList out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array) {
        if (item.isString())
            out.append(item.toString());
    }
    return out;
}

ArgoSource source(const QJsonObject &object)
{
    ArgoSource out;
    out.repoUrl = str(object, "repoURL");
    out.path = str(object, "path");
    out.targetRevision = str(object, "targetRevision");
    out.chart = str(object, "chart");
    const QJsonObject helm = object.value(QLatin1String("helm")).toObject();
    out.helmReleaseName = str(helm, "releaseName");
    out.helmValueFiles = strings(helm.value(QLatin1String("valueFiles")));
    out.isHelm = !out.chart.isEmpty() || object.contains(QLatin1String("helm"));
    const QJsonObject kustomize = object.value(QLatin1String("kustomize")).toObject();
    out.kustomizeImages = strings(kustomize.value(QLatin1String("images")));
    out.isKustomize = object.contains(QLatin1String("kustomize"));
    return out;
}

ArgoInitiator initiator(const QJsonObject &object)
{
    ArgoInitiator out;
    out.username = str(object, "username");
    out.automated = object.value(QLatin1String("automated")).toBool();
    return out;
}

ArgoOperation operation(const QJsonObject &state)
{
    ArgoOperation out;
    out.phase = str(state, "phase");
    out.message = str(state, "message");
    const QJsonObject op = state.value(QLatin1String("operation")).toObject();
    out.initiatedBy = initiator(op.value(QLatin1String("initiatedBy")).toObject());
    const QJsonObject sync = op.value(QLatin1String("sync")).toObject();
    out.syncRevision = str(sync, "revision");
    out.prune = sync.value(QLatin1String("prune")).toBool();
    out.dryRun = sync.value(QLatin1String("dryRun")).toBool();
    out.resultRevision = str(state.value(QLatin1String("syncResult")).toObject(), "revision");
    out.startedAtMs = time(state, "startedAt");
    out.finishedAtMs = time(state, "finishedAt");
    out.retryCount = state.value(QLatin1String("retryCount")).toVariant().toLongLong();
    return out;
}

QList<ArgoHistoryEntry> history(const QJsonArray &array)
{
    QList<ArgoHistoryEntry> out;
    for (const QJsonValue &value : array) {
        const QJsonObject item = value.toObject();
        ArgoHistoryEntry entry;
        // int64 travels as a number here, but grpc-gateway may quote it: accept both.
        entry.id = item.value(QLatin1String("id")).toVariant().toLongLong();
        entry.revision = str(item, "revision");
        if (entry.revision.isEmpty())
            entry.revision = strings(item.value(QLatin1String("revisions"))).value(0);
        entry.source = source(item.value(QLatin1String("source")).toObject());
        entry.deployedAtMs = time(item, "deployedAt");
        entry.deployStartedAtMs = time(item, "deployStartedAt");
        entry.initiatedBy = initiator(item.value(QLatin1String("initiatedBy")).toObject());
        out.append(entry);
    }
    return out;
}

QList<ArgoResource> resources(const QJsonArray &array)
{
    QList<ArgoResource> out;
    out.reserve(array.size());
    for (const QJsonValue &value : array) {
        const QJsonObject item = value.toObject();
        ArgoResource resource;
        resource.group = str(item, "group");
        resource.version = str(item, "version");
        resource.kind = str(item, "kind");
        resource.namespaceName = str(item, "namespace");
        resource.name = str(item, "name");
        resource.syncStatus = str(item, "status");
        const QJsonObject health = item.value(QLatin1String("health")).toObject();
        resource.health = str(health, "status");
        resource.healthMessage = str(health, "message");
        resource.requiresPruning = item.value(QLatin1String("requiresPruning")).toBool();
        resource.isHook = item.value(QLatin1String("hook")).toBool();
        out.append(resource);
    }
    return out;
}

QList<ArgoCondition> conditions(const QJsonArray &array)
{
    QList<ArgoCondition> out;
    for (const QJsonValue &value : array) {
        const QJsonObject item = value.toObject();
        out.append({str(item, "type"), str(item, "message"), time(item, "lastTransitionTime")});
    }
    return out;
}

void readSpec(const QJsonObject &spec, ArgoApplication *app)
{
    app->project = str(spec, "project");
    if (spec.contains(QLatin1String("source")))
        app->sources.append(source(spec.value(QLatin1String("source")).toObject()));
    const QJsonArray sources = spec.value(QLatin1String("sources")).toArray();
    for (const QJsonValue &item : sources)
        app->sources.append(source(item.toObject()));
    const QJsonObject destination = spec.value(QLatin1String("destination")).toObject();
    app->destinationServer = str(destination, "server");
    app->destinationName = str(destination, "name");
    app->destinationNamespace = str(destination, "namespace");
    const QJsonObject policy = spec.value(QLatin1String("syncPolicy")).toObject();
    if (policy.contains(QLatin1String("automated"))) {
        const QJsonObject automated = policy.value(QLatin1String("automated")).toObject();
        // Argo CD 3.x can keep the block and switch it off with `enabled: false`.
        app->autoSync = automated.value(QLatin1String("enabled")).toBool(true);
        app->autoPrune = automated.value(QLatin1String("prune")).toBool();
        app->selfHeal = automated.value(QLatin1String("selfHeal")).toBool();
    }
}

void readStatus(const QJsonObject &status, ArgoApplication *app)
{
    const QJsonObject sync = status.value(QLatin1String("sync")).toObject();
    app->syncStatus = str(sync, "status");
    app->syncRevision = str(sync, "revision");
    app->syncRevisions = strings(sync.value(QLatin1String("revisions")));
    const QJsonObject health = status.value(QLatin1String("health")).toObject();
    app->health = str(health, "status");
    app->healthMessage = str(health, "message");
    if (status.contains(QLatin1String("operationState")))
        app->operation = operation(status.value(QLatin1String("operationState")).toObject());
    app->hasHistory = status.contains(QLatin1String("history"));
    app->history = history(status.value(QLatin1String("history")).toArray());
    app->conditions = conditions(status.value(QLatin1String("conditions")).toArray());
    app->resources = resources(status.value(QLatin1String("resources")).toArray());
    const QJsonObject summary = status.value(QLatin1String("summary")).toObject();
    app->images = strings(summary.value(QLatin1String("images")));
    app->externalUrls = strings(summary.value(QLatin1String("externalURLs")));
    app->sourceType = str(status, "sourceType");
    app->reconciledAtMs = time(status, "reconciledAt");
}

QMap<QString, QString> stringMap(const QJsonObject &object)
{
    QMap<QString, QString> out;
    for (auto it = object.begin(); it != object.end(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

} // namespace

ArgoApplication ArgoDecoder::application(const QJsonObject &object)
{
    ArgoApplication app;
    const QJsonObject meta = object.value(QLatin1String("metadata")).toObject();
    app.name = str(meta, "name");
    app.appNamespace = str(meta, "namespace");
    app.uid = str(meta, "uid");
    app.resourceVersion = str(meta, "resourceVersion");
    app.labels = stringMap(meta.value(QLatin1String("labels")).toObject());
    app.createdMs = time(meta, "creationTimestamp");
    app.isDeleting = meta.contains(QLatin1String("deletionTimestamp"));
    readSpec(object.value(QLatin1String("spec")).toObject(), &app);
    if (object.contains(QLatin1String("operation"))) {
        app.operationRequested = true;
        app.requestedBy = initiator(object.value(QLatin1String("operation"))
                                        .toObject()
                                        .value(QLatin1String("initiatedBy"))
                                        .toObject());
    }
    readStatus(object.value(QLatin1String("status")).toObject(), &app);
    return app;
}

bool ArgoDecoder::object(const QByteArray &body, QJsonObject *out, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = tr("Argo CD sent an answer that is not a JSON object (%1 bytes): %2")
                     .arg(body.size())
                     .arg(parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                       : tr("another JSON value"));
        return false;
    }
    *out = document.object();
    return true;
}

bool ArgoDecoder::application(const QByteArray &body, ArgoApplication *out, QString *error)
{
    QJsonObject object;
    if (!ArgoDecoder::object(body, &object, error))
        return false;
    *out = application(object);
    if (out->name.isEmpty()) {
        *error = tr("Argo CD sent an application without a name");
        return false;
    }
    return true;
}

ArgoApplicationList ArgoDecoder::list(const QByteArray &body)
{
    ArgoApplicationList out;
    QJsonObject object;
    if (!ArgoDecoder::object(body, &object, &out.error))
        return out;
    out.resourceVersion
        = str(object.value(QLatin1String("metadata")).toObject(), "resourceVersion");
    const QJsonValue items = object.value(QLatin1String("items"));
    if (!items.isArray() && !items.isNull() && !items.isUndefined()) {
        out.error = tr("Argo CD sent an application list whose items are not a list");
        return out;
    }
    const QJsonArray array = items.toArray();
    out.items.reserve(array.size());
    for (const QJsonValue &item : array) {
        ArgoApplication app = application(item.toObject());
        if (!app.name.isEmpty()) // a nameless item cannot be shown or acted on
            out.items.append(std::move(app));
    }
    return out;
}

ArgoWatchEvent ArgoDecoder::event(const QByteArray &json)
{
    ArgoWatchEvent out;
    QJsonObject object;
    if (!ArgoDecoder::object(json, &object, &out.error))
        return out;
    if (object.contains(QLatin1String("error"))) {
        const QJsonObject failure = object.value(QLatin1String("error")).toObject();
        const QString message = str(failure, "message");
        out.error = tr("Argo CD ended the application stream: %1")
                        .arg(message.isEmpty() ? tr("no reason given") : message.left(500));
        return out;
    }
    const QJsonObject result = object.value(QLatin1String("result")).toObject();
    const QString type = str(result, "type");
    if (type == QLatin1String("ADDED"))
        out.type = ArgoWatchEvent::Type::Added;
    else if (type == QLatin1String("MODIFIED"))
        out.type = ArgoWatchEvent::Type::Modified;
    else if (type == QLatin1String("DELETED"))
        out.type = ArgoWatchEvent::Type::Deleted;
    else {
        out.error = tr("Argo CD sent a stream event of unknown type '%1'").arg(type.left(40));
        return out;
    }
    out.application = application(result.value(QLatin1String("application")).toObject());
    if (out.application.name.isEmpty())
        out.error = tr("Argo CD sent a stream event without an application name");
    return out;
}

bool ArgoDecoder::revisionMetadata(const QByteArray &body, ArgoRevisionMetadata *out,
                                   QString *error)
{
    QJsonObject object;
    if (!ArgoDecoder::object(body, &object, error))
        return false;
    out->author = str(object, "author");
    out->dateMs = time(object, "date");
    out->message = str(object, "message");
    out->tags = strings(object.value(QLatin1String("tags")));
    return true;
}

bool ArgoDecoder::userInfo(const QByteArray &body, ArgoUserInfo *out, QString *error)
{
    QJsonObject object;
    if (!ArgoDecoder::object(body, &object, error))
        return false;
    out->loggedIn = object.value(QLatin1String("loggedIn")).toBool();
    out->username = str(object, "username");
    out->issuer = str(object, "iss");
    out->groups = strings(object.value(QLatin1String("groups")));
    return true;
}

bool ArgoDecoder::canI(const QByteArray &body, bool *allowed, QString *error)
{
    QJsonObject object;
    if (!ArgoDecoder::object(body, &object, error))
        return false;
    const QString value = str(object, "value");
    if (value != QLatin1String("yes") && value != QLatin1String("no")) {
        *error = tr("Argo CD answered the permission check with '%1' instead of yes or no")
                     .arg(value.left(40));
        return false;
    }
    *allowed = value == QLatin1String("yes");
    return true;
}
