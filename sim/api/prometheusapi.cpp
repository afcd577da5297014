// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/prometheusapi.h"

#include "api/httpreply.h"
#include "api/prometheusjson.h"
#include "api/prometheusparams.h"
#include "api/serviceproxy.h"
#include "core/apierror.h"
#include "core/resourcecatalog.h"
#include "core/virtualclock.h"
#include "metrics/podhistory.h"
#include "metrics/promqlparser.h"

#include <QRegularExpression>
#include <QSet>

#include <httplib.h>

#include <cmath>
#include <tuple>

namespace rdsim {

namespace {

const QString kBadData = QStringLiteral("bad_data");

void reply(httplib::Response &response, int status, const QByteArray &body)
{
    HttpReply::text(response, status, body, "application/json");
}

void replyError(httplib::Response &response, const QString &type, const QString &message)
{
    reply(response, PrometheusJson::httpStatus(type), PrometheusJson::error(type, message));
}

void invalidParameter(httplib::Response &response, const QString &parameter, const QString &message)
{
    replyError(response, kBadData,
               QStringLiteral("invalid parameter \"%1\": %2").arg(parameter, message));
}

// The service proxy reaches only `prometheus` in `monitoring`, by Kubernetes' proxy syntax
// [scheme:]name[:port] with the scheme http (or none) and the port 9090 or "web" (or none).
bool isPrometheusService(const QString &ns, const QString &segment, QString *serviceName)
{
    const QStringList parts = segment.split(u':');
    const QString scheme = parts.size() == 3 ? parts.at(0) : QString();
    *serviceName = parts.size() == 3 ? parts.at(1) : parts.at(0);
    const QString port = parts.size() == 3 ? parts.at(2) : parts.value(1);
    return parts.size() <= 3 && ns == QLatin1String("monitoring")
        && *serviceName == QLatin1String("prometheus")
        && (scheme.isEmpty() || scheme == QLatin1String("http"))
        && (port.isEmpty() || port == QLatin1String("9090") || port == QLatin1String("web"));
}

// start / end of the metadata endpoints, with Prometheus' defaults (all time).
bool timeRange(const PrometheusParams &params, httplib::Response &response, qint64 *start,
               qint64 *end)
{
    QString error;
    for (const auto &[name, out, fallback] :
         {std::tuple {QStringLiteral("start"), start, PrometheusParams::minTimeMs()},
          std::tuple {QStringLiteral("end"), end, PrometheusParams::maxTimeMs()}}) {
        if (!params.has(name) || params.value(name).isEmpty()) {
            *out = fallback;
            continue;
        }
        const std::optional<qint64> t = PrometheusParams::parseTimeMs(params.value(name), &error);
        if (!t) {
            invalidParameter(response, name, error);
            return false;
        }
        *out = *t;
    }
    return true;
}

// match[] as selectors; when `required`, at least one must be given.
bool matcherSets(const PrometheusParams &params, httplib::Response &response,
                 QList<QList<promql::Matcher>> *sets)
{
    const QString name = QStringLiteral("match[]");
    for (const QString &text : params.values(name)) {
        QList<promql::Matcher> matchers;
        QString error;
        if (!promql::parseSeriesSelector(text, &matchers, &error)) {
            invalidParameter(response, name, error);
            return false;
        }
        const bool anyNonEmpty
            = std::any_of(matchers.cbegin(), matchers.cend(),
                          [](const promql::Matcher &m) { return !m.matchesEmpty(); });
        if (!anyNonEmpty) {
            invalidParameter(response, name,
                             QStringLiteral("match[] must contain at least one non-empty "
                                            "matcher"));
            return false;
        }
        sets->append(matchers);
    }
    return true;
}

} // namespace

PrometheusApi::Target PrometheusApi::match(const QString &path)
{
    Target target;
    const QString prefix = QStringLiteral("/prometheus");
    if (path == prefix || path.startsWith(prefix + u'/')) {
        target.access = Access::Prefix;
        target.apiPath = path.mid(prefix.size());
        return target;
    }
    static const QRegularExpression proxy(
        QStringLiteral("^/api/v1/namespaces/([^/]+)/services/([^/]+)/proxy(/.*)?$"));
    const QRegularExpressionMatch m = proxy.match(path);
    if (m.hasMatch()) {
        target.access = Access::ServiceProxy;
        target.ns = m.captured(1);
        target.service = m.captured(2);
        target.apiPath = m.captured(3);
    }
    return target;
}

PrometheusApi::PrometheusApi(const ApiServer::Context &context) :
    m_context(context), m_history(context.history)
{
    if (!m_history) {
        m_ownHistory = std::make_unique<PodHistory>();
        m_history = m_ownHistory.get();
    }
}

PrometheusApi::~PrometheusApi() = default;

void PrometheusApi::handle(const httplib::Request &request, httplib::Response &response,
                           const UserInfo &user, const Target &target)
{
    if (user.isAnonymous())
        return HttpReply::error(response, ApiError::unauthorized());
    if (target.access == Access::ServiceProxy) {
        if (!ServiceProxy::authorize(request, response, user, m_context.access, target.ns,
                                     target.service))
            return;
        const ResourceType *services = ResourceCatalog::find(QString(), QStringLiteral("services"));
        QString serviceName;
        if (!isPrometheusService(target.ns, target.service, &serviceName))
            return HttpReply::error(response, ApiError::notFound(*services, serviceName));
    }
    serve(request, response, target.apiPath);
}

promql::Engine PrometheusApi::engine()
{
    const qint64 now = m_context.clock ? m_context.clock->nowMs() : 0;
    if (m_context.store)
        m_history->observe(*m_context.store, now);
    return promql::Engine(*m_context.metrics, *m_history, now);
}

void PrometheusApi::serve(const httplib::Request &request, httplib::Response &response,
                          const QString &apiPath)
{
    const bool get = request.method == "GET" || request.method == "HEAD";
    const bool post = request.method == "POST";
    const auto methodNotAllowed = [&response]() {
        HttpReply::text(response, 405, "Method Not Allowed\n", "text/plain; charset=utf-8");
    };
    if (apiPath == QLatin1String("/-/healthy") || apiPath == QLatin1String("/-/ready")) {
        if (!get)
            return methodNotAllowed();
        const QByteArray body = apiPath == QLatin1String("/-/ready")
            ? QByteArrayLiteral("Prometheus Server is Ready.\n")
            : QByteArrayLiteral("Prometheus Server is Healthy.\n");
        return HttpReply::text(response, 200, body, "text/plain; charset=utf-8");
    }
    static const QRegularExpression labelValues(QStringLiteral("^/api/v1/label/([^/]+)/values$"));
    const QRegularExpressionMatch valuesMatch = labelValues.match(apiPath);
    const bool known = apiPath == QLatin1String("/api/v1/query")
        || apiPath == QLatin1String("/api/v1/query_range")
        || apiPath == QLatin1String("/api/v1/series") || apiPath == QLatin1String("/api/v1/labels")
        || apiPath == QLatin1String("/api/v1/status/buildinfo") || valuesMatch.hasMatch();
    if (!known || !m_context.metrics)
        return HttpReply::text(response, 404, "404 page not found\n", "text/plain; charset=utf-8");
    const bool postAllowed
        = !valuesMatch.hasMatch() && apiPath != QLatin1String("/api/v1/status/buildinfo");
    if (!get && !(post && postAllowed))
        return methodNotAllowed();

    const PrometheusParams params = PrometheusParams::fromRequest(request);
    if (apiPath == QLatin1String("/api/v1/query"))
        return query(params, response);
    if (apiPath == QLatin1String("/api/v1/query_range"))
        return queryRange(params, response);
    if (apiPath == QLatin1String("/api/v1/series"))
        return series(params, response);
    if (apiPath == QLatin1String("/api/v1/labels"))
        return labels(params, response, QString());
    if (valuesMatch.hasMatch()) {
        static const QRegularExpression labelName(QStringLiteral("^[a-zA-Z_][a-zA-Z0-9_]*$"));
        const QString name = valuesMatch.captured(1);
        if (!labelName.match(name).hasMatch()) {
            return replyError(response, kBadData,
                              QStringLiteral("invalid label name: \"%1\"").arg(name));
        }
        return labels(params, response, name);
    }
    const QByteArray data = "{\"version\":" + PrometheusJson::quote(buildVersion())
        + ",\"revision\":\"rd-sim\",\"branch\":\"rd-sim\",\"buildUser\":\"rd-sim\","
          "\"buildDate\":\"20230201-00:00:00\",\"goVersion\":\"none (rd-sim)\"}";
    reply(response, 200, PrometheusJson::success(data));
}

void PrometheusApi::query(const PrometheusParams &params, httplib::Response &response)
{
    QString error;
    std::optional<qint64> at;
    if (params.has(QStringLiteral("time")) && !params.value(QStringLiteral("time")).isEmpty()) {
        at = PrometheusParams::parseTimeMs(params.value(QStringLiteral("time")), &error);
        if (!at)
            return invalidParameter(response, QStringLiteral("time"), error);
    }
    const QString timeout = params.value(QStringLiteral("timeout"));
    if (!timeout.isEmpty() && !PrometheusParams::parseDurationNs(timeout, &error))
        return invalidParameter(response, QStringLiteral("timeout"), error);
    const promql::Engine engine = this->engine();
    const qint64 evalAt = at ? *at : (m_context.clock ? m_context.clock->nowMs() : 0);
    const promql::QueryResult result
        = engine.instantQuery(params.value(QStringLiteral("query")), evalAt);
    if (!result.ok() && result.errorType == kBadData)
        return invalidParameter(response, QStringLiteral("query"), result.error);
    if (!result.ok())
        return replyError(response, result.errorType, result.error);
    reply(response, 200, PrometheusJson::success(PrometheusJson::queryData(result)));
}

void PrometheusApi::queryRange(const PrometheusParams &params, httplib::Response &response)
{
    // The checks in Prometheus' order, so the first problem is the one reported.
    QString error;
    const std::optional<qint64> start
        = PrometheusParams::parseTimeMs(params.value(QStringLiteral("start")), &error);
    if (!start)
        return invalidParameter(response, QStringLiteral("start"), error);
    const std::optional<qint64> end
        = PrometheusParams::parseTimeMs(params.value(QStringLiteral("end")), &error);
    if (!end)
        return invalidParameter(response, QStringLiteral("end"), error);
    if (*end < *start) {
        return replyError(response, kBadData,
                          QStringLiteral("end timestamp must not be before start time"));
    }
    const std::optional<double> stepNs
        = PrometheusParams::parseDurationNs(params.value(QStringLiteral("step")), &error);
    if (!stepNs)
        return invalidParameter(response, QStringLiteral("step"), error);
    if (*stepNs <= 0) {
        return replyError(response, kBadData,
                          QStringLiteral("zero or negative query resolution step widths are not "
                                         "accepted. Try a positive integer"));
    }
    // Go divides the two durations in nanoseconds, truncating.
    if (std::floor(double(*end - *start) * 1e6 / *stepNs) > double(promql::Engine::kMaxPoints)) {
        return replyError(response, kBadData,
                          QStringLiteral("exceeded maximum resolution of 11,000 points per "
                                         "timeseries. Try decreasing the query resolution "
                                         "(?step=XX)"));
    }
    const QString timeout = params.value(QStringLiteral("timeout"));
    if (!timeout.isEmpty() && !PrometheusParams::parseDurationNs(timeout, &error))
        return invalidParameter(response, QStringLiteral("timeout"), error);
    const qint64 stepMs = std::max<qint64>(1, qint64(*stepNs / 1e6));
    const promql::QueryResult result
        = engine().rangeQuery(params.value(QStringLiteral("query")), *start, *end, stepMs);
    if (!result.ok() && result.errorType == kBadData)
        return invalidParameter(response, QStringLiteral("query"), result.error);
    if (!result.ok())
        return replyError(response, result.errorType, result.error);
    reply(response, 200, PrometheusJson::success(PrometheusJson::queryData(result)));
}

void PrometheusApi::series(const PrometheusParams &params, httplib::Response &response)
{
    if (params.values(QStringLiteral("match[]")).isEmpty())
        return replyError(response, kBadData, QStringLiteral("no match[] parameter provided"));
    qint64 start = 0;
    qint64 end = 0;
    QList<QList<promql::Matcher>> sets;
    if (!timeRange(params, response, &start, &end) || !matcherSets(params, response, &sets))
        return;
    const QList<promql::Labels> found = engine().series(sets, start, end);
    reply(response, 200, PrometheusJson::success(PrometheusJson::labelSets(found)));
}

void PrometheusApi::labels(const PrometheusParams &params, httplib::Response &response,
                           const QString &valuesOf)
{
    qint64 start = 0;
    qint64 end = 0;
    QList<QList<promql::Matcher>> sets;
    if (!timeRange(params, response, &start, &end) || !matcherSets(params, response, &sets))
        return;
    if (sets.isEmpty()) {
        promql::Matcher any;
        any.name = QStringLiteral("__name__");
        any.op = promql::Matcher::Op::Regex;
        any.value = QStringLiteral(".+");
        any.regex.setPattern(QStringLiteral("\\A(?:.+)\\z"));
        sets.append({any});
    }
    QSet<QString> seen;
    for (const promql::Labels &labels : engine().series(sets, start, end)) {
        for (const auto &[name, value] : labels) {
            if (valuesOf.isEmpty())
                seen.insert(name);
            else if (name == valuesOf)
                seen.insert(value);
        }
    }
    QStringList out(seen.cbegin(), seen.cend());
    out.sort();
    reply(response, 200, PrometheusJson::success(PrometheusJson::stringArray(out)));
}

} // namespace rdsim
