// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jsondecoder.h"
#include "replicasetstatus.h"
#include "rolloutdetail.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

// A RolloutDetail decoded from tests/data/detail/<name>: one JSON object holding the
// rollout, its ReplicaSets, pods, AnalysisRuns and Events (each an array of Kubernetes
// objects, decoded by the real JsonDecoder), the environment, the notices and the "now" the
// fixture was written for.
struct DetailFixture
{
    RolloutDetail detail;
    QDateTime now;
    QString error; // why the fixture could not be read, empty when it was

    static DetailFixture load(const QString &name)
    {
        DetailFixture fixture;
        QFile file(QStringLiteral(RD_TEST_DATA_DIR "/detail/") + name);
        if (!file.open(QIODevice::ReadOnly)) {
            fixture.error = QStringLiteral("cannot open ") + file.fileName();
            return fixture;
        }
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        JsonDecoder decoder;
        const auto list = [&](const char *key) {
            QJsonObject body;
            body.insert(QStringLiteral("items"), root.value(QLatin1String(key)).toArray());
            return QJsonDocument(body).toJson(QJsonDocument::Compact);
        };
        const auto check = [&](const DecodeReport &report, const char *what) {
            if (!report.isOk() || report.hasIssues())
                fixture.error += QLatin1String(what) + QStringLiteral(": ") + report.error
                    + report.issuesText() + QLatin1Char('\n');
        };
        RolloutDetail &detail = fixture.detail;
        detail.environment = root.value(QLatin1String("environment")).toString();
        const Decoded<Rollout> rollout = decoder.decodeObject<Rollout>(
            QJsonDocument(root.value(QLatin1String("rollout")).toObject()).toJson());
        check(rollout.report, "rollout");
        detail.rollout = rollout.value;
        const ObjectList<ReplicaSet> replicaSets
            = decoder.decodeList<ReplicaSet>(list("replicaSets"));
        check(replicaSets.report, "replicaSets");
        detail.replicaSets = ownedReplicaSets(replicaSets.items, detail.rollout.metadata.uid);
        const ObjectList<Pod> pods = decoder.decodeList<Pod>(list("pods"));
        check(pods.report, "pods");
        for (const Pod &pod : pods.items) {
            if (const OwnerReference *owner = pod.metadata.controllerRef())
                detail.podsByReplicaSetUid[owner->uid].append(pod);
        }
        for (QList<Pod> &group : detail.podsByReplicaSetUid)
            std::sort(group.begin(), group.end(),
                      [](const Pod &a, const Pod &b) { return a.metadata.name < b.metadata.name; });
        const ObjectList<AnalysisRun> runs = decoder.decodeList<AnalysisRun>(list("analysisRuns"));
        check(runs.report, "analysisRuns");
        detail.analysisRuns = runs.items;
        const ObjectList<Event> events = decoder.decodeList<Event>(list("events"));
        check(events.report, "events");
        detail.events = events.items;
        for (const QJsonValue &notice : root.value(QLatin1String("notices")).toArray())
            detail.notices.append(notice.toString());
        fixture.now
            = QDateTime::fromString(root.value(QLatin1String("now")).toString(), Qt::ISODate);
        if (!fixture.now.isValid())
            fixture.error += QStringLiteral("no valid \"now\"\n");
        return fixture;
    }
};
