// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workloadkinds.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <tuple>

struct DetailKindStatus
{
    enum class Problem : quint8 {
        None, // listed (or still being listed)
        Forbidden, // 403: the user may not list it
        NotServed, // 404: the cluster does not serve it (e.g. no AnalysisRun CRD)
        Failing, // another error; the informer retries and the data may be stale
    };

    Problem problem = Problem::None;
    QString reason; // the server's answer, translated; empty when None

    bool isAvailable() const { return problem == Problem::None; }
    bool operator==(const DetailKindStatus &o) const
    {
        return problem == o.problem && reason == o.reason;
    }
    bool operator!=(const DetailKindStatus &o) const { return !(*this == o); }
};

// One kind's part of a WorkloadDeltaBatch.
template<typename T> struct KindDelta
{
    QList<T> upserts;
    QStringList deletes; // "namespace/name"

    qsizetype size() const { return upserts.size() + deletes.size(); }
};

// The changes to one environment's workloads since the previous batch, as the informers
// send them to the GUI thread (at most one batch per ~100 ms per environment). Keys are
// "namespace/name". Within a batch an object appears at most once: either upserted (its
// newest state) or deleted.
struct WorkloadDeltaBatch
{
    // Everything of this environment is replaced: the upserts are its complete state (of
    // every kind) and any object not upserted is gone (the deletes lists are then empty).
    // The first batch after FleetFetcher::start() is a reset; a relist after 410 sends
    // ordinary upserts and the deletes of objects that vanished meanwhile.
    bool reset = false;
    // Per watched kind, its upserts and the keys of its deletes: upserts<Pod>(), ...
    WatchedKinds::Tuple<KindDelta> kinds;
    // Indexed by DetailKind (DetailKindCount entries) when the availability of a detail kind
    // changed since the previous batch, and always in a reset batch; empty otherwise.
    QList<DetailKindStatus> detailStatus;

    bool isEmpty() const { return !reset && changeCount() == 0 && detailStatus.isEmpty(); }
    // Objects upserted or deleted (detailStatus is not an object change).
    int changeCount() const
    {
        return std::apply([](const auto &...delta) { return int((0 + ... + delta.size())); },
                          kinds);
    }

    template<typename T> QList<T> &upserts() { return std::get<KindDelta<T>>(kinds).upserts; }
    template<typename T> const QList<T> &upserts() const
    {
        return std::get<KindDelta<T>>(kinds).upserts;
    }
    template<typename T> QStringList &deletes() { return std::get<KindDelta<T>>(kinds).deletes; }
    template<typename T> const QStringList &deletes() const
    {
        return std::get<KindDelta<T>>(kinds).deletes;
    }

    static QString key(const QString &namespaceName, const QString &name)
    {
        return namespaceName + QLatin1Char('/') + name;
    }
};

Q_DECLARE_METATYPE(DetailKindStatus)
Q_DECLARE_METATYPE(WorkloadDeltaBatch)
