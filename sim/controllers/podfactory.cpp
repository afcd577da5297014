// SPDX-License-Identifier: GPL-3.0-or-later
#include "podfactory.h"

#include "jsonutil.h"

#include "core/virtualclock.h"

#include <QCryptographicHash>
#include <QJsonArray>

namespace rdsim {

namespace {

const QString kNodeName = QStringLiteral("sim-node-1");
const QString kHostIp = QStringLiteral("192.168.49.2");

QJsonObject condition(const char *type, bool status, const QString &time,
                      const char *reason = nullptr)
{
    QJsonObject c {
        {QStringLiteral("type"), QString::fromLatin1(type)},
        {QStringLiteral("status"), status ? QStringLiteral("True") : QStringLiteral("False")},
        {QStringLiteral("lastProbeTime"), QJsonValue::Null},
        {QStringLiteral("lastTransitionTime"), time}};
    if (reason)
        c.insert(QStringLiteral("reason"), QString::fromLatin1(reason));
    return c;
}

QString sha256Hex(const QString &text, int length = 64)
{
    return QString::fromLatin1(
               QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex())
        .left(length);
}

// What a container runtime reports as imageID: the fully qualified repository and a digest.
QString imageId(const QString &image)
{
    QString repository = image;
    const int at = repository.indexOf(u'@');
    if (at >= 0)
        repository.truncate(at);
    const int colon = repository.lastIndexOf(u':');
    if (colon > repository.lastIndexOf(u'/'))
        repository.truncate(colon);
    const QString first = repository.section(u'/', 0, 0);
    const bool hasRegistry = repository.contains(u'/')
        && (first.contains(u'.') || first.contains(u':') || first == QLatin1String("localhost"));
    if (!hasRegistry)
        repository = QStringLiteral("docker.io/")
            + (repository.contains(u'/') ? repository : QStringLiteral("library/") + repository);
    return repository + QStringLiteral("@sha256:") + sha256Hex(image);
}

// Fills the defaults the API server and admission add to every container.
QJsonObject defaultedContainer(QJsonObject container)
{
    const QString image = container.value(QLatin1String("image")).toString();
    if (!container.contains(QLatin1String("imagePullPolicy"))) {
        const bool latest = !image.contains(u':') || image.endsWith(QLatin1String(":latest"));
        container.insert(QStringLiteral("imagePullPolicy"),
                         latest ? QStringLiteral("Always") : QStringLiteral("IfNotPresent"));
    }
    if (!container.contains(QLatin1String("resources")))
        container.insert(QStringLiteral("resources"), QJsonObject());
    if (!container.contains(QLatin1String("terminationMessagePath")))
        container.insert(QStringLiteral("terminationMessagePath"),
                         QStringLiteral("/dev/termination-log"));
    if (!container.contains(QLatin1String("terminationMessagePolicy")))
        container.insert(QStringLiteral("terminationMessagePolicy"), QStringLiteral("File"));
    return container;
}

QJsonArray defaultedContainers(const QJsonArray &containers)
{
    QJsonArray out;
    for (const QJsonValue &c : containers)
        out.append(defaultedContainer(c.toObject()));
    return out;
}

QJsonObject containerStatus(const QJsonObject &container, const QString &podName, bool running,
                            const QString &startedAt, bool ready = true)
{
    const QString name = container.value(QLatin1String("name")).toString();
    const QString image = container.value(QLatin1String("image")).toString();
    QJsonObject status {{QStringLiteral("name"), name},
                        {QStringLiteral("image"), image},
                        {QStringLiteral("imageID"), running ? imageId(image) : QString()},
                        {QStringLiteral("ready"), running && ready},
                        {QStringLiteral("restartCount"), 0},
                        {QStringLiteral("started"), running},
                        {QStringLiteral("lastState"), QJsonObject()}};
    if (running) {
        status.insert(QStringLiteral("containerID"),
                      QString(QStringLiteral("containerd://") + sha256Hex(podName + u'/' + name)));
        status.insert(QStringLiteral("state"),
                      QJsonObject {{QStringLiteral("running"),
                                    QJsonObject {{QStringLiteral("startedAt"), startedAt}}}});
    } else {
        status.insert(QStringLiteral("state"),
                      QJsonObject {{QStringLiteral("waiting"),
                                    QJsonObject {{QStringLiteral("reason"),
                                                  QStringLiteral("ContainerCreating")}}}});
    }
    return status;
}

QJsonObject initStatus(const QJsonObject &container, const QString &podName, const QString &time)
{
    const QString name = container.value(QLatin1String("name")).toString();
    const QString image = container.value(QLatin1String("image")).toString();
    const QJsonObject terminated {
        {QStringLiteral("exitCode"), 0},
        {QStringLiteral("reason"), QStringLiteral("Completed")},
        {QStringLiteral("startedAt"), time},
        {QStringLiteral("finishedAt"), time},
        {QStringLiteral("containerID"),
         QString(QStringLiteral("containerd://") + sha256Hex(podName + u'/' + name))}};
    return QJsonObject {
        {QStringLiteral("name"), name},
        {QStringLiteral("image"), image},
        {QStringLiteral("imageID"), imageId(image)},
        {QStringLiteral("ready"), true},
        {QStringLiteral("restartCount"), 0},
        {QStringLiteral("started"), false},
        {QStringLiteral("lastState"), QJsonObject()},
        {QStringLiteral("state"), QJsonObject {{QStringLiteral("terminated"), terminated}}}};
}

} // namespace

QString PodFactory::nextPodIp()
{
    const int n = m_ipCounter++;
    return QStringLiteral("10.244.%1.%2").arg((n / 250) % 250).arg(n % 250 + 2);
}

QJsonObject PodFactory::newPod(const QJsonObject &rs, const QString &suffix, const QString &now)
{
    const QJsonObject podTemplate = JsonUtil::objectAt(rs, "spec.template");
    const QString rsName = JsonUtil::name(rs);
    const QString podName = rsName + u'-' + suffix;

    QJsonObject metadata {
        {QStringLiteral("name"), podName},
        {QStringLiteral("generateName"), QString(rsName + u'-')},
        {QStringLiteral("namespace"), JsonUtil::nameSpace(rs)},
        {QStringLiteral("ownerReferences"), QJsonArray {JsonUtil::controllerRef(rs)}}};
    const QJsonObject templateMeta = podTemplate.value(QLatin1String("metadata")).toObject();
    if (templateMeta.contains(QLatin1String("labels")))
        metadata.insert(QStringLiteral("labels"), templateMeta.value(QLatin1String("labels")));
    if (templateMeta.contains(QLatin1String("annotations")))
        metadata.insert(QStringLiteral("annotations"),
                        templateMeta.value(QLatin1String("annotations")));

    QJsonObject spec = podTemplate.value(QLatin1String("spec")).toObject();
    spec.insert(QStringLiteral("containers"),
                defaultedContainers(spec.value(QLatin1String("containers")).toArray()));
    if (spec.contains(QLatin1String("initContainers")))
        spec.insert(QStringLiteral("initContainers"),
                    defaultedContainers(spec.value(QLatin1String("initContainers")).toArray()));
    spec.insert(QStringLiteral("nodeName"), kNodeName);
    const std::pair<const char *, QJsonValue> defaults[] = {
        {"restartPolicy", QStringLiteral("Always")},
        {"dnsPolicy", QStringLiteral("ClusterFirst")},
        {"schedulerName", QStringLiteral("default-scheduler")},
        {"terminationGracePeriodSeconds", 30},
        {"serviceAccountName", QStringLiteral("default")},
        {"serviceAccount", QStringLiteral("default")},
        {"securityContext", QJsonObject()},
        {"enableServiceLinks", true},
        {"priority", 0},
        {"preemptionPolicy", QStringLiteral("PreemptLowerPriority")},
    };
    for (const auto &[key, value] : defaults) {
        if (!spec.contains(QLatin1String(key)))
            spec.insert(QLatin1String(key), value);
    }

    QJsonArray containerStatuses;
    for (const QJsonValue &c : spec.value(QLatin1String("containers")).toArray())
        containerStatuses.append(containerStatus(c.toObject(), podName, false, now));
    QJsonObject status {
        {QStringLiteral("phase"), QStringLiteral("Pending")},
        {QStringLiteral("conditions"),
         QJsonArray {condition("Initialized", true, now),
                     condition("Ready", false, now, "ContainersNotReady"),
                     condition("ContainersReady", false, now, "ContainersNotReady"),
                     condition("PodScheduled", true, now)}},
        {QStringLiteral("hostIP"), kHostIp},
        {QStringLiteral("hostIPs"), QJsonArray {QJsonObject {{QStringLiteral("ip"), kHostIp}}}},
        {QStringLiteral("startTime"), now},
        {QStringLiteral("containerStatuses"), containerStatuses},
        {QStringLiteral("qosClass"), qosClass(spec)}};
    QJsonObject pod {{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                     {QStringLiteral("kind"), QStringLiteral("Pod")},
                     {QStringLiteral("metadata"), metadata},
                     {QStringLiteral("spec"), spec},
                     {QStringLiteral("status"), status}};
    return pod;
}

QJsonObject PodFactory::started(const QJsonObject &pod, const QString &now)
{
    const QString podName = JsonUtil::name(pod);
    const QJsonObject spec = pod.value(QLatin1String("spec")).toObject();
    QJsonObject status = pod.value(QLatin1String("status")).toObject();
    const QString scheduledAt = status.value(QLatin1String("startTime")).toString();
    QJsonArray containerStatuses;
    // A scenario's way to ship a broken release: the containers run, but their readiness
    // probe never succeeds.
    const bool ready = JsonUtil::annotation(pod, QStringLiteral("rd-sim.dev/never-ready"))
        != QLatin1String("true");
    for (const QJsonValue &c : spec.value(QLatin1String("containers")).toArray())
        containerStatuses.append(containerStatus(c.toObject(), podName, true, now, ready));
    status.insert(QStringLiteral("phase"), QStringLiteral("Running"));
    const char *notReady = ready ? nullptr : "ContainersNotReady";
    status.insert(QStringLiteral("conditions"),
                  QJsonArray {condition("Initialized", true, scheduledAt),
                              condition("Ready", ready, now, notReady),
                              condition("ContainersReady", ready, now, notReady),
                              condition("PodScheduled", true, scheduledAt)});
    status.insert(QStringLiteral("containerStatuses"), containerStatuses);
    if (spec.contains(QLatin1String("initContainers"))) {
        QJsonArray initStatuses;
        for (const QJsonValue &c : spec.value(QLatin1String("initContainers")).toArray())
            initStatuses.append(initStatus(c.toObject(), podName, scheduledAt));
        status.insert(QStringLiteral("initContainerStatuses"), initStatuses);
    }
    const QString ip = nextPodIp();
    status.insert(QStringLiteral("podIP"), ip);
    status.insert(QStringLiteral("podIPs"), QJsonArray {QJsonObject {{QStringLiteral("ip"), ip}}});
    QJsonObject out = pod;
    out.insert(QStringLiteral("status"), status);
    return out;
}

namespace {

QJsonObject readyCondition(const QJsonObject &pod)
{
    const QJsonArray conditions = JsonUtil::arrayAt(pod, "status.conditions");
    for (const QJsonValue &value : conditions) {
        const QJsonObject c = value.toObject();
        if (c.value(QLatin1String("type")).toString() == QLatin1String("Ready"))
            return c;
    }
    return {};
}

} // namespace

QString PodFactory::nameSuffix(std::mt19937 &random)
{
    static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    std::uniform_int_distribution<int> pick(0, int(sizeof(alphabet)) - 2);
    QString suffix;
    for (int i = 0; i < 5; ++i)
        suffix += QLatin1Char(alphabet[pick(random)]);
    return suffix;
}

bool PodFactory::isReady(const QJsonObject &pod)
{
    return readyCondition(pod).value(QLatin1String("status")).toString() == QLatin1String("True");
}

qint64 PodFactory::readySinceMs(const QJsonObject &pod)
{
    const QJsonObject c = readyCondition(pod);
    if (c.value(QLatin1String("status")).toString() != QLatin1String("True"))
        return -1;
    const qint64 since
        = VirtualClock::fromRfc3339(c.value(QLatin1String("lastTransitionTime")).toString());
    return since < 0 ? 0 : since;
}

QString PodFactory::qosClass(const QJsonObject &podSpec)
{
    bool anyResources = false;
    bool guaranteed = true;
    for (const QJsonValue &value : podSpec.value(QLatin1String("containers")).toArray()) {
        const QJsonObject resources = value.toObject().value(QLatin1String("resources")).toObject();
        const QJsonObject requests = resources.value(QLatin1String("requests")).toObject();
        const QJsonObject limits = resources.value(QLatin1String("limits")).toObject();
        if (!requests.isEmpty() || !limits.isEmpty())
            anyResources = true;
        for (const char *resource : {"cpu", "memory"}) {
            const QJsonValue limit = limits.value(QLatin1String(resource));
            const QJsonValue request = requests.value(QLatin1String(resource));
            if (limit.isUndefined() || (!request.isUndefined() && request != limit))
                guaranteed = false;
        }
    }
    if (!anyResources)
        return QStringLiteral("BestEffort");
    return guaranteed ? QStringLiteral("Guaranteed") : QStringLiteral("Burstable");
}

} // namespace rdsim
