// SPDX-License-Identifier: GPL-3.0-or-later
// One simulated cluster for the soak, driven over stdin. Commands (one per line):
//   fault KIND STATUS RETRY_AFTER DELAY_MS WATCH_ONLY EVERY_NTH   add an injected fault
//   clear                                                         remove every fault
//   bounce             close every connection (open watches too) and listen again at once
//   storm SECONDS      bump images of every Rollout each second, clock at 20x, for SECONDS
//   churn on|off       one Rollout gets a new image every 2 s (background activity)
//   freeze             stop the virtual clock (no controller changes anything any more)
//   flush              report recorded PATCHes now, then answer "flushed"
//   writes             answer "writes N E": the store's resourceVersion (every write bumps
//                      it) and how many Events it holds
// Replies and reports on stdout: "ready PORT CA_BASE64", "patch STATUS PATH" for every
// PATCH of a Rollout the API server saw (also faulted ones: the parent compares them with
// the audit file), "flushed", "writes N E". Ends when stdin closes.
//
// Events expire after kEventTtlMs, as kube-apiserver's --event-ttl (1 h by default) makes
// them: without it the server's state, and so the dashboard's memory, would grow for as
// long as the soak runs, and the memory check could not tell a leak from the server's own
// growth. Their deletion reaches the dashboard as DELETED events, another path to soak.
#include "simchild.h"

#include "api/apiserver.h"
#include "api/faultinjector.h"
#include "core/objectstore.h"
#include "core/resourcecatalog.h"
#include "core/virtualclock.h"
#include "fleet/simulator.h"
#include "scenario/scenario.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>

using namespace rdsim;

namespace {

std::mutex g_outMutex;

// $SOAK_EVENT_TTL_SECONDS shortens it for a quick check of the expiry itself.
const qint64 kEventTtlMs = qEnvironmentVariableIntValue("SOAK_EVENT_TTL_SECONDS") > 0
    ? qEnvironmentVariableIntValue("SOAK_EVENT_TTL_SECONDS") * qint64(1000)
    : 5 * 60 * 1000;

void reply(const QByteArray &line)
{
    std::lock_guard lock(g_outMutex);
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

const QStringList kNamespaces = {QStringLiteral("shop"), QStringLiteral("search")};

QJsonObject rolloutObject(const QString &ns, const QString &name)
{
    // Two timed pauses, so that a Rollout is mid-canary most of the time (pause and resume
    // are then offered) and every step moves weights, ReplicaSets and pods.
    const QJsonArray steps {
        QJsonObject {{QStringLiteral("setWeight"), 25}},
        QJsonObject {{QStringLiteral("pause"), QJsonObject {{QStringLiteral("duration"), "20s"}}}},
        QJsonObject {{QStringLiteral("setWeight"), 75}},
        QJsonObject {{QStringLiteral("pause"), QJsonObject {{QStringLiteral("duration"), "20s"}}}},
    };
    const QJsonObject labels {{QStringLiteral("app"), name}};
    const QJsonObject container {
        {QStringLiteral("name"), name},
        {QStringLiteral("image"), QStringLiteral("ghcr.io/soak/%1:1.0.0").arg(name)}};
    return QJsonObject {
        {QStringLiteral("apiVersion"), QStringLiteral("argoproj.io/v1alpha1")},
        {QStringLiteral("kind"), QStringLiteral("Rollout")},
        {QStringLiteral("metadata"),
         QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("namespace"), ns}}},
        {QStringLiteral("spec"),
         QJsonObject {
             {QStringLiteral("replicas"), 2},
             {QStringLiteral("revisionHistoryLimit"), 2},
             {QStringLiteral("selector"), QJsonObject {{QStringLiteral("matchLabels"), labels}}},
             {QStringLiteral("template"),
              QJsonObject {
                  {QStringLiteral("metadata"), QJsonObject {{QStringLiteral("labels"), labels}}},
                  {QStringLiteral("spec"),
                   QJsonObject {{QStringLiteral("containers"), QJsonArray {container}}}}}},
             {QStringLiteral("strategy"),
              QJsonObject {
                  {QStringLiteral("canary"), QJsonObject {{QStringLiteral("steps"), steps}}}}},
         }},
    };
}

