// SPDX-License-Identifier: GPL-3.0-or-later
#include "podlistgenerator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QJsonObject container(const QString &name, const QString &image, int port)
{
    return QJsonObject {
        {QStringLiteral("name"), name},
        {QStringLiteral("image"), image},
        {QStringLiteral("ports"),
         QJsonArray {QJsonObject {{QStringLiteral("containerPort"), port},
                                  {QStringLiteral("protocol"), QStringLiteral("TCP")}}}},
        {QStringLiteral("env"),
         QJsonArray {
             QJsonObject {{QStringLiteral("name"), QStringLiteral("LOG_LEVEL")},
                          {QStringLiteral("value"), QStringLiteral("info")}},
             QJsonObject {{QStringLiteral("name"), QStringLiteral("OTEL_EXPORTER_OTLP_ENDPOINT")},
                          {QStringLiteral("value"),
                           QStringLiteral("http://otel-collector.observability:4317")}}}},
        {QStringLiteral("resources"),
         QJsonObject {{QStringLiteral("limits"),
                       QJsonObject {{QStringLiteral("cpu"), QStringLiteral("500m")},
                                    {QStringLiteral("memory"), QStringLiteral("512Mi")}}},
                      {QStringLiteral("requests"),
                       QJsonObject {{QStringLiteral("cpu"), QStringLiteral("100m")},
                                    {QStringLiteral("memory"), QStringLiteral("128Mi")}}}}},
        {QStringLiteral("readinessProbe"),
         QJsonObject {{QStringLiteral("httpGet"),
                       QJsonObject {{QStringLiteral("path"), QStringLiteral("/healthz")},
                                    {QStringLiteral("port"), port}}},
                      {QStringLiteral("periodSeconds"), 10}}},
        {QStringLiteral("volumeMounts"),
         QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("kube-api-access")},
                                  {QStringLiteral("mountPath"),
                                   QStringLiteral("/var/run/secrets/kubernetes.io/serviceaccount")},
                                  {QStringLiteral("readOnly"), true}}}},
        {QStringLiteral("terminationMessagePath"), QStringLiteral("/dev/termination-log")},
        {QStringLiteral("imagePullPolicy"), QStringLiteral("IfNotPresent")}};
}

QJsonObject containerStatus(const QString &name, const QString &image, int restarts)
{
    return QJsonObject {
        {QStringLiteral("name"), name},
        {QStringLiteral("image"), image},
        {QStringLiteral("imageID"),
         QString(QStringLiteral("ghcr.io/acme/") + name
                 + QStringLiteral(
                     "@sha256:4f1c7d0e9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d"))},
        {QStringLiteral("ready"), true},
        {QStringLiteral("started"), true},
        {QStringLiteral("restartCount"), restarts},
        {QStringLiteral("containerID"),
         QStringLiteral(
             "containerd://8c5f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5")},
        {QStringLiteral("state"),
         QJsonObject {{QStringLiteral("running"),
                       QJsonObject {{QStringLiteral("startedAt"),
                                     QStringLiteral("2026-11-24T08:15:02Z")}}}}}};
}

QJsonObject condition(const char *type)
{
    return QJsonObject {
        {QStringLiteral("type"), QString::fromLatin1(type)},
        {QStringLiteral("status"), QStringLiteral("True")},
        {QStringLiteral("lastProbeTime"), QJsonValue::Null},
        {QStringLiteral("lastTransitionTime"), QStringLiteral("2026-11-24T08:15:04Z")}};
}

