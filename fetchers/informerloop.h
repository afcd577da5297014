// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The list-then-watch loop behind Informer, one instantiation per kind. Private to
// informer.cpp, which runs it; a header only to keep each file to one job.

#include "informer.h"

#include "deliveredversions.h"
#include "informerobjects.h"
#include "informerreporter.h"
#include "secretredaction.h"
#include "threadlistdecoder.h"

#include "jsondecoder.h"
#include "kubeclient.h"
#include "watchframer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QRandomGenerator>

#include <algorithm>

// The loop for one kind. Lives on the informer's thread for the duration of run().
template<typename T> class InformerLoop
{
public:
    explicit InformerLoop(Informer &informer) :
        m_informer(informer), m_client(informer.m_connection), m_reporter(informer)
    {
        m_client.setRetryPolicy(informer.m_options.requestRetries,
                                informer.m_options.requestRetryMaxWaitSeconds);
        // While a credential plugin runs, the environment says so instead of a bare
        // "Connecting"; the next list or failure replaces it.
        m_client.setExecWaitNotice([this](const QString &text) {
            InformerStatus status = m_reporter.lastStatus();
            status.reason = text;
            m_reporter.report(status);
        });
    }

    void run()
    {
        const CancelToken &cancel = m_informer.m_cancel;
        bool needList = true;
        while (!cancel.isCancelled()) {
            if (needList) {
                if (!list())
                    continue; // backed off already (or cancelled)
                needList = false;
            }
            switch (watch()) {
            case WatchEnd::Normal:
                break;
            case WatchEnd::Expired:
            case WatchEnd::Failed:
                needList = true;
                break;
            case WatchEnd::Cancelled:
                return;
            }
        }
    }

private:
    enum class WatchEnd { Normal, Expired, Failed, Cancelled };

    static QString translate(const char *text)
    {
        return QCoreApplication::translate("Informer", text);
    }

    // A normal end this soon after the start, with nothing received, counts as a failure so
    // a server that closes every watch at once is not hammered.
    static constexpr int MinHealthyWatchMs = 1000;

    // The decode issues of one list page, as data warnings per object.
    void noteWarnings(const ObjectList<T> &decoded)
    {
        QHash<QString, QStringList> warnings;
        for (const DecodeIssue &issue : decoded.report.issues) {
            const qsizetype index = DataWarnings::itemIndex(issue);
            const QString object = index >= 0 && index < decoded.items.size()
                ? InformerObjects::name(decoded.items.at(index))
                : QString();
            warnings[object].append(
                DataWarnings::text(m_informer.m_spec.resourceName(), object, issue));
        }
        for (auto it = warnings.constBegin(); it != warnings.constEnd(); ++it)
            m_reporter.dataWarnings().set(it.key(), it.value());
    }

    bool list()
    {
        const InformerSpec &spec = m_informer.m_spec;
        KubeListOptions options;
        options.labelSelector = spec.labelSelector;
        options.limit = m_informer.m_options.pageSize;
        // "" is a consistent read: after a 410 the reflector must not take a cached answer.
        options.resourceVersion = QString();
        m_reporter.updateStats([](InformerStats &s) { ++s.listAttempts; });
        // Each page is decoded as it arrives and its bytes dropped at once: a list of 10,000
        // pods is never held raw and decoded together.
        QList<T> items;
        NetError decodeError;
        bool first = true;
        ThreadListDecoder shared;
        const auto onPage = [&](QByteArray &page, bool restart) {
            if (first || restart) {
                items.clear();
                m_reporter.dataWarnings().clear();
                first = false;
            }
            ObjectList<T> decoded = shared.decoder().template decodeList<T>(page);
            page = QByteArray();
            if (!decoded.isOk()) {
                decodeError = NetError::decode(translate("Could not read the list of %1: %2")
                                                   .arg(spec.resourceName(), decoded.report.error));
                return false;
            }
            noteWarnings(decoded);
            items.append(std::move(decoded.items));
            return true;
        };
        const KubeListResult result
            = m_client.list(spec.path(), options, m_informer.m_cancel, onPage);
        if (m_informer.m_cancel.isCancelled())
            return false;
        if (decodeError.isError() || !result.isOk()) {
            m_reporter.fail(decodeError.isError() ? decodeError : result.error);
            return false;
        }
        replace(std::move(items));
        m_resourceVersion = result.resourceVersion;
        m_reporter.updateStats([](InformerStats &s) { ++s.lists; });
        m_reporter.reportLive();
        return true;
    }

    // store.Replace(): the complete state of this informer's scope. Only what differs from
    // what was delivered before is sent: the changed objects stay in the list, moved to its
    // front, and the list itself is sent (a first list of 10,000 pods is not copied).
    void replace(QList<T> &&items)
    {
        m_versions.beginList();
        qsizetype kept = 0;
        for (qsizetype i = 0; i < items.size(); ++i) {
            T &item = items[i];
            if (!InformerObjects::isWanted(item) || !m_versions.record(item.metadata))
                continue;
            if (i != kept)
                items[kept] = std::move(item);
            ++kept;
        }
        if (kept < items.size()) {
            items.resize(kept);
            items.squeeze(); // a relist that changed little sends a short list
        }
        WorkloadDeltaBatch part;
        part.upserts<T>() = std::move(items);
        part.deletes<T>() = m_versions.endList();
        // The first list always delivers, even when empty: it is what makes data "arrive".
        if (!part.isEmpty() || !m_delivered) {
            m_informer.m_sink->deliver(std::move(part));
            m_delivered = true;
        }
    }

    WatchEnd watch()
    {
        const InformerSpec &spec = m_informer.m_spec;
        const InformerOptions &opt = m_informer.m_options;
        KubeWatchOptions options;
        options.resourceVersion = m_resourceVersion;
        options.labelSelector = spec.labelSelector;
        options.allowWatchBookmarks = true;
        const int minTimeout = std::max(1, opt.watchTimeoutMinSeconds);
        const int maxTimeout = std::max(minTimeout, opt.watchTimeoutMaxSeconds);
        options.timeoutSeconds
            = int(QRandomGenerator::global()->bounded(minTimeout, maxTimeout + 1));
        options.idleTimeoutSeconds = opt.watchIdleTimeoutSeconds;

        WatchFramer framer;
        bool expired = false;
        bool received = false;
        NetError streamError;
        QElapsedTimer timer;
        timer.start();
        m_reporter.updateStats([](InformerStats &s) { ++s.watches; });

        const auto onBytes = [&](const char *data, qsizetype size) {
            received = true;
            QList<QByteArray> values;
            const bool framed = framer.feed(data, size, &values);
            const bool keepGoing = applyEvents(values, &expired, &streamError);
            if (keepGoing && !framed) {
                streamError = NetError::decode(translate("Could not read the watch of %1: %2")
                                                   .arg(spec.resourceName(), framer.errorString()));
                return false;
            }
            return keepGoing;
        };
        const NetError error = m_client.watch(spec.path(), options, onBytes, m_informer.m_cancel);
        if (m_informer.m_cancel.isCancelled())
            return WatchEnd::Cancelled;

        if (expired || error.kind == NetError::Kind::Gone) {
            m_reporter.updateStats([](InformerStats &s) { ++s.relistsAfterExpired; });
            // Expected now and then (history compacted): relist at once. Expiring again
            // right after a relist, before the watch delivered anything, means relisting
            // does not help: back off rather than list in a tight loop.
            if (++m_expiredInARow > 1) {
                NetError gone = error;
                if (!gone.isError() || gone.kind == NetError::Kind::Cancelled) {
                    gone = NetError();
                    gone.kind = NetError::Kind::Gone;
                    gone.httpStatus = 410;
                    gone.message = translate("The watch of %1 expired").arg(spec.resourceName());
                }
                m_reporter.fail(gone);
            }
            return WatchEnd::Expired;
        }
        if (streamError.isError()) {
            m_reporter.fail(streamError);
            return WatchEnd::Failed;
        }
        if (error.isError()) {
            // A stream that broke after it started is "unexpected EOF" in client-go terms;
            // either way the next list confirms the connection and converges the store.
            m_reporter.fail(error);
            return WatchEnd::Failed;
        }
        QList<QByteArray> tail;
        if (!framer.finish(&tail) || framer.hasPartialValue() || !tail.isEmpty()) {
            m_reporter.fail(NetError::decode(
                translate("The watch of %1 ended inside an event").arg(spec.resourceName())));
            return WatchEnd::Failed;
        }
        if (!received && timer.elapsed() < MinHealthyWatchMs) {
            const int delay = m_reporter.backoff().next();
            m_reporter.updateStats([&](InformerStats &s) { s.backoffDelaysMs.append(delay); });
            m_informer.m_cancel.sleepFor(delay);
        }
        return WatchEnd::Normal;
    }

    // The object under key is gone (or no longer kept): a delete replaces any upsert of it
    // in this part.
    void drop(WorkloadDeltaBatch &part, const ObjectMeta &meta, const QString &key)
    {
        m_versions.remove(meta);
        auto &upserts = part.upserts<T>();
        upserts.erase(std::remove_if(upserts.begin(), upserts.end(),
                                     [&](const T &o) {
                                         return WorkloadDeltaBatch::key(o.metadata.namespaceName,
                                                                        o.metadata.name)
                                             == key;
                                     }),
                      upserts.end());
        part.deletes<T>().append(key);
    }

    // Applies one chunk's events and delivers them together. False stops the stream.
    bool applyEvents(const QList<QByteArray> &values, bool *expired, NetError *streamError)
    {
        const InformerSpec &spec = m_informer.m_spec;
        WorkloadDeltaBatch part;
        bool bookmark = false;
        bool ignored = false; // events about objects that are not kept
        bool keepGoing = true;
        bool warned = false;
        qint64 events = 0;
        for (const QByteArray &value : values) {
            Decoded<WatchEvent<T>> decoded = m_decoder.template decodeWatchEvent<T>(value);
            if (!decoded.isOk()) {
                *streamError
                    = NetError::decode(translate("Could not read the watch of %1: %2")
                                           .arg(spec.resourceName(), decoded.report.error));
                keepGoing = false;
                break;
            }
            WatchEvent<T> &event = decoded.value;
            ObjectMeta &meta = event.object.metadata;
            // Only when something is or was unreadable: the watch is the hot path.
            const bool object
                = event.type != WatchEventType::Bookmark && event.type != WatchEventType::Error;
            if (object && (decoded.report.hasIssues() || !m_reporter.dataWarnings().isEmpty())) {
                const QString name = InformerObjects::name(event.object);
                QStringList texts;
                if (event.type != WatchEventType::Deleted) {
                    for (const DecodeIssue &issue : decoded.report.issues)
                        texts.append(DataWarnings::text(spec.resourceName(), name, issue));
                }
                warned = m_reporter.dataWarnings().set(name, texts) || warned;
            }
            switch (event.type) {
            case WatchEventType::Added:
            case WatchEventType::Modified: {
                QString key = WorkloadDeltaBatch::key(meta.namespaceName, meta.name);
                m_resourceVersion = meta.resourceVersion;
                if (!InformerObjects::isWanted(event.object)) {
                    // Not kept; if an earlier state was, the GUI must forget it.
                    if (m_versions.contains(meta)) {
                        drop(part, meta, key);
                        ++events;
                    } else {
                        ignored = true;
                    }
                    break;
                }
                m_versions.record(meta);
                part.deletes<T>().removeOne(key);
                part.upserts<T>().append(std::move(event.object));
                ++events;
                break;
            }
            case WatchEventType::Deleted: {
                const QString key = WorkloadDeltaBatch::key(meta.namespaceName, meta.name);
                m_resourceVersion = meta.resourceVersion;
                if (m_versions.contains(meta)) {
                    drop(part, meta, key);
                    ++events;
                } else {
                    ignored = true; // never sent (not wanted)
                }
                break;
            }
            case WatchEventType::Bookmark:
                if (!meta.resourceVersion.isEmpty())
                    m_resourceVersion = meta.resourceVersion;
                bookmark = true;
                m_reporter.updateStats([](InformerStats &s) { ++s.bookmarks; });
                break;
            case WatchEventType::Error:
                if (event.status.isExpired()) {
                    *expired = true;
                } else {
                    NetError error = NetError::fromHttp(
                        event.status.code > 0 ? event.status.code : 500, QByteArray());
                    error.reason = event.status.reason;
                    error.statusMessage = event.status.message;
                    error.message = translate("The watch of %1 failed: %2")
                                        .arg(spec.resourceName(),
                                             SecretRedaction::redactForeign(event.status.message));
                    *streamError = error;
                }
                keepGoing = false;
                break;
            }
            if (!keepGoing)
                break;
        }
        if (warned)
            m_reporter.reportLive();
        if (events > 0 || bookmark)
            m_expiredInARow = 0;
        if (events > 0) {
            m_reporter.updateStats([&](InformerStats &s) { s.events += events; });
            m_informer.m_sink->deliver(std::move(part));
        } else if (bookmark || ignored) {
            m_informer.m_sink->touch();
        }
        return keepGoing;
    }

    Informer &m_informer;
    KubeClient m_client;
    JsonDecoder m_decoder; // watch events: one object at a time, its buffers stay small
    DeliveredVersions m_versions; // what was delivered, for relists and deletes
    QString m_resourceVersion;
    InformerReporter m_reporter;
    bool m_delivered = false;
    int m_expiredInARow = 0; // 410s with no event or bookmark in between
};
