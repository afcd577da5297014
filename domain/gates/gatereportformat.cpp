// SPDX-License-Identifier: GPL-3.0-or-later
#include "gatereportformat.h"

#include "durationparser.h"
#include "gatejudge.h"
#include "timestamps.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamWriter>

namespace {

QString sourceId(GateResult::Source source)
{
    return source == GateResult::Source::Analysis ? QStringLiteral("analysis")
                                                  : QStringLiteral("config");
}

QString timeText(qint64 ms)
{
    return formatRfc3339(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC));
}

QJsonValue optionalNumber(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue durationOrNull(qint64 ms)
{
    return ms > 0 ? QJsonValue(compactDuration(ms)) : QJsonValue(QJsonValue::Null);
}

QJsonObject gateObject(const GateResult &gate)
{
    return {{QStringLiteral("name"), gate.name},
            {QStringLiteral("source"), sourceId(gate.source)},
            {QStringLiteral("outcome"), GateOutcomes::id(gate.outcome)},
            {QStringLiteral("value"), optionalNumber(gate.value)},
            {QStringLiteral("worstValue"), optionalNumber(gate.worstValue)},
            {QStringLiteral("stableValue"), optionalNumber(gate.stableValue)},
            {QStringLiteral("bound"), gate.bound},
            {QStringLiteral("window"), durationOrNull(gate.windowMs)},
            {QStringLiteral("step"), durationOrNull(gate.stepMs)},
            {QStringLiteral("samples"), gate.samples},
            {QStringLiteral("stableSamples"), gate.stableSamples},
            {QStringLiteral("query"), gate.query},
            {QStringLiteral("stableQuery"), gate.stableQuery},
            {QStringLiteral("message"), gate.message}};
}

QString subject(const GateReport &report)
{
    return QStringLiteral("%1/%2/%3").arg(report.environment, report.namespaceName, report.rollout);
}

// "0.94 (worst 0.93), stable 0.995": what the gate measured.
QString measured(const GateResult &gate)
{
    if (!gate.value)
        return GateReportFormat::tr("no value");
    QString text = GateJudge::number(*gate.value);
    if (gate.worstValue && *gate.worstValue != *gate.value)
        text += GateReportFormat::tr(" (worst %1)").arg(GateJudge::number(*gate.worstValue));
    if (gate.stableValue)
        text += GateReportFormat::tr(", stable %1").arg(GateJudge::number(*gate.stableValue));
    return text;
}

void writeCase(QXmlStreamWriter &xml, const GateReport &report, const GateResult &gate)
{
    xml.writeStartElement(QStringLiteral("testcase"));
    xml.writeAttribute(QStringLiteral("name"), gate.name);
    xml.writeAttribute(QStringLiteral("classname"), subject(report));
    xml.writeAttribute(QStringLiteral("time"), QStringLiteral("0"));
    const QString detail
        = QStringLiteral("%1\n%2: %3\n%4")
              .arg(gate.message, GateReportFormat::tr("bound"), gate.bound, gate.query);
    switch (gate.outcome) {
    case GateOutcome::Fail:
        xml.writeStartElement(QStringLiteral("failure"));
        break;
    case GateOutcome::Error:
        xml.writeStartElement(QStringLiteral("error"));
        break;
    case GateOutcome::Inconclusive:
        xml.writeStartElement(QStringLiteral("skipped"));
        break;
    case GateOutcome::Pass:
        xml.writeTextElement(QStringLiteral("system-out"), detail);
        xml.writeEndElement();
        return;
    }
    xml.writeAttribute(QStringLiteral("message"), gate.message);
    xml.writeAttribute(QStringLiteral("type"), GateOutcomes::id(gate.outcome));
    xml.writeCharacters(detail);
    xml.writeEndElement();
    xml.writeEndElement();
}

} // namespace

QString GateReportFormat::text(const GateReport &report)
{
    QString out = tr("%1 at %2: %3")
                      .arg(subject(report), timeText(report.evaluatedAtMs),
                           GateOutcomes::label(report.verdict()).toUpper());
    out += QLatin1Char('\n');
    if (report.canaryHash.isEmpty())
        out += tr("  no canary: one revision runs (stable %1)\n").arg(report.stableHash);
    else
        out += tr("  canary %1, stable %2\n").arg(report.canaryHash, report.stableHash);
    if (report.gates.isEmpty())
        out += tr("  no gate applies to this rollout\n");
    for (const GateResult &gate : report.gates) {
        out += QStringLiteral("  %1  %2\n")
                   .arg(GateOutcomes::label(gate.outcome).toUpper(), -12)
                   .arg(gate.name);
        out += tr("      value %1; bound %2\n").arg(measured(gate), gate.bound);
        out += QStringLiteral("      %1\n").arg(gate.message);
    }
    return out;
}

QByteArray GateReportFormat::json(const GateReport &report)
{
    QJsonArray gates;
    for (const GateResult &gate : report.gates)
        gates.append(gateObject(gate));
    const QJsonObject root {{QStringLiteral("apiVersion"), QStringLiteral("release-dashboard/v1")},
                            {QStringLiteral("kind"), QStringLiteral("GateReport")},
                            {QStringLiteral("environment"), report.environment},
                            {QStringLiteral("namespace"), report.namespaceName},
                            {QStringLiteral("rollout"), report.rollout},
                            {QStringLiteral("canaryHash"), report.canaryHash},
                            {QStringLiteral("stableHash"), report.stableHash},
                            {QStringLiteral("evaluatedAt"), timeText(report.evaluatedAtMs)},
                            {QStringLiteral("verdict"), GateOutcomes::id(report.verdict())},
                            {QStringLiteral("gates"), gates}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray GateReportFormat::junit(const QList<GateReport> &reports)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("testsuites"));
    for (const GateReport &report : reports) {
        xml.writeStartElement(QStringLiteral("testsuite"));
        xml.writeAttribute(QStringLiteral("name"), tr("quality gates of %1").arg(subject(report)));
        xml.writeAttribute(QStringLiteral("timestamp"), timeText(report.evaluatedAtMs));
        xml.writeAttribute(QStringLiteral("tests"), QString::number(report.gates.size()));
        xml.writeAttribute(QStringLiteral("failures"),
                           QString::number(report.count(GateOutcome::Fail)));
        xml.writeAttribute(QStringLiteral("errors"),
                           QString::number(report.count(GateOutcome::Error)));
        xml.writeAttribute(QStringLiteral("skipped"),
                           QString::number(report.count(GateOutcome::Inconclusive)));
        for (const GateResult &gate : report.gates)
            writeCase(xml, report, gate);
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}
