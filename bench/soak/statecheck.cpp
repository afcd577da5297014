// SPDX-License-Identifier: GPL-3.0-or-later
#include "statecheck.h"

#include "clusterconnection.h"
#include "fleetmodel.h"
#include "jsondecoder.h"
#include "kubeclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

constexpr int kMaxDifferences = 12;

struct Listed
{
    QList<QByteArray> pages;
    QList<QJsonObject> items;
    QString error;
};

Listed listAll(KubeClient &client, const QString &path, const QString &selector)
{
    Listed out;
    KubeListOptions options;
    options.labelSelector = selector;
    KubeListResult result = client.list(path, options);
    if (!result.isOk()) {
        out.error = result.error.message;
        return out;
    }
    out.pages = result.pages;
    for (const QByteArray &page : std::as_const(result.pages)) {
        const QJsonArray items
            = QJsonDocument::fromJson(page).object().value(QStringLiteral("items")).toArray();
        for (const QJsonValue &item : items)
            out.items.append(item.toObject());
    }
    return out;
}

QString keyOf(const QJsonObject &object)
{
    const QJsonObject meta = object.value(QStringLiteral("metadata")).toObject();
    return meta.value(QStringLiteral("namespace")).toString() + QLatin1Char('/')
        + meta.value(QStringLiteral("name")).toString();
}

QString field(const QJsonObject &object, const QString &dotted)
{
    QJsonValue value = object;
    for (const QString &part : dotted.split(QLatin1Char('.')))
        value = value.toObject().value(part);
    return value.isDouble() ? QString::number(value.toInteger())
        : value.isBool()    ? (value.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                            : value.toString();
}

QString controllerUid(const QJsonObject &object)
{
    const QJsonArray owners = object.value(QStringLiteral("metadata"))
                                  .toObject()
                                  .value(QStringLiteral("ownerReferences"))
                                  .toArray();
    for (const QJsonValue &owner : owners) {
        if (owner.toObject().value(QStringLiteral("controller")).toBool())
            return owner.toObject().value(QStringLiteral("uid")).toString();
    }
    return QString();
}

template<typename T> QList<T> decodePages(const QList<QByteArray> &pages)
{
    QList<T> items;
    for (const QByteArray &page : pages)
        items.append(decodeList<T>(page).items);
    return items;
}

} // namespace

