// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fleetstore.h"
#include "jsondecoder.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// A rollout with its Experiments and analysis Jobs, from tests/data/experiments/<name>: one
// JSON object holding the rollout and arrays of the cluster's objects (replicaSets, pods,
// analysisRuns, experiments, jobs, events), each decoded by the real JsonDecoder, handed to
// a FleetStore as an informer's reset batch, and the detail assembled by the store: so what a
// test sees went through the same filing as the window's.
struct ExperimentFixture
{
    FleetStore fleet;
    RolloutDetail detail;
    QDateTime now;
    QString error; // why the fixture could not be read, empty when it was

    static constexpr const char *environment = "prod";

    explicit ExperimentFixture(const QString &name)
    {
        QFile file(QStringLiteral(RD_TEST_DATA_DIR "/experiments/") + name);
        if (!file.open(QIODevice::ReadOnly)) {
            error = QStringLiteral("cannot open ") + file.fileName();
            return;
        }
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        now = QDateTime::fromString(root.value(QLatin1String("now")).toString(), Qt::ISODate);
        WorkloadDeltaBatch batch;
        batch.reset = true;
        JsonDecoder decoder;
        const Decoded<Rollout> rollout = decoder.decodeObject<Rollout>(
            QJsonDocument(root.value(QLatin1String("rollout")).toObject()).toJson());
        check(rollout.report, "rollout");
        batch.upserts<Rollout>().append(rollout.value);
        read<ReplicaSet>(decoder, root, "replicaSets", batch);
        read<Pod>(decoder, root, "pods", batch);
        read<AnalysisRun>(decoder, root, "analysisRuns", batch);
        read<Experiment>(decoder, root, "experiments", batch);
        read<Job>(decoder, root, "jobs", batch);
        read<Event>(decoder, root, "events", batch);
        fleet.environmentFor(QLatin1String(environment)).apply(batch, now);
        detail = fleet.rolloutDetail(QLatin1String(environment), rollout.value.metadata.uid);
        if (!detail.isValid())
            error += QStringLiteral("the store has no detail for the rollout\n");
    }

private:
    void check(const DecodeReport &report, const char *what)
    {
        if (!report.isOk() || report.hasIssues())
            error += QLatin1String(what) + QStringLiteral(": ") + report.error + report.issuesText()
                + QLatin1Char('\n');
    }

    template<typename T>
    void read(JsonDecoder &decoder, const QJsonObject &root, const char *key,
              WorkloadDeltaBatch &batch)
    {
        QJsonObject body;
        body.insert(QStringLiteral("items"), root.value(QLatin1String(key)).toArray());
        const ObjectList<T> list
            = decoder.decodeList<T>(QJsonDocument(body).toJson(QJsonDocument::Compact));
        check(list.report, key);
        batch.upserts<T>() += list.items;
    }
};