QJsonObject pod(int i)
{
    const QString app = QStringLiteral("service-%1").arg(i / 10);
    const QString hash = QStringLiteral("7d9f8c6b%1").arg(i % 7);
    const QString name = app + u'-' + hash + QStringLiteral("-x%1").arg(i, 5, 10, QLatin1Char('0'));
    const QString image = QStringLiteral("ghcr.io/acme/%1:1.%2.0").arg(app).arg(i % 9);
    return QJsonObject {
        {QStringLiteral("metadata"),
         QJsonObject {
             {QStringLiteral("name"), name},
             {QStringLiteral("generateName"), QString(app + u'-' + hash + u'-')},
             {QStringLiteral("namespace"), QStringLiteral("team-%1").arg(i % 40)},
             {QStringLiteral("uid"),
              QStringLiteral("0b6f5a2e-%1-4c1d-9e8f-7a6b5c4d3e2f").arg(i, 4, 16, QLatin1Char('0'))},
             {QStringLiteral("resourceVersion"), QString::number(100000 + i)},
             {QStringLiteral("creationTimestamp"), QStringLiteral("2026-11-24T08:15:00Z")},
             {QStringLiteral("labels"),
              QJsonObject {
                  {QStringLiteral("app"), app},
                  {QStringLiteral("rollouts-pod-template-hash"), hash},
                  {QStringLiteral("app.kubernetes.io/part-of"), QStringLiteral("storefront")}}},
             {QStringLiteral("annotations"),
              QJsonObject {{QStringLiteral("prometheus.io/scrape"), QStringLiteral("true")},
                           {QStringLiteral("prometheus.io/port"), QStringLiteral("9102")}}},
             {QStringLiteral("ownerReferences"),
              QJsonArray {QJsonObject {
                  {QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                  {QStringLiteral("kind"), QStringLiteral("ReplicaSet")},
                  {QStringLiteral("name"), QString(app + u'-' + hash)},
                  {QStringLiteral("uid"), QStringLiteral("5e4d3c2b-1a09-4f8e-8d7c-6b5a4f3e2d1c")},
                  {QStringLiteral("controller"), true},
                  {QStringLiteral("blockOwnerDeletion"), true}}}},
             {QStringLiteral("managedFields"),
              QJsonArray {QJsonObject {
                  {QStringLiteral("manager"), QStringLiteral("kube-controller-manager")},
                  {QStringLiteral("operation"), QStringLiteral("Update")},
                  {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                  {QStringLiteral("time"), QStringLiteral("2026-11-24T08:15:00Z")},
                  {QStringLiteral("fieldsType"), QStringLiteral("FieldsV1")},
                  {QStringLiteral("fieldsV1"),
                   QJsonObject {{QStringLiteral("f:metadata"),
                                 QJsonObject {{QStringLiteral("f:labels"),
                                               QJsonObject {{QStringLiteral("."), QJsonObject {}},
                                                            {QStringLiteral("f:app"),
                                                             QJsonObject {}}}}}}}}}}}}},
        {QStringLiteral("spec"),
         QJsonObject {{QStringLiteral("containers"),
                       QJsonArray {container(app, image, 8080),
                                   container(QStringLiteral("envoy"),
                                             QStringLiteral("envoyproxy/envoy:v1.31.2"), 9901)}},
                      {QStringLiteral("restartPolicy"), QStringLiteral("Always")},
                      {QStringLiteral("terminationGracePeriodSeconds"), 30},
                      {QStringLiteral("dnsPolicy"), QStringLiteral("ClusterFirst")},
                      {QStringLiteral("serviceAccountName"), app},
                      {QStringLiteral("nodeName"),
                       QStringLiteral("node-%1.eu-west-1.compute.internal").arg(i % 60)},
                      {QStringLiteral("schedulerName"), QStringLiteral("default-scheduler")}}},
        {QStringLiteral("status"),
         QJsonObject {
             {QStringLiteral("phase"), QStringLiteral("Running")},
             {QStringLiteral("conditions"),
              QJsonArray {condition("Initialized"), condition("Ready"),
                          condition("ContainersReady"), condition("PodScheduled")}},
             {QStringLiteral("hostIP"), QStringLiteral("10.0.%1.%2").arg(i % 60).arg(i % 250)},
             {QStringLiteral("podIP"), QStringLiteral("10.244.%1.%2").arg(i % 200).arg(i % 250)},
             {QStringLiteral("startTime"), QStringLiteral("2026-11-24T08:15:00Z")},
             {QStringLiteral("qosClass"), QStringLiteral("Burstable")},
             {QStringLiteral("containerStatuses"),
              QJsonArray {containerStatus(app, image, i % 3),
                          containerStatus(QStringLiteral("envoy"),
                                          QStringLiteral("envoyproxy/envoy:v1.31.2"), 0)}}}}};
}

} // namespace

QByteArray generatePodList(int pods)
{
    QJsonArray items;
    for (int i = 0; i < pods; ++i)
        items.append(pod(i));
    const QJsonObject list {
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("PodList")},
        {QStringLiteral("metadata"),
         QJsonObject {{QStringLiteral("resourceVersion"), QStringLiteral("123456")}}},
        {QStringLiteral("items"), items}};
    return QJsonDocument(list).toJson(QJsonDocument::Compact);
}
