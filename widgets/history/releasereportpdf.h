// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "releaserecord.h"

#include <QString>

// Writes the release report (domain/history/releasereport.h: the same content as its
// Markdown) as a PDF for print: A4 portrait, 15 mm margins, the timeline drawn as vectors,
// tables that continue on the next page with their header repeated, and "Page n of m" in
// every footer. `previous` (may be null) adds the comparison. False, with a translated
// reason in *error (when given), when the file cannot be written.
bool writeReleaseReportPdf(const ReleaseTimeline &timeline, const ReleaseTimeline *previous,
                           const QString &path, QString *error);
