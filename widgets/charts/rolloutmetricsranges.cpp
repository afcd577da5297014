// SPDX-License-Identifier: GPL-3.0-or-later
// The metrics view's presets: what each covers and how the picker names it (apart from the
// view's widgets, so the view stays one screen of layout and signals).
#include "rolloutmetricsview.h"

namespace {

constexpr qint64 minuteMs = 60 * 1000;
constexpr qint64 hourMs = 60 * minuteMs;
constexpr qint64 dayMs = 24 * hourMs;

} // namespace

const QList<RolloutMetricsView::Range> &RolloutMetricsView::presets()
{
    using R = RolloutMetricsView::Range;
    static const QList<R> ranges
        = {R::Last15Minutes, R::LastHour,   R::Last6Hours,      R::Last24Hours,
           R::Last7Days,     R::Last30Days, R::RevisionLifetime};
    return ranges;
}

qint64 RolloutMetricsView::rangeDurationMs(Range range)
{
    switch (range) {
    case Range::Last15Minutes:
        return 15 * minuteMs;
    case Range::LastHour:
        return hourMs;
    case Range::Last6Hours:
        return 6 * hourMs;
    case Range::Last24Hours:
        return dayMs;
    case Range::Last7Days:
        return 7 * dayMs;
    case Range::Last30Days:
        return 30 * dayMs;
    case Range::RevisionLifetime:
        break;
    }
    return 0;
}

QString RolloutMetricsView::rangeName(Range range)
{
    switch (range) {
    case Range::Last15Minutes:
        return tr("Last 15 minutes");
    case Range::LastHour:
        return tr("Last hour");
    case Range::Last6Hours:
        return tr("Last 6 hours");
    case Range::Last24Hours:
        return tr("Last 24 hours");
    case Range::Last7Days:
        return tr("Last 7 days");
    case Range::Last30Days:
        return tr("Last 30 days");
    case Range::RevisionLifetime:
        break;
    }
    return tr("This revision's lifetime");
}
