// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "releasereport.h"

#include <QCoreApplication>

// Builds a ReleaseReport's sections (releasereport.h); the comparison with the previous
// release is in releasereportcomparison.cpp. Use releaseReport(); its static words (outcome,
// actor, step) are shared with the timeline drawing so both say the same.
class ReleaseReportBuilder
{
    Q_DECLARE_TR_FUNCTIONS(ReleaseReport)

public:
    ReleaseReportBuilder(const ReleaseTimeline &timeline, const ReleaseTimeline *previous);
    ReleaseReport build() const;

    // Translated words shared with the PDF's and the timeline's texts.
    static QString outcomeText(ReleaseOutcome outcome);
    static QString actorText(const ReleaseAction &action);
    static QString stepName(qint32 step);

    // The blocks every section is made of (the safety nets' section too,
    // releasesafetynets.cpp).
    static ReleaseReportBlock paragraph(const QString &text);
    static ReleaseReportBlock subheading(const QString &text);
    static ReleaseReportBlock table(const ReleaseReportTable &table);
    // The table, or the paragraph saying nothing was recorded when it has no rows.
    static ReleaseReportBlock tableOr(const ReleaseReportTable &table, const QString &empty);

private:
    QString title() const;
    ReleaseReportSection summarySection() const;
    ReleaseReportSection timelineSection() const;
    ReleaseReportSection stepsSection() const;
    ReleaseReportSection gatesSection() const;
    ReleaseReportSection analysisSection() const;
    ReleaseReportTable measurementsTable() const;
    ReleaseReportSection actionsSection() const;
    ReleaseReportSection eventsSection() const;
    ReleaseReportSection comparisonSection() const;
    ReleaseReportTable comparisonOverview() const;
    ReleaseReportTable comparisonSteps() const;
    ReleaseReportTable comparisonMetrics() const;

    const ReleaseTimeline &m_timeline;
    const ReleaseTimeline *m_previous;
};
