// SPDX-License-Identifier: GPL-3.0-or-later
#include "releasereport.h"

#include "releasereportbuilder.h"

#include <QRegularExpression>

namespace {

QString markdownRow(const QStringList &cells)
{
    QStringList escaped;
    escaped.reserve(cells.size());
    for (const QString &cell : cells)
        escaped.append(releaseReportMarkdownCell(cell));
    return QStringLiteral("| ") + escaped.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
}

void appendTable(QString *out, const ReleaseReportTable &table)
{
    if (table.headers.isEmpty())
        return;
    *out += markdownRow(table.headers);
    QStringList rule;
    for (qsizetype i = 0; i < table.headers.size(); ++i)
        rule.append(QStringLiteral("---"));
    *out += QStringLiteral("|") + rule.join(QLatin1Char('|')) + QStringLiteral("|\n");
    for (QStringList row : table.rows) {
        // A short row still makes a valid table line; a long one is cut to the headers.
        while (row.size() < table.headers.size())
            row.append(QString());
        *out += markdownRow(row.mid(0, table.headers.size()));
    }
    *out += QLatin1Char('\n');
}

// A heading or paragraph is one line of Markdown: line breaks inside would end it.
QString oneLine(const QString &text)
{
    static const QRegularExpression breaks(QStringLiteral("\\s*[\\r\\n]+\\s*"));
    return QString(text).replace(breaks, QStringLiteral(" ")).trimmed();
}

} // namespace

ReleaseReport releaseReport(const ReleaseTimeline &timeline, const ReleaseTimeline *previous)
{
    return ReleaseReportBuilder(timeline, previous).build();
}

QString releaseReportMarkdownCell(const QString &text)
{
    QString cell = oneLine(text);
    // A backslash before a pipe would otherwise escape our escape.
    cell.replace(QStringLiteral("\\|"), QStringLiteral("\\\\|"));
    cell.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    return cell;
}

QString releaseReportMarkdown(const ReleaseReport &report)
{
    QString out = QStringLiteral("# ") + oneLine(report.title) + QStringLiteral("\n\n");
    for (const ReleaseReportSection &section : report.sections) {
        out += QStringLiteral("## ") + oneLine(section.heading) + QStringLiteral("\n\n");
        for (const ReleaseReportBlock &block : section.blocks) {
            switch (block.kind) {
            case ReleaseReportBlock::Kind::Paragraph:
                out += oneLine(block.text) + QStringLiteral("\n\n");
                break;
            case ReleaseReportBlock::Kind::Subheading:
                out += QStringLiteral("### ") + oneLine(block.text) + QStringLiteral("\n\n");
                break;
            case ReleaseReportBlock::Kind::Table:
                appendTable(&out, block.table);
                break;
            case ReleaseReportBlock::Kind::TimelineDrawing:
                break;
            }
        }
    }
    return out;
}

QString releaseReportMarkdown(const ReleaseTimeline &timeline, const ReleaseTimeline *previous)
{
    return releaseReportMarkdown(releaseReport(timeline, previous));
}
