// SPDX-License-Identifier: GPL-3.0-or-later
#include "promreader_p.h"

#include <cmath>

using JsonRead::Path;
using Element = simdjson::dom::element;
using Object = simdjson::dom::object;
using Array = simdjson::dom::array;

namespace {

// |seconds| beyond this cannot be a Prometheus time and would overflow milliseconds.
constexpr double maxSeconds = 9.0e12;

} // namespace

void PromReader::issue(const Path &path, const QString &message)
{
    if (m_issues.size() < DecodeReport::maxIssues)
        m_issues.append(DecodeIssue {path.toString(), message});
}

bool PromReader::timestamp(Element value, const Path &path, qint64 &ms)
{
    double seconds = 0;
    if (value.get_double().get(seconds) != simdjson::SUCCESS || !std::isfinite(seconds)
        || std::fabs(seconds) > maxSeconds) {
        issue(path, tr("expected a time in seconds"));
        return false;
    }
    // Seconds with up to three decimals: rounding recovers the exact milliseconds.
    ms = qint64(std::llround(seconds * 1000.0));
    return true;
}

bool PromReader::pair(Element value, const Path &path, qint64 &ms, std::string_view &string)
{
    Array array;
    if (value.get_array().get(array) != simdjson::SUCCESS) {
        issue(path, tr("expected [time, \"value\"]"));
        return false;
    }
    Element parts[2];
    size_t count = 0;
    for (Element part : array) {
        if (count < 2)
            parts[count] = part;
        ++count;
    }
    if (count != 2) {
        issue(path, tr("expected [time, \"value\"]"));
        return false;
    }
    if (!timestamp(parts[0], path.at(0), ms))
        return false;
    if (parts[1].get_string().get(string) != simdjson::SUCCESS) {
        issue(path.at(1), tr("expected a string"));
        return false;
    }
    return true;
}

bool PromReader::sample(Element value, const Path &path, PromSample &out)
{
    std::string_view string;
    if (!pair(value, path, out.timestampMs, string))
        return false;
    const std::optional<double> parsed = parsePromValue(string);
    if (!parsed) {
        issue(path.at(1), tr("'%1' is not a number").arg(text(string)));
        return false;
    }
    out.value = *parsed;
    return true;
}

void PromReader::labels(Element value, const Path &path, StringMap &out)
{
    Object object;
    if (value.get_object().get(object) != simdjson::SUCCESS) {
        issue(path, tr("expected an object of labels"));
        return;
    }
    out.reserve(qsizetype(object.size()));
    for (const simdjson::dom::key_value_pair &member : object) {
        std::string_view string;
        if (member.value.get_string().get(string) != simdjson::SUCCESS) {
            issue(path.child(member.key), tr("expected a string"));
            continue;
        }
        out.append(text(member.key), text(string));
    }
    out.finishAppending();
}

void PromReader::strings(Element value, const Path &path, QStringList &out)
{
    Array array;
    if (value.get_array().get(array) != simdjson::SUCCESS) {
        issue(path, tr("expected an array"));
        return;
    }
    qsizetype index = 0;
    for (Element element : array) {
        std::string_view string;
        if (element.get_string().get(string) == simdjson::SUCCESS)
            out.append(text(string));
        else
            issue(path.at(index), tr("expected a string"));
        ++index;
    }
}

void PromReader::series(Element value, const Path &path, bool matrix, PromQueryResult &out)
{
    Array array;
    if (value.get_array().get(array) != simdjson::SUCCESS) {
        issue(path, tr("expected an array"));
        return;
    }
    out.series.reserve(qsizetype(array.size()));
    qsizetype index = 0;
    for (Element element : array) {
        const Path ep = path.at(index++);
        Object object;
        if (element.get_object().get(object) != simdjson::SUCCESS) {
            issue(ep, tr("expected an object"));
            continue;
        }
        PromSeries series;
        bool histogram = false;
        bool hasValue = false;
        for (const simdjson::dom::key_value_pair &member : object) {
            const Path mp = ep.child(member.key);
            if (JsonRead::is(member.key, "metric")) {
                labels(member.value, mp, series.labels);
            } else if (!matrix && JsonRead::is(member.key, "value")) {
                hasValue = true;
                PromSample sample;
                if (this->sample(member.value, mp, sample))
                    series.samples.append(sample);
            } else if (matrix && JsonRead::is(member.key, "values")) {
                hasValue = true;
                samples(member.value, mp, series.samples);
            } else if (JsonRead::is(member.key, "histogram")
                       || JsonRead::is(member.key, "histograms")) {
                histogram = true;
            }
        }
        if (histogram)
            ++out.skippedHistograms;
        if (!hasValue) {
            if (!histogram)
                issue(ep, matrix ? tr("no \"values\"") : tr("no \"value\""));
            continue;
        }
        // A vector element whose value was unreadable is left out (already reported).
        if (!matrix && series.samples.isEmpty())
            continue;
        out.series.append(std::move(series));
    }
}

