// SPDX-License-Identifier: GPL-3.0-or-later
#include "simreportcontroller.h"

#include "simkyverno.h"
#include "simtrivyscanner.h"

#include "controllers/jsonutil.h"
#include "controllers/kinds.h"
#include "core/objectstore.h"
#include "core/resourcecatalog.h"
#include "core/virtualclock.h"

#include <QSet>

namespace rdsim {

namespace {

const ResourceType &reportType(const char *group, const char *plural)
{
    const ResourceType *type
        = ResourceCatalog::find(QString::fromLatin1(group), QString::fromLatin1(plural));
    Q_ASSERT(type);
    return *type;
}

const ResourceType &vulnerabilityReports()
{
    static const ResourceType &t = reportType("aquasecurity.github.io", "vulnerabilityreports");
    return t;
}

const ResourceType &configAuditReports()
{
    static const ResourceType &t = reportType("aquasecurity.github.io", "configauditreports");
    return t;
}

const ResourceType &policyReports()
{
    static const ResourceType &t = reportType("wgpolicyk8s.io", "policyreports");
    return t;
}

bool familyServed(const char *family, const QStringList &unservedKinds)
{
    for (const ResourceType &type : ResourceCatalog::all()) {
        if (type.family == QLatin1String(family) && unservedKinds.contains(type.key()))
            return false;
    }
    return true;
}

// Removes the reports of `type` whose owner (by uid) is gone, as the garbage collector
// removes dependents; `managedBy` limits it to the writer's own reports.
void collectOrphans(ObjectStore &store, const ResourceType &type, const QSet<QString> &liveUids,
                    const QString &managedBy)
{
    for (const QJsonObject &report : store.list(type)) {
        if (JsonUtil::label(report, QStringLiteral("app.kubernetes.io/managed-by")) != managedBy)
            continue;
        const QJsonArray owners = JsonUtil::arrayAt(report, "metadata.ownerReferences");
        const QString uid = owners.first().toObject().value(QStringLiteral("uid")).toString();
        if (!liveUids.contains(uid))
            store.remove(type, JsonUtil::nameSpace(report), JsonUtil::name(report));
    }
}

} // namespace

SimReportController::SimReportController(ObjectStore &store, VirtualClock &clock,
                                         QList<ImageScan> scans, const QStringList &unservedKinds) :
    m_store(store),
    m_clock(clock),
    m_scans(std::move(scans)),
    m_trivy(familyServed("trivy", unservedKinds)),
    m_kyverno(familyServed("policyReports", unservedKinds))
{ }

void SimReportController::reconcile()
{
    if (m_store.changeCount() == m_seenChangeCount)
        return;
    if (m_trivy)
        scanReplicaSets();
    if (m_kyverno)
        reportPolicies();
    m_seenChangeCount = m_store.changeCount();
}

void SimReportController::scanReplicaSets()
{
    const QString now = m_clock.nowRfc3339();
    const QString kind = QStringLiteral("ReplicaSet");
    QSet<QString> live;
    for (const QJsonObject &rs : m_store.list(Kinds::replicaSets())) {
        live.insert(JsonUtil::uid(rs));
        const QString ns = JsonUtil::nameSpace(rs);
        const QString auditName = QStringLiteral("replicaset-") + JsonUtil::name(rs);
        if (!m_store.get(configAuditReports(), ns, auditName))
            m_store.create(configAuditReports(), SimTrivyScanner::configAuditReport(rs, kind, now));
        for (const QJsonValue &value : JsonUtil::arrayAt(rs, "spec.template.spec.containers")) {
            const QJsonObject container = value.toObject();
            const QString name = container.value(QStringLiteral("name")).toString();
            if (m_store.get(vulnerabilityReports(), ns, auditName + u'-' + name))
                continue;
            m_store.create(vulnerabilityReports(),
                           SimTrivyScanner::vulnerabilityReport(
                               rs, kind, name, container.value(QStringLiteral("image")).toString(),
                               m_scans, now));
        }
    }
    const QString trivy = QStringLiteral("trivy-operator");
    collectOrphans(m_store, vulnerabilityReports(), live, trivy);
    collectOrphans(m_store, configAuditReports(), live, trivy);
}

void SimReportController::reportPolicies()
{
    const qint64 nowSeconds = m_clock.nowMs() / 1000;
    QSet<QString> live;
    for (const ResourceType *type : {&Kinds::rollouts(), &Kinds::replicaSets(), &Kinds::pods()}) {
        for (const QJsonObject &resource : m_store.list(*type)) {
            live.insert(JsonUtil::uid(resource));
            const QJsonObject report = SimKyverno::policyReport(resource, type->groupVersion(),
                                                                type->kind, m_scans, nowSeconds);
            const auto stored = m_store.get(policyReports(), JsonUtil::nameSpace(resource),
                                            JsonUtil::uid(resource));
            if (!stored) {
                m_store.create(policyReports(), report);
            } else if (SimKyverno::comparable(*stored) != SimKyverno::comparable(report)) {
                QJsonObject updated = report;
                updated.insert(QStringLiteral("metadata"),
                               stored->value(QStringLiteral("metadata")));
                m_store.update(policyReports(), updated, WriteScope::Whole);
            }
        }
    }
    collectOrphans(m_store, policyReports(), live, QStringLiteral("kyverno"));
}

} // namespace rdsim
