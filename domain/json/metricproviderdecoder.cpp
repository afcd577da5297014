// SPDX-License-Identifier: GPL-3.0-or-later
// What each Argo Rollouts metric provider asks (analysis_types.go, MetricProvider): address,
// query or URL, named queries and settings. Values that may hold credentials (Web header
// values and bodies, authentication, secret references, plugin config values) are never read.
#include "metricproviderdecoder_p.h"

#include "analysisrun.h"

namespace JsonRead {

namespace {

const QString listSeparator = QStringLiteral(", ");

bool providerListHasRoom(const QStringList &list)
{
    return list.size() < MetricProvider::maxListed;
}

void addSetting(MetricProvider &out, const QString &field, const QString &value)
{
    if (!value.isEmpty() && out.settings.size() < MetricProvider::maxListed)
        out.settings.append({field, value});
}

// A string, number or boolean setting as text ("5m", "20", "true"), named by its key.
void readSetting(Context &ctx, std::string_view key, Element value, const Path &path,
                 MetricProvider &out)
{
    QString text;
    switch (value.type()) {
    case simdjson::dom::element_type::INT64:
    case simdjson::dom::element_type::UINT64:
    case simdjson::dom::element_type::DOUBLE:
    case simdjson::dom::element_type::BOOL:
        text = QString::fromUtf8(minifiedJson(value));
        break;
    default:
        readString(ctx, value, path, text);
        break;
    }
    addSetting(out, ctx.token(key), text);
}

// The members most providers share; false for other keys.
bool readAddressOrQuery(Context &ctx, std::string_view key, Element v, const Path &p,
                        MetricProvider &out)
{
    if (is(key, "address"))
        readString(ctx, v, p, out.address);
    else if (is(key, "query"))
        readString(ctx, v, p, out.query);
    else
        return false;
    return true;
}

void decodeWeb(Context &ctx, Element value, const Path &path, MetricProvider &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "url")) {
            readString(ctx, v, p, out.url);
        } else if (is(key, "method") || is(key, "jsonPath") || is(key, "timeoutSeconds")
                   || is(key, "insecure")) {
            readSetting(ctx, key, v, p, out);
        } else if (is(key, "headers")) {
            // The names only: a header's value is often a token.
            QStringList names;
            forEachElement(ctx, v, p, [&](Element header, const Path &hp) {
                forEachMember(ctx, header, hp, [&](std::string_view k, Element hv, const Path &kp) {
                    QString name;
                    if (is(k, "key") && providerListHasRoom(names) && readToken(ctx, hv, kp, name))
                        names.append(name);
                });
            });
            addSetting(out, QStringLiteral("headers"), names.join(listSeparator));
        }
    });
}

// A Job's containers: their images, and the first one's command and args as one line.
void decodeJobContainers(Context &ctx, Element value, const Path &path, MetricProvider &out)
{
    QStringList images;
    forEachElement(ctx, value, path, [&](Element container, const Path &cp) {
        QStringList command;
        forEachMember(ctx, container, cp, [&](std::string_view key, Element v, const Path &p) {
            QString image;
            if (is(key, "image") && providerListHasRoom(images) && readString(ctx, v, p, image))
                images.append(image);
            else if (is(key, "command") || is(key, "args"))
                readStringList(ctx, v, p, command);
        });
        if (out.command.isEmpty())
            out.command = command.mid(0, MetricProvider::maxListed).join(QLatin1Char(' '));
    });
    addSetting(out, images.size() == 1 ? QStringLiteral("image") : QStringLiteral("images"),
               images.join(listSeparator));
}

void decodeJob(Context &ctx, Element value, const Path &path, MetricProvider &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element spec, const Path &sp) {
        if (!is(key, "spec"))
            return;
        forEachMember(ctx, spec, sp, [&](std::string_view k, Element v, const Path &p) {
            if (is(k, "backoffLimit"))
                readSetting(ctx, k, v, p, out);
            else if (is(k, "template"))
                forEachMember(ctx, v, p, [&](std::string_view t, Element tv, const Path &tp) {
                    if (!is(t, "spec"))
                        return;
                    forEachMember(ctx, tv, tp, [&](std::string_view c, Element cv, const Path &cp) {
                        if (is(c, "containers"))
                            decodeJobContainers(ctx, cv, cp, out);
                    });
                });
        });
    });
}

void decodeDatadog(Context &ctx, Element value, const Path &path, MetricProvider &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "query")) {
            readString(ctx, v, p, out.query);
        } else if (is(key, "queries")) {
            forEachMember(ctx, v, p, [&](std::string_view name, Element qv, const Path &qp) {
                QString query;
                if (providerListHasRoom(out.queries) && readString(ctx, qv, qp, query))
                    out.queries.append(Context::text(name) + QStringLiteral(": ") + query);
            });
        } else if (is(key, "formula") || is(key, "interval") || is(key, "apiVersion")
                   || is(key, "aggregator")) {
            readSetting(ctx, key, v, p, out);
        }
    });
}

