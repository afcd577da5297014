// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartmarkers.h"
#include "chartspec.h"
#include "rollout.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QWidget>

class AbsoluteRangeBar;
class MetricChart;
class QComboBox;
class QGridLayout;
class QHBoxLayout;
class QLabel;
class QStackedWidget;
class QTimer;
class QToolButton;

// The metrics of one rollout: a range picker (last 15 minutes … 30 days, this revision's
// lifetime, or Custom…: from and to on calendar pickers, AbsoluteRangeBar), a Live toggle that
// keeps the range ending now, and a grid of MetricCharts (two columns when there is room) sharing
// one time window: zooming or panning one moves all of them. The view only shows; MetricsController
// (app/) decides the charts, runs the queries and hands the results in.
//
// Object names: "rangeCombo", "liveButton", "refreshButton", "metricsStatus",
// "metricsNotice", "metricsPlaceholder", "chartGrid", "absoluteRangeBar"; each chart is
// named after its id.
class RolloutMetricsView : public QWidget
{
    Q_OBJECT

public:
    enum class Range {
        Last15Minutes,
        LastHour,
        Last6Hours,
        Last24Hours,
        Last7Days,
        Last30Days,
        RevisionLifetime,
    };

    explicit RolloutMetricsView(QWidget *parent = nullptr);

    // The charts in order; a chart whose id stays keeps its widget (and data).
    void setCharts(const QList<ChartSpec> &charts);
    QList<ChartSpec> chartSpecs() const;
    void setChartSeries(const QString &chartId, const QList<ChartSeries> &series);
    void setChartMessage(const QString &chartId, const QString &text, bool isError);
    void setMarkers(const QList<ChartMarker> &markers, const Rollout &rollout);
    void setTimeRange(qint64 startMs, qint64 endMs);
    // The line at the right of the range picker ("Updated 10:21:05").
    void setStatus(const QString &text);
    QString status() const;
    // A note above the charts (e.g. metrics are off for the environment); empty hides it.
    void setNotice(const QString &text);
    QString notice() const;
    // Shown instead of the charts (no rollout selected, nothing to chart); empty: the charts.
    void setPlaceholder(const QString &text);
    QString placeholder() const;
    void setUtc(bool utc);

    // The preset picked last (also while Custom… shows a calendar window).
    Range range() const;
    void setRange(Range range); // does not emit rangeChanged
    // Custom… with this window in the calendar pickers, Live off; does not emit.
    void setAbsoluteRange(qint64 startMs, qint64 endMs);
    bool isCustom() const;
    AbsoluteRangeBar *absoluteRangeBar() const;
    // False: no presets and no Live, only the calendar window (a past release's review).
    void setPresetsVisible(bool visible);
    bool isLive() const;
    void setLive(bool live); // does not emit rangeChanged
    // The window a preset covers; 0 for RevisionLifetime.
    static qint64 rangeDurationMs(Range range);
    static QString rangeName(Range range);
    static const QList<Range> &presets();

    MetricChart *chart(const QString &chartId) const;
    QList<MetricChart *> charts() const;
    // The plot width a chart's query should be planned for (an estimate before it is shown).
    int plotWidth(const QString &chartId) const;

signals:
    // The user picked a range or toggled Live, or asked for the picked range back: what the
    // picker and the Live button now say.
    void rangeChanged(RolloutMetricsView::Range range, bool live);
    // The user zoomed or panned to this window and stopped (Live is off now).
    void rangeEdited(qint64 startMs, qint64 endMs);
    // The user asked for a calendar window (Custom…, Show; or a double click while it is
    // picked): from and to as chosen, the end at most now (Live is off).
    void absoluteRangeChosen(qint64 startMs, qint64 endMs);
    void refreshRequested();
    // Shown or hidden (a tab switch): no queries need to run for a hidden view.
    void visibilityChanged(bool visible);
    // The charts' widths changed for good (a resize settled): queries may plan anew.
    void chartsResized();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void relayout();
    int columnCount() const;
    void chartRangeEdited(MetricChart *source, qint64 startMs, qint64 endMs);
    void connectControls();
    void rangePicked();
    void resetRequested();

    QHBoxLayout *m_toolbar = nullptr;
    QLabel *m_rangeLabel = nullptr;
    QComboBox *m_range;
    AbsoluteRangeBar *m_absolute;
    Range m_preset = Range::RevisionLifetime;
    QToolButton *m_live;
    QToolButton *m_refresh;
    QLabel *m_status;
    QLabel *m_notice;
    QStackedWidget *m_stack;
    QLabel *m_placeholder;
    QWidget *m_grid;
    QGridLayout *m_gridLayout;
    QList<MetricChart *> m_charts;
    QList<ChartMarker> m_markers;
    Rollout m_rollout;
    qint64 m_startMs = 0;
    qint64 m_endMs = 0;
    bool m_utc = false;
    int m_columns = 0;
    QTimer *m_editTimer; // a pan or zoom settles before queries run
    QTimer *m_resizeTimer;
};