// The scenario as JSON (YAML's subset), parsed by the simulator's own scenario parser.
QByteArray scenarioJson(const SimChildOptions &options)
{
    const QJsonArray allRights {QJsonObject {{QStringLiteral("verbs"), QJsonArray {"*"}},
                                             {QStringLiteral("apiGroups"), QJsonArray {"*"}},
                                             {QStringLiteral("resources"), QJsonArray {"*"}}}};
    // admin: the environments' static token; exec: what the soak's exec plugin prints.
    const QJsonArray users {
        QJsonObject {{QStringLiteral("name"), QStringLiteral("admin")},
                     {QStringLiteral("token"), QStringLiteral("soak-admin-token")},
                     {QStringLiteral("rules"), allRights}},
        QJsonObject {{QStringLiteral("name"), QStringLiteral("exec-user")},
                     {QStringLiteral("token"), QStringLiteral("soak-exec-token")},
                     {QStringLiteral("rules"), allRights}},
    };
    QJsonArray objects;
    for (int i = 0; i < options.rollouts; ++i)
        objects.append(rolloutObject(kNamespaces.at(i % 2),
                                     QStringLiteral("svc-%1").arg(i, 2, 10, QLatin1Char('0'))));
    const QJsonObject cluster {
        {QStringLiteral("name"), options.cluster},
        {QStringLiteral("port"), options.port},
        {QStringLiteral("namespaces"), QJsonArray::fromStringList(kNamespaces)},
        {QStringLiteral("users"), users},
        {QStringLiteral("objects"), objects},
    };
    const QJsonObject scenario {
        {QStringLiteral("clock"), QJsonObject {{QStringLiteral("speed"), 1}}},
        {QStringLiteral("clusters"), QJsonArray {cluster}},
    };
    return QJsonDocument(scenario).toJson(QJsonDocument::Compact);
}

// A new image for one Rollout: the controller starts a new canary (new ReplicaSet, pods,
// steps), as a CI pipeline's deploy would.
void bumpImage(ObjectStore &store, const QString &ns, const QString &name, int generation)
{
    const ResourceType &type
        = *ResourceCatalog::find(QStringLiteral("argoproj.io"), QStringLiteral("rollouts"));
    std::optional<QJsonObject> object = store.get(type, ns, name);
    if (!object)
        return;
    QJsonObject spec = object->value(QStringLiteral("spec")).toObject();
    QJsonObject tmpl = spec.value(QStringLiteral("template")).toObject();
    QJsonObject podSpec = tmpl.value(QStringLiteral("spec")).toObject();
    QJsonArray containers = podSpec.value(QStringLiteral("containers")).toArray();
    QJsonObject container = containers.at(0).toObject();
    container.insert(QStringLiteral("image"),
                     QStringLiteral("ghcr.io/soak/%1:1.%2.0").arg(name).arg(generation));
    containers.replace(0, container);
    podSpec.insert(QStringLiteral("containers"), containers);
    tmpl.insert(QStringLiteral("spec"), podSpec);
    spec.insert(QStringLiteral("template"), tmpl);
    object->insert(QStringLiteral("spec"), spec);
    // No resourceVersion: a blind write, never a conflict with the controller.
    QJsonObject metadata = object->value(QStringLiteral("metadata")).toObject();
    metadata.remove(QStringLiteral("resourceVersion"));
    object->insert(QStringLiteral("metadata"), metadata);
    store.update(type, *object, WriteScope::Spec);
}

const ResourceType &eventType()
{
    return *ResourceCatalog::find(QString(), QStringLiteral("events"));
}

// Deletes the Events first seen more than kEventTtlMs ago (real time: the virtual clock
// races during storms). firstSeen: "namespace/name" -> when this sweep first saw it.
void expireEvents(ObjectStore &store, QHash<QString, qint64> *firstSeen, qint64 nowMs)
{
    QHash<QString, qint64> seen;
    for (const QJsonObject &event : store.list(eventType())) {
        const QJsonObject meta = event.value(QStringLiteral("metadata")).toObject();
        const QString ns = meta.value(QStringLiteral("namespace")).toString();
        const QString name = meta.value(QStringLiteral("name")).toString();
        const QString key = ns + QLatin1Char('/') + name;
        const qint64 first = firstSeen->value(key, nowMs);
        if (nowMs - first > kEventTtlMs)
            store.remove(eventType(), ns, name);
        else
            seen.insert(key, first);
    }
    *firstSeen = std::move(seen);
}

FaultRule parseFault(const QList<QByteArray> &words, bool *ok)
{
    FaultRule rule;
    *ok = words.size() == 7;
    if (!*ok)
        return rule;
    const std::optional<FaultRule::Kind> kind
        = FaultRule::kindFromName(QString::fromLatin1(words.at(1)));
    *ok = kind.has_value();
    if (kind)
        rule.kind = *kind;
    rule.status = words.at(2).toInt();
    rule.retryAfterSeconds = words.at(3).toInt();
    rule.delayMs = words.at(4).toInt();
    rule.watchOnly = words.at(5) == "1";
    rule.everyNth = qMax(1, words.at(6).toInt());
    return rule;
}

} // namespace

