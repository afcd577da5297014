// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/metricexposition.h"

#include <QLocale>

#include <cmath>

namespace rdsim {

void MetricExposition::beginFamily(const QString &name, const QString &type, const QString &help)
{
    m_family = name;
    m_text += "# HELP " + name.toUtf8() + ' ' + escapeHelp(help).toUtf8() + '\n';
    m_text += "# TYPE " + name.toUtf8() + ' ' + type.toUtf8() + '\n';
}

void MetricExposition::addSample(const QString &suffix, const Labels &labels, double value)
{
    QByteArray line = m_family.toUtf8() + suffix.toUtf8();
    if (!labels.isEmpty()) {
        line += '{';
        for (qsizetype i = 0; i < labels.size(); ++i) {
            if (i > 0)
                line += ',';
            line += labels.at(i).first.toUtf8() + "=\""
                + escapeLabelValue(labels.at(i).second).toUtf8() + '"';
        }
        line += '}';
    }
    line += ' ' + formatValue(value) + '\n';
    m_text += line;
}

QByteArray MetricExposition::formatValue(double value)
{
    if (std::isnan(value))
        return QByteArrayLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    // Whole numbers print without a fraction or exponent ("1024", "10"), the way client_golang
    // writes bucket bounds and counts; everything else as the shortest round-trip form.
    if (value == std::floor(value) && std::abs(value) < 1e15)
        return QByteArray::number(qint64(value));
    return QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
}

QString MetricExposition::escapeLabelValue(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (const QChar c : value) {
        if (c == u'\\')
            out += QStringLiteral("\\\\");
        else if (c == u'"')
            out += QStringLiteral("\\\"");
        else if (c == u'\n')
            out += QStringLiteral("\\n");
        else
            out += c;
    }
    return out;
}

QString MetricExposition::escapeHelp(const QString &help)
{
    QString out;
    out.reserve(help.size());
    for (const QChar c : help) {
        if (c == u'\\')
            out += QStringLiteral("\\\\");
        else if (c == u'\n')
            out += QStringLiteral("\\n");
        else
            out += c;
    }
    return out;
}

} // namespace rdsim
