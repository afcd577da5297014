// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace rdsim {

// Writes the Prometheus text exposition format, version 0.0.4: per family one `# HELP` and
// one `# TYPE` line followed by all of its samples (a family is never split), label values
// escaped (backslash, double quote, line feed), HELP text escaped (backslash, line feed),
// values as Go's client writes them (shortest round-trip float, "+Inf", "-Inf", "NaN").
class MetricExposition
{
public:
    using Labels = QList<QPair<QString, QString>>;

    // Starts a family; samples added afterwards belong to it.
    void beginFamily(const QString &name, const QString &type, const QString &help);
    // suffix is appended to the family name ("_bucket", "_sum", "_count" for histograms).
    void addSample(const QString &suffix, const Labels &labels, double value);

    QByteArray text() const { return m_text; }

    static QByteArray formatValue(double value);
    static QString escapeLabelValue(const QString &value);
    static QString escapeHelp(const QString &help);

private:
    QString m_family;
    QByteArray m_text;
};

} // namespace rdsim
