// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysisrun.h"
#include "decoded.h"
#include "deployment.h"
#include "event.h"
#include "experiment.h"
#include "flaggercanary.h"
#include "flaggermetrictemplate.h"
#include "job.h"
#include "kubestatus.h"
#include "pod.h"
#include "replicaset.h"
#include "rollout.h"

#include <QByteArray>

#include <memory>

// Decodes Kubernetes JSON bodies into the domain value types with simdjson. The DOM API,
// not On-Demand: on a 10,000-pod list it was the faster of the two here (the packaged
// simdjson dispatches DOM parsing to AVX2/AVX-512 at run time, while On-Demand is compiled
// for the baseline CPU), and it validates the whole body, not only the parts read.
// Only the fields the dashboard uses are read; unknown fields are ignored. A field of the
// wrong type becomes a DecodeIssue and keeps its default; malformed JSON becomes
// DecodeReport::error. Nothing throws.
//
// One JsonDecoder per thread: it reuses the parser's buffers between calls and shares
// repeated values between the objects it decodes: short strings (namespaces, label keys,
// images, reasons) and whole label sets, annotation sets, owner references and container
// lists (equal for every pod of a ReplicaSet), which saves memory and decoding time. An
// object's own strings (name, uid, resourceVersion, a pod's IPs) share one allocation.
// Passing a QByteArray with at least 64 bytes of spare capacity (reserve(size() + 64))
// saves one copy of the body. The parser's buffers are the program's largest blocks, so the
// first JsonDecoder fixes glibc's mmap threshold, which they would otherwise raise (see
// jsondecoder.cpp).
//
// T is one of Rollout, ReplicaSet, Pod, Deployment, AnalysisRun, Event, Experiment, Job.
class JsonDecoder
{
public:
    JsonDecoder();
    ~JsonDecoder();
    JsonDecoder(const JsonDecoder &) = delete;
    JsonDecoder &operator=(const JsonDecoder &) = delete;

    // A *List body: items, metadata.resourceVersion, metadata.continue.
    template<typename T> ObjectList<T> decodeList(const QByteArray &json);

    // One object (GET or PATCH response).
    template<typename T> Decoded<T> decodeObject(const QByteArray &json);

    // One watch event {"type": ..., "object": ...}. An ERROR event's object is decoded as a
    // Status into WatchEvent::status.
    template<typename T> Decoded<WatchEvent<T>> decodeWatchEvent(const QByteArray &json);

    // A Status error body.
    Decoded<KubeStatus> decodeStatus(const QByteArray &json);

    // Gives back the parser's buffers (they grow to the largest body seen). Done
    // automatically after a body larger than 64 MB (paged lists stay far below).
    void releaseMemory();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// One-shot helpers with a fresh decoder (tests, occasional single objects).
template<typename T> ObjectList<T> decodeList(const QByteArray &json)
{
    return JsonDecoder().decodeList<T>(json);
}

template<typename T> Decoded<T> decodeObject(const QByteArray &json)
{
    return JsonDecoder().decodeObject<T>(json);
}

template<typename T> Decoded<WatchEvent<T>> decodeWatchEvent(const QByteArray &json)
{
    return JsonDecoder().decodeWatchEvent<T>(json);
}

Decoded<KubeStatus> decodeStatus(const QByteArray &json);

#define RD_DECLARE_DECODER(T)                                                                      \
    extern template ObjectList<T> JsonDecoder::decodeList<T>(const QByteArray &);                  \
    extern template Decoded<T> JsonDecoder::decodeObject<T>(const QByteArray &);                   \
    extern template Decoded<WatchEvent<T>> JsonDecoder::decodeWatchEvent<T>(const QByteArray &);
RD_DECLARE_DECODER(Rollout)
RD_DECLARE_DECODER(ReplicaSet)
RD_DECLARE_DECODER(Pod)
RD_DECLARE_DECODER(Deployment)
RD_DECLARE_DECODER(AnalysisRun)
RD_DECLARE_DECODER(Event)
RD_DECLARE_DECODER(FlaggerCanary)
RD_DECLARE_DECODER(FlaggerMetricTemplate)
RD_DECLARE_DECODER(Experiment)
RD_DECLARE_DECODER(Job)
#undef RD_DECLARE_DECODER

Q_DECLARE_METATYPE(ObjectList<Rollout>)
Q_DECLARE_METATYPE(ObjectList<ReplicaSet>)
Q_DECLARE_METATYPE(ObjectList<Pod>)
Q_DECLARE_METATYPE(ObjectList<Deployment>)
Q_DECLARE_METATYPE(ObjectList<AnalysisRun>)
Q_DECLARE_METATYPE(ObjectList<Event>)
Q_DECLARE_METATYPE(ObjectList<FlaggerCanary>)
Q_DECLARE_METATYPE(ObjectList<Experiment>)
Q_DECLARE_METATYPE(ObjectList<Job>)
Q_DECLARE_METATYPE(WatchEvent<Rollout>)
Q_DECLARE_METATYPE(WatchEvent<ReplicaSet>)
Q_DECLARE_METATYPE(WatchEvent<Pod>)
Q_DECLARE_METATYPE(WatchEvent<Deployment>)
Q_DECLARE_METATYPE(WatchEvent<AnalysisRun>)
Q_DECLARE_METATYPE(WatchEvent<Event>)
Q_DECLARE_METATYPE(WatchEvent<FlaggerCanary>)
Q_DECLARE_METATYPE(WatchEvent<Experiment>)
Q_DECLARE_METATYPE(WatchEvent<Job>)