int runSimChild(const SimChildOptions &options)
{
    std::signal(SIGPIPE, SIG_IGN);
    Scenario scenario;
    QString error;
    if (!Scenario::fromYaml(scenarioJson(options), QStringLiteral("soak"), &scenario, &error)) {
        std::fprintf(stderr, "soak sim: scenario: %s\n", qPrintable(error));
        return 2;
    }
    Simulator sim(scenario, SimulatorOptions());
    if (!sim.start(&error)) {
        std::fprintf(stderr, "soak sim: %s\n", qPrintable(error));
        return 1;
    }
    SimCluster *cluster = sim.clusters().first();
    cluster->server().setRecording(true);
    reply("ready " + QByteArray::number(cluster->port()) + ' ' + sim.caPem().toBase64());

    std::atomic<bool> running {true};
    std::atomic<bool> churn {true};
    std::atomic<qint64> stormUntilMs {0};
    std::mutex flushMutex; // one drain at a time: "flushed" follows every earlier "patch"
    const auto drain = [&] {
        std::lock_guard lock(flushMutex);
        // Every request is recorded; only PATCHes of Rollouts are kept, the rest is freed.
        for (const RecordedRequest &request : cluster->server().takeRecordedRequests()) {
            if (request.method == QLatin1String("PATCH")
                && request.path.contains(QLatin1String("/rollouts/")))
                reply("patch " + QByteArray::number(request.status) + ' ' + request.path.toUtf8());
        }
    };
    // Background: draining the recorder, the slow churn and the storm.
    std::thread worker([&] {
        int generation = 1;
        int next = 0;
        auto lastChurn = std::chrono::steady_clock::now();
        auto lastStormBump = lastChurn;
        auto lastSweep = lastChurn;
        QHash<QString, qint64> eventsFirstSeen;
        while (running) {
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            drain();
            const auto now = std::chrono::steady_clock::now();
            const qint64 nowMs
                = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch())
                      .count();
            const bool storming = nowMs < stormUntilMs;
            if (now - lastSweep >= std::chrono::seconds(10)) {
                lastSweep = now;
                expireEvents(cluster->store(), &eventsFirstSeen, nowMs);
            }
            if (storming && now - lastStormBump >= std::chrono::seconds(1)) {
                lastStormBump = now;
                ++generation;
                for (int i = 0; i < options.rollouts; ++i)
                    bumpImage(cluster->store(), kNamespaces.at(i % 2),
                              QStringLiteral("svc-%1").arg(i, 2, 10, QLatin1Char('0')), generation);
            } else if (!storming && sim.clock().speed() > 1.0) {
                sim.clock().setSpeed(1.0);
            }
            if (churn && now - lastChurn >= std::chrono::seconds(2)) {
                lastChurn = now;
                const int i = next++ % options.rollouts;
                bumpImage(cluster->store(), kNamespaces.at(i % 2),
                          QStringLiteral("svc-%1").arg(i, 2, 10, QLatin1Char('0')), ++generation);
            }
        }
    });

    std::string line;
    while (std::getline(std::cin, line)) {
        const QList<QByteArray> words = QByteArray::fromStdString(line).trimmed().split(' ');
        const QByteArray command = words.value(0);
        if (command == "fault") {
            bool ok = false;
            const FaultRule rule = parseFault(words, &ok);
            if (ok)
                cluster->faults().add(rule);
            else
                std::fprintf(stderr, "soak sim: bad fault: %s\n", line.c_str());
        } else if (command == "clear") {
            cluster->faults().clear();
        } else if (command == "bounce") {
            // A rule only meets requests that start after it; a load balancer's reset makes
            // the informers' long watches reconnect into it.
            cluster->server().stop();
            QString listenError;
            if (!cluster->server().listen(QStringLiteral("127.0.0.1"), options.port, &listenError))
                std::fprintf(stderr, "soak sim: listen again: %s\n", qPrintable(listenError));
        } else if (command == "storm") {
            const qint64 nowMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                                     std::chrono::steady_clock::now().time_since_epoch())
                                     .count();
            sim.clock().setSpeed(20.0);
            stormUntilMs = nowMs + words.value(1).toLongLong() * 1000;
        } else if (command == "churn") {
            churn = words.value(1) == "on";
        } else if (command == "freeze") {
            churn = false;
            stormUntilMs = 0;
            sim.clock().setFrozen(true);
        } else if (command == "flush") {
            drain();
            reply("flushed");
        } else if (command == "writes") {
            reply("writes " + QByteArray::number(cluster->store().resourceVersion()) + ' '
                  + QByteArray::number(cluster->store().list(eventType()).size()));
        }
    }
    running = false;
    worker.join();
    sim.stop();
    return 0;
}
