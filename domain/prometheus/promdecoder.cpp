// SPDX-License-Identifier: GPL-3.0-or-later
#include "promdecoder.h"

#include "jsonsyntax.h"
#include "promreader_p.h"

#include <QCoreApplication>

#include <cmath>
#include <new>

using JsonRead::Path;
using Element = simdjson::dom::element;
using Object = simdjson::dom::object;
using Array = simdjson::dom::array;

namespace {

constexpr qsizetype promReleaseThreshold = 64 * 1024 * 1024;

bool isSuccess(int httpStatus)
{
    return httpStatus >= 200 && httpStatus < 300;
}

} // namespace

struct PromDecoder::Private
{
    Q_DECLARE_TR_FUNCTIONS(PromDecoder)

public:
    simdjson::dom::parser parser;

    // Parses the envelope. True with *data set for a success; false with result.error set.
    template<typename R>
    bool envelope(const QByteArray &body, int httpStatus, int retryAfterSeconds, R &result,
                  Element &data);
    template<typename R, typename F>
    R decode(const QByteArray &body, int httpStatus, int retryAfterSeconds, F &&readData);
};

template<typename R>
bool PromDecoder::Private::envelope(const QByteArray &body, int httpStatus, int retryAfterSeconds,
                                    R &result, Element &data)
{
    const bool padded = body.capacity() - body.size() >= qsizetype(simdjson::SIMDJSON_PADDING);
    Element root;
    const simdjson::error_code parseError
        = parser
              .parse(reinterpret_cast<const uint8_t *>(body.constData()), size_t(body.size()),
                     !padded)
              .get(root);
    Object object;
    if (parseError != simdjson::SUCCESS || root.get_object().get(object) != simdjson::SUCCESS) {
        if (!isSuccess(httpStatus)) {
            result.error = PromError::fromHttp(httpStatus, body, retryAfterSeconds);
        } else if (parseError == simdjson::SUCCESS) {
            result.error = PromError::decode(tr("expected a JSON object at the top level"));
        } else if (body.trimmed().startsWith('{') || body.trimmed().startsWith('[')) {
            const std::optional<JsonSyntaxError> syntax
                = findJsonSyntaxError(body.constData(), body.size());
            result.error = PromError::decode(
                syntax
                    ? tr("malformed JSON at byte %1: %2").arg(syntax->offset).arg(syntax->message)
                    : tr("malformed JSON"));
        } else {
            const QString summary = PromError::summarizeBody(body);
            result.error = PromError::decode(summary.isEmpty()
                                                 ? tr("the body is not JSON")
                                                 : tr("the body is not JSON: %1").arg(summary));
        }
        return false;
    }

    PromReader reader(result.issues);
    Element warnings;
    if (object["warnings"].get(warnings) == simdjson::SUCCESS && !warnings.is_null())
        reader.strings(warnings, Path().child("warnings"), result.warnings);

    std::string_view status;
    if (object["status"].get_string().get(status) != simdjson::SUCCESS)
        status = std::string_view();
    if (status == "error") {
        std::string_view errorType;
        std::string_view message;
        if (object["errorType"].get_string().get(errorType) != simdjson::SUCCESS)
            errorType = std::string_view();
        if (object["error"].get_string().get(message) != simdjson::SUCCESS)
            message = std::string_view();
        result.error = PromError::fromApi(PromReader::text(errorType), PromReader::text(message),
                                          httpStatus);
        result.error.retryAfterSeconds = retryAfterSeconds;
        return false;
    }
    if (status != "success") {
        // A Kubernetes Status ("status": "Failure") from the service proxy, or any other JSON.
        result.error = !isSuccess(httpStatus)
            ? PromError::fromHttp(httpStatus, body, retryAfterSeconds)
            : PromError::decode(tr("no \"status\" of success or error"));
        return false;
    }
    if (object["data"].get(data) != simdjson::SUCCESS) {
        result.error = PromError::decode(tr("\"data\" is missing"));
        return false;
    }
    return true;
}

template<typename R, typename F>
R PromDecoder::Private::decode(const QByteArray &body, int httpStatus, int retryAfterSeconds,
                               F &&readData)
{
    R result;
    try {
        Element data;
        if (envelope(body, httpStatus, retryAfterSeconds, result, data)) {
            PromReader reader(result.issues);
            readData(reader, data, result);
        }
    } catch (const std::bad_alloc &) {
        result = R();
        result.error = PromError::decode(tr("out of memory while decoding the response"));
    }
    if (body.size() > promReleaseThreshold)
        parser = simdjson::dom::parser();
    return result;
}

PromDecoder::PromDecoder() : d(std::make_unique<Private>()) { }

PromDecoder::~PromDecoder() = default;

void PromDecoder::releaseMemory()
{
    d->parser = simdjson::dom::parser();
}

PromQueryResult PromDecoder::decodeQuery(const QByteArray &body, int httpStatus,
                                         int retryAfterSeconds)
{
    return d->decode<PromQueryResult>(body, httpStatus, retryAfterSeconds,
                                      [](PromReader &reader, Element data, PromQueryResult &out) {
                                          reader.queryData(data, out);
                                      });
}

PromSeriesList PromDecoder::decodeSeries(const QByteArray &body, int httpStatus,
                                         int retryAfterSeconds)
{
    return d->decode<PromSeriesList>(body, httpStatus, retryAfterSeconds,
                                     [](PromReader &reader, Element data, PromSeriesList &out) {
                                         reader.seriesData(data, out);
                                     });
}

PromStringList PromDecoder::decodeStrings(const QByteArray &body, int httpStatus,
                                          int retryAfterSeconds)
{
    return d->decode<PromStringList>(body, httpStatus, retryAfterSeconds,
                                     [](PromReader &reader, Element data, PromStringList &out) {
                                         reader.stringsData(data, out);
                                     });
}

PromBuildInfo PromDecoder::decodeBuildInfo(const QByteArray &body, int httpStatus,
                                           int retryAfterSeconds)
{
    return d->decode<PromBuildInfo>(body, httpStatus, retryAfterSeconds,
                                    [](PromReader &reader, Element data, PromBuildInfo &out) {
                                        reader.buildInfoData(data, out);
                                    });
}
