// SPDX-License-Identifier: GPL-3.0-or-later
#include "tableview.h"

#include "jobtablecells.h"

#include "core/resourcecatalog.h"
#include "core/virtualclock.h"

#include <QJsonDocument>
#include <QStringList>

#include <algorithm>

namespace rdsim {

namespace {

const QString kMetadata = QStringLiteral("metadata");
const QString kSpec = QStringLiteral("spec");
const QString kStatus = QStringLiteral("status");
const QString kNone = QStringLiteral("<none>");

QJsonValue valueAt(const QJsonObject &object, const QString &path)
{
    QJsonValue node = object;
    for (const QString &part : path.split(u'.')) {
        if (!node.isObject())
            return QJsonValue(QJsonValue::Undefined);
        node = node.toObject().value(part);
    }
    return node;
}

QString podReady(const QJsonObject &pod)
{
    const qsizetype total
        = pod.value(kSpec).toObject().value(QStringLiteral("containers")).toArray().size();
    int ready = 0;
    const QJsonArray statuses
        = pod.value(kStatus).toObject().value(QStringLiteral("containerStatuses")).toArray();
    for (const QJsonValue &status : statuses) {
        if (status.toObject().value(QStringLiteral("ready")).toBool())
            ++ready;
    }
    return QStringLiteral("%1/%2").arg(ready).arg(total);
}

// kubectl's pod STATUS column, reduced to the states the simulator produces: the phase or
// status.reason, overridden by a waiting/terminated container reason, and Terminating.
QString podStatus(const QJsonObject &pod)
{
    const QJsonObject status = pod.value(kStatus).toObject();
    QString reason = status.value(QStringLiteral("reason")).toString();
    if (reason.isEmpty())
        reason = status.value(QStringLiteral("phase")).toString();
    bool hasRunning = false;
    const QJsonArray containers = status.value(QStringLiteral("containerStatuses")).toArray();
    for (qsizetype i = containers.size() - 1; i >= 0; --i) {
        const QJsonObject container = containers.at(i).toObject();
        const QJsonObject state = container.value(QStringLiteral("state")).toObject();
        const QJsonObject waiting = state.value(QStringLiteral("waiting")).toObject();
        const QJsonObject terminated = state.value(QStringLiteral("terminated")).toObject();
        if (!waiting.value(QStringLiteral("reason")).toString().isEmpty()) {
            reason = waiting.value(QStringLiteral("reason")).toString();
        } else if (!terminated.value(QStringLiteral("reason")).toString().isEmpty()) {
            reason = terminated.value(QStringLiteral("reason")).toString();
        } else if (state.contains(QStringLiteral("terminated"))) {
            reason = QStringLiteral("ExitCode:%1")
                         .arg(terminated.value(QStringLiteral("exitCode")).toInt());
        } else if (container.value(QStringLiteral("ready")).toBool()
                   && state.contains(QStringLiteral("running"))) {
            hasRunning = true;
        }
    }
    if (reason == QStringLiteral("Completed") && hasRunning)
        reason = QStringLiteral("Running");
    if (pod.value(kMetadata).toObject().contains(QStringLiteral("deletionTimestamp")))
        reason = QStringLiteral("Terminating");
    return reason;
}

QString podRestarts(const QJsonObject &pod, qint64 nowMs)
{
    qint64 restarts = 0;
    qint64 lastFinished = -1;
    const QJsonArray containers
        = pod.value(kStatus).toObject().value(QStringLiteral("containerStatuses")).toArray();
    for (const QJsonValue &value : containers) {
        const QJsonObject container = value.toObject();
        restarts += container.value(QStringLiteral("restartCount")).toInteger();
        const QString finished
            = valueAt(container, QStringLiteral("lastState.terminated.finishedAt")).toString();
        lastFinished = std::max(lastFinished, VirtualClock::fromRfc3339(finished));
    }
    if (restarts > 0 && lastFinished >= 0)
        return QStringLiteral("%1 (%2 ago)")
            .arg(restarts)
            .arg(TableView::humanDuration(nowMs - lastFinished));
    return QString::number(restarts);
}

QString deploymentReady(const QJsonObject &object)
{
    return QStringLiteral("%1/%2")
        .arg(object.value(kStatus).toObject().value(QStringLiteral("readyReplicas")).toInteger())
        .arg(object.value(kSpec).toObject().value(QStringLiteral("replicas")).toInteger(1));
}

QString servicePorts(const QJsonObject &service)
{
    QStringList ports;
    const QJsonArray list
        = service.value(kSpec).toObject().value(QStringLiteral("ports")).toArray();
    for (const QJsonValue &value : list) {
        const QJsonObject port = value.toObject();
        QString text = QString::number(port.value(QStringLiteral("port")).toInteger());
        if (port.contains(QStringLiteral("nodePort")))
            text += u':' + QString::number(port.value(QStringLiteral("nodePort")).toInteger());
        text += u'/' + port.value(QStringLiteral("protocol")).toString(QStringLiteral("TCP"));
        ports << text;
    }
    return ports.isEmpty() ? kNone : ports.join(u',');
}

QString serviceSelector(const QJsonObject &service)
{
    const QJsonObject selector
        = service.value(kSpec).toObject().value(QStringLiteral("selector")).toObject();
    QStringList pairs;
    for (auto it = selector.constBegin(); it != selector.constEnd(); ++it)
        pairs << it.key() + u'=' + it.value().toString();
    return pairs.isEmpty() ? kNone : pairs.join(u',');
}

// kubectl's "LAST SEEN": age of the last occurrence, "5m (x3 over 10m)" for repeats.
QString eventLastSeen(const QJsonObject &event, qint64 nowMs)
{
    QString last = event.value(QStringLiteral("lastTimestamp")).toString();
    if (last.isEmpty())
        last = event.value(QStringLiteral("eventTime")).toString();
    if (last.isEmpty())
        last = event.value(QStringLiteral("firstTimestamp")).toString();
    QString text = TableView::age(last, nowMs);
    const qint64 count = event.value(QStringLiteral("count")).toInteger();
    const QString first = event.value(QStringLiteral("firstTimestamp")).toString();
    if (count > 1 && !first.isEmpty())
        text += QStringLiteral(" (x%1 over %2)").arg(count).arg(TableView::age(first, nowMs));
    return text;
}

QString eventObject(const QJsonObject &event)
{
    const QJsonObject involved = event.value(QStringLiteral("involvedObject")).toObject();
    return involved.value(QStringLiteral("kind")).toString().toLower() + u'/'
        + involved.value(QStringLiteral("name")).toString();
}

// "@condition:Succeeded:reason": a field of the status condition of that type, as a CRD's
// `.status.conditions[?(@.type=="Succeeded")].reason` column prints it.
QJsonValue conditionField(const QString &what, const QJsonObject &object)
{
    const QStringList parts = what.split(u':');
    const QJsonArray conditions
        = object.value(kStatus).toObject().value(QStringLiteral("conditions")).toArray();
    for (const QJsonValue &value : conditions) {
        const QJsonObject condition = value.toObject();
        if (condition.value(QStringLiteral("type")).toString() == parts.value(1))
            return condition.value(parts.value(2));
    }
    return QJsonValue(QJsonValue::Null);
}

QJsonValue computedCell(const QString &what, const QJsonObject &object, qint64 nowMs)
{
    if (what.startsWith(QStringLiteral("@condition:")))
        return conditionField(what, object);
    const QJsonObject metadata = object.value(kMetadata).toObject();
    if (what == QStringLiteral("@name"))
        return metadata.value(QStringLiteral("name"));
    if (what == QStringLiteral("@age"))
        return TableView::age(metadata.value(QStringLiteral("creationTimestamp")).toString(),
                              nowMs);
    if (what == QStringLiteral("@podReady"))
        return podReady(object);
    if (what == QStringLiteral("@podStatus"))
        return podStatus(object);
    if (what == QStringLiteral("@podRestarts"))
        return podRestarts(object, nowMs);
    if (what == QStringLiteral("@deploymentReady"))
        return deploymentReady(object);
    if (what == QStringLiteral("@servicePorts"))
        return servicePorts(object);
    if (what == QStringLiteral("@serviceSelector"))
        return serviceSelector(object);
    if (what == QStringLiteral("@eventLastSeen"))
        return eventLastSeen(object, nowMs);
    if (what == QStringLiteral("@eventObject"))
        return eventObject(object);
    if (what == QStringLiteral("@jobStatus"))
        return JobTableCells::status(object);
    if (what == QStringLiteral("@jobCompletions"))
        return JobTableCells::completions(object);
    if (what == QStringLiteral("@jobDuration"))
        return JobTableCells::duration(object, nowMs);
    return QJsonValue(QJsonValue::Null);
}

QString describeColumn(const TableColumn &column)
{
    if (column.format == QStringLiteral("name"))
        return QStringLiteral("Name must be unique within a namespace. Cannot be updated.");
    if (column.jsonPath == QStringLiteral("@age"))
        return QStringLiteral("CreationTimestamp is a timestamp representing the server time "
                              "when this object was created.");
    if (column.jsonPath.startsWith(u'@'))
        return QStringLiteral("%1, as kubectl prints it.").arg(column.name);
    return QStringLiteral("The value of .%1.").arg(column.jsonPath);
}

} // namespace

std::optional<TableView::IncludeObject> TableView::includeObjectFromName(const QString &name)
{
    if (name.isEmpty() || name == QStringLiteral("Metadata"))
        return IncludeObject::Metadata;
    if (name == QStringLiteral("None"))
        return IncludeObject::None;
    if (name == QStringLiteral("Object"))
        return IncludeObject::Object;
    return std::nullopt;
}

QJsonArray TableView::columnDefinitions(const ResourceType &type)
{
    QJsonArray columns;
    for (const TableColumn &column : type.columns) {
        columns.append(QJsonObject {{QStringLiteral("name"), column.name},
                                    {QStringLiteral("type"), column.type},
                                    {QStringLiteral("format"), column.format},
                                    {QStringLiteral("description"), describeColumn(column)},
                                    {QStringLiteral("priority"), column.priority}});
    }
    return columns;
}

QJsonValue TableView::cell(const ResourceType &type, const TableColumn &column,
                           const QJsonObject &object, qint64 nowMs)
{
    if (column.jsonPath.startsWith(u'@'))
        return computedCell(column.jsonPath, object, nowMs);
    const QJsonValue value = valueAt(object, column.jsonPath);
    const bool integer = column.type == QStringLiteral("integer");
    if (value.isUndefined() || value.isNull()) {
        // Custom resources print a missing field as <none> (null); built-in printers show 0.
        if (type.isCustomResource)
            return QJsonValue(QJsonValue::Null);
        return integer ? QJsonValue(0) : QJsonValue(kNone);
    }
    if (integer && value.isDouble())
        return value.toInteger();
    // A CRD's date column is printed as an age, as the API server's table convertor does.
    if (column.type == QStringLiteral("date") && value.isString())
        return TableView::age(value.toString(), nowMs);
    if (value.isObject() || value.isArray()) {
        const QJsonDocument document
            = value.isObject() ? QJsonDocument(value.toObject()) : QJsonDocument(value.toArray());
        return QString::fromUtf8(document.toJson(QJsonDocument::Compact));
    }
    return value;
}

QJsonObject TableView::partialObjectMetadata(const QJsonObject &object)
{
    return QJsonObject {{QStringLiteral("kind"), QStringLiteral("PartialObjectMetadata")},
                        {QStringLiteral("apiVersion"), QStringLiteral("meta.k8s.io/v1")},
                        {kMetadata, object.value(kMetadata)}};
}

QJsonObject TableView::row(const ResourceType &type, const QJsonObject &object, qint64 nowMs,
                           IncludeObject include)
{
    QJsonArray cells;
    for (const TableColumn &column : type.columns)
        cells.append(cell(type, column, object, nowMs));
    QJsonObject row {{QStringLiteral("cells"), cells}};
    if (include == IncludeObject::Metadata)
        row.insert(QStringLiteral("object"), partialObjectMetadata(object));
    else if (include == IncludeObject::Object)
        row.insert(QStringLiteral("object"), object);
    return row;
}

QJsonObject TableView::table(const ResourceType &type, const QList<QJsonObject> &objects,
                             qint64 nowMs, IncludeObject include, bool withColumns,
                             const QJsonObject &listMetadata, const QString &apiVersion)
{
    QJsonArray rows;
    for (const QJsonObject &object : objects)
        rows.append(row(type, object, nowMs, include));
    return QJsonObject {
        {QStringLiteral("kind"), QStringLiteral("Table")},
        {QStringLiteral("apiVersion"), apiVersion},
        {kMetadata, listMetadata},
        {QStringLiteral("columnDefinitions"), withColumns ? columnDefinitions(type) : QJsonArray()},
        {QStringLiteral("rows"), rows}};
}

QString TableView::humanDuration(qint64 ms)
{
    const qint64 seconds = ms / 1000;
    if (seconds < -1)
        return QStringLiteral("<invalid>");
    if (seconds < 0)
        return QStringLiteral("0s");
    if (seconds < 60 * 2)
        return QStringLiteral("%1s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 10) {
        const qint64 rest = seconds % 60;
        return rest == 0 ? QStringLiteral("%1m").arg(minutes)
                         : QStringLiteral("%1m%2s").arg(minutes).arg(rest);
    }
    if (minutes < 60 * 3)
        return QStringLiteral("%1m").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 8) {
        const qint64 rest = minutes % 60;
        return rest == 0 ? QStringLiteral("%1h").arg(hours)
                         : QStringLiteral("%1h%2m").arg(hours).arg(rest);
    }
    if (hours < 48)
        return QStringLiteral("%1h").arg(hours);
    if (hours < 24 * 8) {
        const qint64 rest = hours % 24;
        return rest == 0 ? QStringLiteral("%1d").arg(hours / 24)
                         : QStringLiteral("%1d%2h").arg(hours / 24).arg(rest);
    }
    if (hours < 24 * 365 * 2)
        return QStringLiteral("%1d").arg(hours / 24);
    if (hours < 24 * 365 * 8) {
        const qint64 days = (hours / 24) % 365;
        return days == 0 ? QStringLiteral("%1y").arg(hours / 24 / 365)
                         : QStringLiteral("%1y%2d").arg(hours / 24 / 365).arg(days);
    }
    return QStringLiteral("%1y").arg(hours / 24 / 365);
}

QString TableView::age(const QString &timestamp, qint64 nowMs)
{
    const qint64 at = timestamp.isEmpty() ? -1 : VirtualClock::fromRfc3339(timestamp);
    if (at < 0)
        return QStringLiteral("<unknown>");
    return humanDuration(nowMs - at);
}

} // namespace rdsim
