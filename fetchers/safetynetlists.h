// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decoded.h"
#include "kubeclient.h"
#include "safetynets.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

// The requests behind every safety-net source (issue 15): a paged list decoded page by page
// and a group version's discovery, each turned into a SafetyNetSourceState, so a kind that
// is missing or unreadable is a state of its source and never an error of the environment.
class SafetyNetLists
{
    Q_DECLARE_TR_FUNCTIONS(SafetyNetLists)

public:
    // One kind's list, all pages together; a report kind can hold large payloads (thousands
    // of CVEs each), so this bounds the bytes while SafetyNetLimits bounds the objects.
    static constexpr qint64 maxBytesPerList = qint64(64) * 1024 * 1024;

    // 404 -> NotServed (the tool is not installed), 403 -> Forbidden with a translated detail
    // naming the resource, anything else -> Failed with NetError's message (never a token).
    static SafetyNetSourceState stateOf(const NetError &error, const QString &resource);
    static SafetyNetSourceState loaded(bool truncated = false);
    // Failed: "<resource> could not be read: <reason>".
    static SafetyNetSourceState failed(const QString &resource, const QString &reason);
    // A source read through several lists (namespaces, groups): what could be read wins,
    // so a cluster-scoped kind the user may not list does not hide the namespaced one.
    // Ranked Loaded > Failed > Forbidden > NotServed > NotAsked.
    static void merge(SafetyNetSourceState *into, const SafetyNetSourceState &part);

    // GET /apis/<group>/<version>: the plural names of its resources.
    static SafetyNetSourceState discover(KubeClient *client, const QString &group,
                                         const QString &version, const CancelToken &cancel,
                                         QStringList *plurals);

    // Lists `path` with limit/continue and appends its items to *out, at most
    // SafetyNetLimits::maxObjectsPerKind of them (then `truncated`). A page that does not
    // decode fails the source with the decoder's translated error.
    template<typename T>
    static SafetyNetSourceState
    list(KubeClient *client, const QString &path, const QString &resource,
         ObjectList<T> (*decode)(const QByteArray &), const CancelToken &cancel, QList<T> *out)
    {
        const qsizetype start = out->size();
        QString decodeError;
        bool truncated = false;
        KubeListOptions options;
        options.maxBytes = maxBytesPerList;
        const KubeClient::PageSink sink = [&](QByteArray &page, bool restart) {
            if (restart) // a full list after an expired continue token: start over
                out->erase(out->begin() + start, out->end());
            ObjectList<T> items = decode(page);
            if (!items.isOk()) {
                decodeError = items.report.error;
                return false;
            }
            const qsizetype room = SafetyNetLimits::maxObjectsPerKind - (out->size() - start);
            if (items.items.size() > room) {
                items.items.resize(room);
                truncated = true;
            }
            out->append(items.items);
            return !truncated;
        };
        const KubeListResult result = client->list(path, options, cancel, sink);
        if (truncated)
            return loaded(true);
        if (!decodeError.isEmpty()) {
            out->erase(out->begin() + start, out->end());
            return failed(resource, decodeError);
        }
        if (result.error) {
            out->erase(out->begin() + start, out->end());
            return stateOf(result.error, resource);
        }
        return loaded();
    }
};
