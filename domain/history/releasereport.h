// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "releaserecord.h"

#include <QList>
#include <QString>
#include <QStringList>

// The post-release review of one release, to share: what it was, how it went step by step,
// every gate's outcome, who did what and what the cluster said, and how it compares with the
// release before. The report is built once as plain content (sections of paragraphs and
// tables) so that the Markdown and the PDF (widgets/history/releasereportpdf.h) say exactly
// the same thing; each only lays it out.

struct ReleaseReportTable
{
    QStringList headers;
    QList<QStringList> rows; // each as long as headers
};

struct ReleaseReportBlock
{
    enum class Kind : quint8 {
        Paragraph,
        Subheading,
        Table,
        TimelineDrawing, // where a drawing of the timeline belongs; text outputs skip it
    };
    Kind kind = Kind::Paragraph;
    QString text; // Paragraph, Subheading
    ReleaseReportTable table; // Table
};

struct ReleaseReportSection
{
    QString heading;
    QList<ReleaseReportBlock> blocks;
};

struct ReleaseReport
{
    QString title;
    QList<ReleaseReportSection> sections;
};

// The report's content. `previous` (may be null) is the release to compare with, usually the
// workload's previous revision in the same environment; without it there is no comparison.
ReleaseReport releaseReport(const ReleaseTimeline &timeline, const ReleaseTimeline *previous);

// The report as Markdown (GitHub-flavoured tables; pipes in cells escaped, line breaks in a
// cell joined by spaces).
QString releaseReportMarkdown(const ReleaseReport &report);
QString releaseReportMarkdown(const ReleaseTimeline &timeline, const ReleaseTimeline *previous);

// A table cell made safe for a Markdown table: "|" as "\|", line breaks as spaces.
QString releaseReportMarkdownCell(const QString &text);
