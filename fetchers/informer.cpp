// SPDX-License-Identifier: GPL-3.0-or-later
#include "informer.h"

#include "informerloop.h"
#include "kubeclient.h"

QString InformerSpec::path() const
{
    QString path;
    WatchedKinds::visit(kind, [&](auto tag) {
        constexpr KindResource resource
            = WorkloadKindTraits<typename decltype(tag)::type>::resource;
        path = KubePath::resource(QLatin1String(resource.group), QLatin1String(resource.version),
                                  QLatin1String(resource.plural), namespaceName);
    });
    return path;
}

QString InformerSpec::resourceName() const
{
    QString name;
    WatchedKinds::visit(kind, [&](auto tag) {
        constexpr KindResource resource
            = WorkloadKindTraits<typename decltype(tag)::type>::resource;
        name = QLatin1String(resource.plural);
        if (resource.group[0] != '\0')
            name += u'.' + QLatin1String(resource.group);
    });
    return name;
}

bool InformerSpec::isDetailKind() const
{
    bool detail = false;
    WatchedKinds::visit(kind, [&](auto tag) {
        detail = WorkloadKindTraits<typename decltype(tag)::type>::isDetail;
    });
    return detail;
}

DetailKind InformerSpec::detailKind() const
{
    DetailKind detail = DetailKind::Pods;
    WatchedKinds::visit(kind, [&](auto tag) {
        using Traits = WorkloadKindTraits<typename decltype(tag)::type>;
        if constexpr (Traits::isDetail)
            detail = Traits::detail;
    });
    return detail;
}

InformerStats &InformerStats::operator+=(const InformerStats &o)
{
    lists += o.lists;
    listAttempts += o.listAttempts;
    watches += o.watches;
    relistsAfterExpired += o.relistsAfterExpired;
    failures += o.failures;
    events += o.events;
    bookmarks += o.bookmarks;
    backoffDelaysMs += o.backoffDelaysMs;
    if (!o.lastError.isEmpty())
        lastError = o.lastError;
    return *this;
}

Informer::Informer(int id, const InformerSpec &spec, const ClusterConnection &connection,
                   const InformerOptions &options, InformerSink *sink, CancelToken cancel) :
    m_id(id),
    m_spec(spec),
    m_connection(connection),
    m_options(options),
    m_sink(sink),
    m_cancel(std::move(cancel))
{ }

Informer::~Informer() = default;

void Informer::run()
{
    WatchedKinds::visit(
        m_spec.kind, [this](auto tag) { InformerLoop<typename decltype(tag)::type>(*this).run(); });
}

InformerStats Informer::stats() const
{
    std::lock_guard lock(m_statsMutex);
    return m_stats;
}