StateCheck::Result StateCheck::compare(const Kubeconfig &kubeconfig, const QString &context,
                                       const QString &environment, const FleetModel &model)
{
    Result result;
    const auto differ = [&result](const QString &text) {
        if (result.differences.size() < kMaxDifferences)
            result.differences.append(text);
        else if (result.differences.size() == kMaxDifferences)
            result.differences.append(QStringLiteral("…"));
    };
    ClusterConnection connection;
    QString error;
    if (!ClusterConnection::resolve(kubeconfig, context, &connection, &error)) {
        differ(error);
        return result;
    }
    KubeClient client(connection);
    const QString selector = QStringLiteral("rollouts-pod-template-hash");
    const Listed rollouts
        = listAll(client,
                  KubePath::resource(QStringLiteral("argoproj.io"), QStringLiteral("v1alpha1"),
                                     QStringLiteral("rollouts")),
                  QString());
    const Listed replicaSets
        = listAll(client,
                  KubePath::resource(QStringLiteral("apps"), QStringLiteral("v1"),
                                     QStringLiteral("replicasets")),
                  selector);
    const Listed pods = listAll(
        client, KubePath::resource(QString(), QStringLiteral("v1"), QStringLiteral("pods")),
        selector);
    for (const Listed *listed : {&rollouts, &replicaSets, &pods}) {
        if (!listed->error.isEmpty()) {
            differ(QStringLiteral("independent list failed: %1").arg(listed->error));
            return result;
        }
    }

    // uid -> resourceVersion of the ReplicaSets of each Rollout, and of their pods.
    QHash<QString, QMap<QString, QString>> serverReplicaSets; // rollout uid -> rs uid -> rv
    QHash<QString, QString> rolloutOfReplicaSet; // rs uid -> rollout uid
    for (const QJsonObject &rs : replicaSets.items) {
        const QString owner = controllerUid(rs);
        serverReplicaSets[owner].insert(field(rs, QStringLiteral("metadata.uid")),
                                        field(rs, QStringLiteral("metadata.resourceVersion")));
        rolloutOfReplicaSet.insert(field(rs, QStringLiteral("metadata.uid")), owner);
    }
    QHash<QString, QMap<QString, QString>> serverPods; // rollout uid -> pod uid -> rv
    QHash<QString, QString> podNames; // uid -> name, for the report
    for (const QJsonObject &pod : pods.items) {
        const QString rollout = rolloutOfReplicaSet.value(controllerUid(pod));
        podNames.insert(field(pod, QStringLiteral("metadata.uid")),
                        field(pod, QStringLiteral("metadata.name")));
        if (!rollout.isEmpty())
            serverPods[rollout].insert(field(pod, QStringLiteral("metadata.uid")),
                                       field(pod, QStringLiteral("metadata.resourceVersion")));
    }

    // The reference: the same objects, decoded, in a model of their own.
    FleetModel reference;
    EnvironmentSpec spec;
    spec.name = environment;
    reference.setEnvironments({spec});
    WorkloadDeltaBatch batch;
    batch.reset = true;
    batch.upserts<Rollout>() = decodePages<Rollout>(rollouts.pages);
    batch.upserts<ReplicaSet>() = decodePages<ReplicaSet>(replicaSets.pages);
    batch.upserts<Pod>() = decodePages<Pod>(pods.pages);
    reference.applyBatch(environment, batch);
    QHash<QString, Rollout> decoded;
    for (const Rollout &rollout : std::as_const(batch.upserts<Rollout>()))
        decoded.insert(rollout.metadata.namespaceName + QLatin1Char('/') + rollout.metadata.name,
                       rollout);

    QSet<QString> seen;
    for (const QJsonObject &object : rollouts.items) {
        const QString key = keyOf(object);
        const QString ns = key.section(QLatin1Char('/'), 0, 0);
        const QString name = key.section(QLatin1Char('/'), 1);
        seen.insert(key);
        ++result.rollouts;
        const QModelIndex index = model.indexOf(environment, FleetRow::Kind::Rollout, ns, name);
        const std::shared_ptr<const Rollout> shown
            = index.isValid() ? model.rolloutAt(index.row()) : nullptr;
        if (!shown) {
            differ(QStringLiteral("%1 %2: on the server, not in the model").arg(environment, key));
            continue;
        }
        // Raw fields, read without the app's decoder.
        QStringList images;
        for (const QJsonValue &c : object.value(QStringLiteral("spec"))
                                       .toObject()
                                       .value(QStringLiteral("template"))
                                       .toObject()
                                       .value(QStringLiteral("spec"))
                                       .toObject()
                                       .value(QStringLiteral("containers"))
                                       .toArray())
            images.append(c.toObject().value(QStringLiteral("image")).toString());
        QStringList shownImages;
        for (const ContainerSpec &c : shown->spec.podTemplate.containers)
            shownImages.append(c.image);
        const QString step = field(object, QStringLiteral("status.currentStepIndex"));
        const QString shownStep = shown->status.currentStepIndex
            ? QString::number(*shown->status.currentStepIndex)
            : QString();
        const QStringList raw {
            field(object, QStringLiteral("metadata.uid")),
            field(object, QStringLiteral("metadata.resourceVersion")),
            field(object, QStringLiteral("status.phase")),
            step,
            field(object, QStringLiteral("spec.paused")) == QLatin1String("true")
                ? QStringLiteral("paused")
                : QStringLiteral("running"),
            images.join(QLatin1Char(',')),
        };
        const QStringList mine {
            shown->metadata.uid,
            shown->metadata.resourceVersion,
            shown->status.phase,
            shownStep,
            shown->spec.paused ? QStringLiteral("paused") : QStringLiteral("running"),
            shownImages.join(QLatin1Char(',')),
        };
        if (raw != mine) {
            differ(QStringLiteral("%1 %2: server [%3], model [%4]")
                       .arg(environment, key, raw.join(QLatin1Char(' ')),
                            mine.join(QLatin1Char(' '))));
            continue;
        }
        if (decoded.value(key) != *shown)
            differ(QStringLiteral("%1 %2: same resourceVersion, different decoded Rollout")
                       .arg(environment, key));
        // What the user reads: the derived columns and the phase.
        const QModelIndex ref = reference.indexOf(environment, FleetRow::Kind::Rollout, ns, name);
        for (int column :
             {FleetModel::StrategyColumn, FleetModel::StepColumn, FleetModel::WeightColumn,
              FleetModel::RevisionColumn, FleetModel::ImagesColumn, FleetModel::ReplicasColumn}) {
            const QString a = model.index(index.row(), column).data().toString();
            const QString b = reference.index(ref.row(), column).data().toString();
            if (a != b)
                differ(QStringLiteral("%1 %2 column %3: server \"%4\", model \"%5\"")
                           .arg(environment, key)
                           .arg(column)
                           .arg(b, a));
        }
        if (model.index(index.row(), 0).data(FleetModel::PhaseRole)
            != reference.index(ref.row(), 0).data(FleetModel::PhaseRole))
            differ(QStringLiteral("%1 %2: phase differs").arg(environment, key));
        // ReplicaSets and pods of the Rollout, by uid and resourceVersion.
        const QString uid = shown->metadata.uid;
        QMap<QString, QString> shownSets;
        for (const ReplicaSet &rs : model.store().environment(environment)->replicaSetsOf(uid))
            shownSets.insert(rs.metadata.uid, rs.metadata.resourceVersion);
        if (shownSets != serverReplicaSets.value(uid))
            differ(QStringLiteral("%1 %2: ReplicaSets differ (server %3, model %4)")
                       .arg(environment, key)
                       .arg(serverReplicaSets.value(uid).size())
                       .arg(shownSets.size()));
        result.replicaSets += int(shownSets.size());
        const RolloutDetail detail = model.store().rolloutDetail(environment, uid);
        QMap<QString, QString> shownPods;
        for (const QList<Pod> &list : detail.podsByReplicaSetUid) {
            for (const Pod &pod : list)
                shownPods.insert(pod.metadata.uid, pod.metadata.resourceVersion);
        }
        if (shownPods != serverPods.value(uid)) {
            QStringList missing; // on the server, not in the model: name uid@resourceVersion
            const QMap<QString, QString> server = serverPods.value(uid);
            for (auto it = server.cbegin(); it != server.cend(); ++it) {
                if (shownPods.value(it.key()) != it.value())
                    missing.append(
                        QStringLiteral("%1 %2@%3")
                            .arg(podNames.value(it.key()), it.key().left(8), it.value()));
            }
            differ(QStringLiteral("%1 %2: pods differ (server %3, model %4; not shown: %5)")
                       .arg(environment, key)
                       .arg(server.size())
                       .arg(shownPods.size())
                       .arg(missing.join(QStringLiteral(", "))));
        }
        result.pods += int(shownPods.size());
    }
    for (int row = 0; row < model.rowCount(); ++row) {
        const std::shared_ptr<const Rollout> rollout = model.rolloutAt(row);
        if (!rollout
            || model.index(row, 0).data(FleetModel::EnvironmentRole).toString() != environment)
            continue;
        const QString key
            = rollout->metadata.namespaceName + QLatin1Char('/') + rollout->metadata.name;
        if (!seen.contains(key))
            differ(
                QStringLiteral("%1 %2: in the model, gone from the server").arg(environment, key));
    }
    result.ok = result.differences.isEmpty();
    return result;
}