void PromReader::queryData(Element data, PromQueryResult &out)
{
    const Path top;
    const Path path = top.child("data");
    Object object;
    if (data.get_object().get(object) != simdjson::SUCCESS) {
        out.error = PromError::decode(tr("\"data\" is not an object"));
        return;
    }
    std::string_view type;
    if (object["resultType"].get_string().get(type) != simdjson::SUCCESS) {
        out.error = PromError::decode(tr("\"data.resultType\" is missing"));
        return;
    }
    Element result;
    if (object["result"].get(result) != simdjson::SUCCESS) {
        out.error = PromError::decode(tr("\"data.result\" is missing"));
        return;
    }
    const Path rp = path.child("result");
    if (type == "vector" || type == "matrix") {
        const bool matrix = type == "matrix";
        out.resultType = matrix ? PromResultType::Matrix : PromResultType::Vector;
        series(result, rp, matrix, out);
    } else if (type == "scalar") {
        out.resultType = PromResultType::Scalar;
        sample(result, rp, out.scalar);
    } else if (type == "string") {
        out.resultType = PromResultType::String;
        std::string_view string;
        if (pair(result, rp, out.scalar.timestampMs, string))
            out.stringValue = text(string);
    } else {
        out.error = PromError::decode(tr("unknown resultType '%1'").arg(text(type)));
        return;
    }
    if (out.skippedHistograms > 0) {
        out.warnings.append(tr("%n series with native histogram samples not shown", nullptr,
                               out.skippedHistograms));
    }
}

void PromReader::seriesData(Element data, PromSeriesList &out)
{
    // A named root: Path().child() would point at a temporary gone by the next line.
    const Path root;
    const Path path = root.child("data");
    Array array;
    if (data.get_array().get(array) != simdjson::SUCCESS) {
        out.error = PromError::decode(tr("\"data\" is not an array"));
        return;
    }
    out.series.reserve(qsizetype(array.size()));
    qsizetype index = 0;
    for (Element element : array) {
        StringMap set;
        labels(element, path.at(index++), set);
        out.series.append(std::move(set));
    }
}

void PromReader::stringsData(Element data, PromStringList &out)
{
    if (data.is_null())
        return; // an empty result, as some backends send it
    if (!data.is_array()) {
        out.error = PromError::decode(tr("\"data\" is not an array"));
        return;
    }
    strings(data, Path().child("data"), out.values);
}

void PromReader::buildInfoData(Element data, PromBuildInfo &out)
{
    Object object;
    if (data.get_object().get(object) != simdjson::SUCCESS) {
        out.error = PromError::decode(tr("\"data\" is not an object"));
        return;
    }
    const Path root;
    const Path path = root.child("data");
    const struct
    {
        const char *key;
        QString *target;
    } fields[] = {{"version", &out.version},     {"revision", &out.revision},
                  {"branch", &out.branch},       {"buildUser", &out.buildUser},
                  {"buildDate", &out.buildDate}, {"goVersion", &out.goVersion}};
    for (const auto &field : fields) {
        Element value;
        if (object[field.key].get(value) != simdjson::SUCCESS)
            continue;
        std::string_view string;
        if (value.get_string().get(string) == simdjson::SUCCESS)
            *field.target = text(string);
        else
            issue(path.child(field.key), tr("expected a string"));
    }
}

void PromReader::samples(Element value, const Path &path, QList<PromSample> &out)
{
    Array array;
    if (value.get_array().get(array) != simdjson::SUCCESS) {
        issue(path, tr("expected an array"));
        return;
    }
    out.reserve(qsizetype(array.size()));
    qsizetype index = 0;
    for (Element element : array) {
        PromSample sample;
        if (this->sample(element, path.at(index), sample))
            out.append(sample);
        ++index;
    }
}
