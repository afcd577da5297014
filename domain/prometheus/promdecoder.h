// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "promresult.h"

#include <QByteArray>

#include <memory>

// Decodes Prometheus HTTP API answers (the envelope {status, data, errorType, error,
// warnings}) with simdjson's DOM parser. Unknown fields are ignored (newer servers add
// `infos`, Thanos and VictoriaMetrics add their own); native histogram samples are skipped
// and counted, with a warning. An element that cannot be read becomes a DecodeIssue with its
// path ("data.result[2].values[7][1]: 'x' is not a number") and is left out; the rest of the
// answer is still used.
//
// httpStatus is the answer's HTTP status: an error envelope keeps it (bad_data is 400), and a
// body that is no envelope (a proxy's HTML 502 page, a Kubernetes Status from the service
// proxy, "404 page not found") becomes PromError::fromHttp for a non-2xx status, Decode for a
// 2xx one.
//
// One decoder per thread: it keeps the parser's buffers between answers.
class PromDecoder
{
public:
    PromDecoder();
    ~PromDecoder();
    PromDecoder(const PromDecoder &) = delete;
    PromDecoder &operator=(const PromDecoder &) = delete;

    PromQueryResult decodeQuery(const QByteArray &body, int httpStatus = 200,
                                int retryAfterSeconds = -1);
    PromSeriesList decodeSeries(const QByteArray &body, int httpStatus = 200,
                                int retryAfterSeconds = -1);
    // labels and label values: data is an array of strings.
    PromStringList decodeStrings(const QByteArray &body, int httpStatus = 200,
                                 int retryAfterSeconds = -1);
    PromBuildInfo decodeBuildInfo(const QByteArray &body, int httpStatus = 200,
                                  int retryAfterSeconds = -1);

    // Gives back the parser's buffers (done after any answer larger than 64 MB).
    void releaseMemory();

private:
    struct Private;
    std::unique_ptr<Private> d;
};