// metricDataQueries[]: "id: expression", or "id: namespace metricName stat" for a metricStat.
void decodeCloudWatchQuery(Context &ctx, Element value, const Path &path, MetricProvider &out)
{
    QString id;
    QString expression;
    QStringList stat;
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "id"))
            readToken(ctx, v, p, id);
        else if (is(key, "expression"))
            readString(ctx, v, p, expression);
        else if (is(key, "metricStat"))
            forEachMember(ctx, v, p, [&](std::string_view k, Element sv, const Path &sp) {
                QString text;
                if (is(k, "metric"))
                    forEachMember(ctx, sv, sp, [&](std::string_view m, Element mv, const Path &mp) {
                        QString part;
                        if ((is(m, "namespace") || is(m, "metricName"))
                            && readString(ctx, mv, mp, part))
                            stat.append(part);
                    });
                else if (is(k, "stat") && readString(ctx, sv, sp, text))
                    stat.append(text);
            });
    });
    if (providerListHasRoom(out.queries))
        out.queries.append(id + QStringLiteral(": ")
                           + (expression.isEmpty() ? stat.join(QLatin1Char(' ')) : expression));
}

void decodeKayenta(Context &ctx, Element value, const Path &path, MetricProvider &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "address")) {
            readString(ctx, v, p, out.address);
        } else if (is(key, "application") || is(key, "canaryConfigName")) {
            readSetting(ctx, key, v, p, out);
        } else if (is(key, "scopes")) {
            QStringList names;
            forEachElement(ctx, v, p, [&](Element scope, const Path &sp) {
                forEachMember(ctx, scope, sp, [&](std::string_view k, Element nv, const Path &np) {
                    QString name;
                    if (is(k, "name") && providerListHasRoom(names) && readToken(ctx, nv, np, name))
                        names.append(name);
                });
            });
            addSetting(out, QStringLiteral("scopes"), names.join(listSeparator));
        } else if (is(key, "threshold")) {
            forEachMember(ctx, v, p, [&](std::string_view k, Element tv, const Path &tp) {
                if (is(k, "pass") || is(k, "marginal"))
                    readSetting(ctx, k, tv, tp, out);
            });
        }
    });
}

// The members of the providers that ask an address and a query, with a profile or interval.
void decodeQueryProvider(Context &ctx, Element value, const Path &path, MetricProvider &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (readAddressOrQuery(ctx, key, v, p, out))
            return;
        // Prometheus' timeout is the client's business; New Relic's is part of the query.
        if (is(key, "profile") || is(key, "interval")
            || (is(key, "timeout") && out.kind != QLatin1String("prometheus")))
            readSetting(ctx, key, v, p, out);
        else if (is(key, "metricDataQueries")) // CloudWatch
            forEachElement(ctx, v, p, [&](Element query, const Path &qp) {
                decodeCloudWatchQuery(ctx, query, qp, out);
            });
    });
}

// plugin: {"<name>": {config}}: the name and the config's keys, never its values.
void decodePlugin(Context &ctx, Element value, const Path &path, MetricProvider &out)
{
    forEachMember(ctx, value, path, [&](std::string_view name, Element config, const Path &) {
        QStringList keys;
        Object object;
        if (config.get_object().get(object) == simdjson::SUCCESS) {
            for (const simdjson::dom::key_value_pair &member : object) {
                if (providerListHasRoom(keys))
                    keys.append(ctx.token(member.key));
            }
        }
        addSetting(out, QStringLiteral("name"), ctx.token(name));
        addSetting(out, QStringLiteral("configKeys"), keys.join(listSeparator));
    });
}

} // namespace

void decodeMetricProvider(Context &ctx, Element value, const Path &path, MetricProvider &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (v.is_null() || !out.kind.isEmpty())
            return; // one provider per metric; the first one set is the one shown
        out.kind = ctx.token(key);
        if (is(key, "web"))
            decodeWeb(ctx, v, p, out);
        else if (is(key, "job"))
            decodeJob(ctx, v, p, out);
        else if (is(key, "datadog"))
            decodeDatadog(ctx, v, p, out);
        else if (is(key, "kayenta"))
            decodeKayenta(ctx, v, p, out);
        else if (is(key, "plugin"))
            decodePlugin(ctx, v, p, out);
        else
            decodeQueryProvider(ctx, v, p, out);
    });
}

} // namespace JsonRead
