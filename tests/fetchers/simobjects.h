// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The objects fetcher tests write into the simulator's store, as JSON: Rollouts,
// ReplicaSets, Deployments, pods, AnalysisRuns and Events, and their resource types.

#include "core/resourcecatalog.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

struct SimObjects
{
    static const rdsim::ResourceType &rollouts()
    {
        return *rdsim::ResourceCatalog::find(QStringLiteral("argoproj.io"),
                                             QStringLiteral("rollouts"));
    }
    static const rdsim::ResourceType &replicaSets()
    {
        return *rdsim::ResourceCatalog::find(QStringLiteral("apps"), QStringLiteral("replicasets"));
    }
    static const rdsim::ResourceType &deployments()
    {
        return *rdsim::ResourceCatalog::find(QStringLiteral("apps"), QStringLiteral("deployments"));
    }

    static const rdsim::ResourceType &pods()
    {
        return *rdsim::ResourceCatalog::find(QString(), QStringLiteral("pods"));
    }
    static const rdsim::ResourceType &analysisRuns()
    {
        return *rdsim::ResourceCatalog::find(QStringLiteral("argoproj.io"),
                                             QStringLiteral("analysisruns"));
    }
    static const rdsim::ResourceType &events()
    {
        return *rdsim::ResourceCatalog::find(QString(), QStringLiteral("events"));
    }

