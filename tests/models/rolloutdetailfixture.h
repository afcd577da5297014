// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the rollout detail's model tests share: two environments, a rollout api with two
// ReplicaSets, cart with one and a Deployment, and batches of pods and events for them.

#include "fleetmodel.h"
#include "workloadbuilders.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace RolloutDetailTest {
const QString Prod = QStringLiteral("prod");
const QString Staging = QStringLiteral("staging");

inline QList<EnvironmentSpec> environments()
{
    return {EnvironmentSpec {Prod, QString(), {}, {}, false, 0, {}},
            EnvironmentSpec {Staging, QString(), {}, {}, false, 1, {}}};
}

inline QDateTime at(int seconds)
{
    return Build::created().addSecs(seconds);
}

template<typename T> QStringList names(const QList<T> &objects)
{
    QStringList list;
    for (const T &object : objects)
        list.append(object.metadata.name);
    return list;
}

// The uid lists a rolloutDetailsChanged spy saw, one "env: uid,uid" per signal.
inline QStringList emitted(const QSignalSpy &spy)
{
    QStringList list;
    for (const QList<QVariant> &args : spy)
        list.append(args.at(0).toString() + QStringLiteral(": ")
                    + args.at(1).toStringList().join(QLatin1Char(',')));
    return list;
}

inline QList<DetailKindStatus> status(DetailKindStatus::Problem pods,
                                      DetailKindStatus::Problem runs,
                                      DetailKindStatus::Problem events)
{
    const auto one = [](DetailKindStatus::Problem problem) {
        DetailKindStatus s;
        s.problem = problem;
        if (problem != DetailKindStatus::Problem::None)
            s.reason = QStringLiteral("Permission denied (HTTP 403): no");
        return s;
    };
    // The kinds after these (Experiments, Jobs, ...) listed.
    QList<DetailKindStatus> all(DetailKindCount);
    all[int(DetailKind::Pods)] = one(pods);
    all[int(DetailKind::AnalysisRuns)] = one(runs);
    all[int(DetailKind::Events)] = one(events);
    return all;
}
} // namespace RolloutDetailTest

// The model and its objects; a test class derives from it and calls setUp() / tearDown()
// from its init() / cleanup().
class RolloutDetailFixture
{
protected:
    std::unique_ptr<FleetModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    Rollout m_api = Build::canary(QStringLiteral("shop"), QStringLiteral("api"),
                                  QStringLiteral("Progressing"));
    Rollout m_cart
        = Build::canary(QStringLiteral("shop"), QStringLiteral("cart"), QStringLiteral("Healthy"));
    ReplicaSet m_apiStable = Build::replicaSet(m_api, QStringLiteral("stable1"), 1, 4, "a:1");
    ReplicaSet m_apiCanary = Build::replicaSet(m_api, QStringLiteral("canary2"), 2, 1, "a:2");
    ReplicaSet m_cartStable = Build::replicaSet(m_cart, QStringLiteral("stable1"), 1, 2, "c:1");
    Deployment m_redis
        = Build::deployment(QStringLiteral("infra"), QStringLiteral("redis"), 1, 1, 1);

    // api and cart with their ReplicaSets, and a Deployment.
    void fill()
    {
        m_model->applyBatch(
            RolloutDetailTest::Prod,
            Build::upsert({m_api, m_cart}, {m_redis}, {m_apiStable, m_apiCanary, m_cartStable}));
    }
    WorkloadDeltaBatch pods(const QList<Pod> &upserts, const QStringList &deletes = {})
    {
        WorkloadDeltaBatch batch;
        batch.upserts<Pod>() = upserts;
        batch.deletes<Pod>() = deletes;
        return batch;
    }
    WorkloadDeltaBatch events(const QList<Event> &upserts)
    {
        WorkloadDeltaBatch batch;
        batch.upserts<Event>() = upserts;
        return batch;
    }
    void setUp()
    {
        m_model = std::make_unique<FleetModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get());
        m_model->setEnvironments(RolloutDetailTest::environments());
    }
    void tearDown()
    {
        m_tester.reset();
        m_model.reset();
    }
};