    static QJsonObject podTemplate(const QString &image)
    {
        return QJsonObject {
            {QStringLiteral("metadata"),
             QJsonObject {{QStringLiteral("labels"),
                           QJsonObject {{QStringLiteral("app"), QStringLiteral("x")}}}}},
            {QStringLiteral("spec"),
             QJsonObject {{QStringLiteral("containers"),
                           QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("app")},
                                                    {QStringLiteral("image"), image}}}}}}};
    }

    static QJsonObject rollout(const QString &ns, const QString &name,
                               const QString &phase = QStringLiteral("Healthy"),
                               const QString &image = QStringLiteral("registry/app:1"))
    {
        const QJsonObject steps {
            {QStringLiteral("steps"),
             QJsonArray {QJsonObject {{QStringLiteral("setWeight"), 20}},
                         QJsonObject {{QStringLiteral("pause"), QJsonObject()}}}}};
        return QJsonObject {
            {QStringLiteral("apiVersion"), QStringLiteral("argoproj.io/v1alpha1")},
            {QStringLiteral("kind"), QStringLiteral("Rollout")},
            {QStringLiteral("metadata"),
             QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("namespace"), ns}}},
            {QStringLiteral("spec"),
             QJsonObject {
                 {QStringLiteral("replicas"), 3},
                 {QStringLiteral("selector"),
                  QJsonObject {{QStringLiteral("matchLabels"),
                                QJsonObject {{QStringLiteral("app"), QStringLiteral("x")}}}}},
                 {QStringLiteral("template"), podTemplate(image)},
                 {QStringLiteral("strategy"), QJsonObject {{QStringLiteral("canary"), steps}}}}},
            {QStringLiteral("status"),
             QJsonObject {{QStringLiteral("phase"), phase},
                          {QStringLiteral("observedGeneration"), QStringLiteral("1")},
                          {QStringLiteral("currentStepIndex"), 2},
                          {QStringLiteral("replicas"), 3},
                          {QStringLiteral("updatedReplicas"), 3},
                          {QStringLiteral("readyReplicas"), 3},
                          {QStringLiteral("availableReplicas"), 3}}}};
    }

    static QJsonObject replicaSet(const QString &ns, const QString &name, const QString &hash)
    {
        return QJsonObject {
            {QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
            {QStringLiteral("kind"), QStringLiteral("ReplicaSet")},
            {QStringLiteral("metadata"),
             QJsonObject {{QStringLiteral("name"), name},
                          {QStringLiteral("namespace"), ns},
                          {QStringLiteral("labels"),
                           QJsonObject {{QStringLiteral("rollouts-pod-template-hash"), hash}}}}},
            {QStringLiteral("spec"),
             QJsonObject {{QStringLiteral("replicas"), 1},
                          {QStringLiteral("template"), podTemplate(QStringLiteral("a:1"))}}},
            {QStringLiteral("status"), QJsonObject {{QStringLiteral("replicas"), 1}}}};
    }

    // A ReplicaSet of a plain Deployment: the informer's label selector leaves it out.
    static QJsonObject plainReplicaSet(const QString &ns, const QString &name)
    {
        QJsonObject rs = replicaSet(ns, name, QString());
        QJsonObject meta = rs.value(QStringLiteral("metadata")).toObject();
        meta.insert(QStringLiteral("labels"),
                    QJsonObject {{QStringLiteral("pod-template-hash"), QStringLiteral("abc")}});
        rs.insert(QStringLiteral("metadata"), meta);
        return rs;
    }

    static QJsonObject deployment(const QString &ns, const QString &name)
    {
        return QJsonObject {
            {QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
            {QStringLiteral("kind"), QStringLiteral("Deployment")},
            {QStringLiteral("metadata"),
             QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("namespace"), ns}}},
            {QStringLiteral("spec"),
             QJsonObject {{QStringLiteral("replicas"), 2},
                          {QStringLiteral("template"), podTemplate(QStringLiteral("d:1"))}}}};
    }

    // A pod with the rollouts-pod-template-hash label (hash empty: a Deployment's pod,
    // which the informer's label selector leaves out).
    static QJsonObject pod(const QString &ns, const QString &name, const QString &hash)
    {
        QJsonObject labels {{QStringLiteral("app"), QStringLiteral("x")}};
        if (!hash.isEmpty())
            labels.insert(QStringLiteral("rollouts-pod-template-hash"), hash);
        return QJsonObject {
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Pod")},
            {QStringLiteral("metadata"),
             QJsonObject {{QStringLiteral("name"), name},
                          {QStringLiteral("namespace"), ns},
                          {QStringLiteral("labels"), labels}}},
            {QStringLiteral("spec"),
             QJsonObject {
                 {QStringLiteral("containers"),
                  QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("app")},
                                           {QStringLiteral("image"), QStringLiteral("a:1")}}}}}},
            {QStringLiteral("status"),
             QJsonObject {{QStringLiteral("phase"), QStringLiteral("Running")}}}};
    }

    static QJsonObject analysisRun(const QString &ns, const QString &name)
    {
        return QJsonObject {
            {QStringLiteral("apiVersion"), QStringLiteral("argoproj.io/v1alpha1")},
            {QStringLiteral("kind"), QStringLiteral("AnalysisRun")},
            {QStringLiteral("metadata"),
             QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("namespace"), ns}}},
            {QStringLiteral("spec"), QJsonObject {{QStringLiteral("metrics"), QJsonArray()}}},
            {QStringLiteral("status"),
             QJsonObject {{QStringLiteral("phase"), QStringLiteral("Running")}}}};
    }

    // An Event about the object of that kind and name (uid as given).
    static QJsonObject event(const QString &ns, const QString &name, const QString &kind,
                             const QString &object, const QString &uid = QString())
    {
        return QJsonObject {
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Event")},
            {QStringLiteral("metadata"),
             QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("namespace"), ns}}},
            {QStringLiteral("involvedObject"),
             QJsonObject {{QStringLiteral("kind"), kind},
                          {QStringLiteral("namespace"), ns},
                          {QStringLiteral("name"), object},
                          {QStringLiteral("uid"), uid}}},
            {QStringLiteral("reason"), QStringLiteral("Test")},
            {QStringLiteral("message"), QString(QStringLiteral("about ") + object)},
            {QStringLiteral("type"), QStringLiteral("Normal")},
            {QStringLiteral("count"), 1}};
    }
};
