// SPDX-License-Identifier: GPL-3.0-or-later
#include "rolloutmetricsview.h"

#include "detailstyle.h"

#include "absoluterangebar.h"
#include "metricchart.h"

#include <QComboBox>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

// Two charts side by side from this width of the view on, three from twice that.
constexpr int twoColumnWidth = 900;
// Before a chart is laid out: about what the plot gets in a two-column 1280 px window.
constexpr int estimatedPlotWidth = 540;
// The picker's entry that opens the calendar pickers rather than naming a preset.
constexpr int customItem = -1;

} // namespace

RolloutMetricsView::RolloutMetricsView(QWidget *parent) :
    QWidget(parent),
    m_range(new QComboBox(this)),
    m_absolute(new AbsoluteRangeBar(this)),
    m_live(new QToolButton(this)),
    m_refresh(new QToolButton(this)),
    m_status(new QLabel(this)),
    m_notice(new QLabel(this)),
    m_stack(new QStackedWidget(this)),
    m_placeholder(new QLabel(this)),
    m_grid(new QWidget),
    m_gridLayout(new QGridLayout(m_grid)),
    m_editTimer(new QTimer(this)),
    m_resizeTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("rolloutMetricsView"));
    m_range->setObjectName(QStringLiteral("rangeCombo"));
    for (Range range : presets())
        m_range->addItem(rangeName(range), int(range));
    m_range->addItem(tr("Custom…"), customItem);
    // What a release manager looks at first: canary against stable since this revision
    // started, whether that was minutes or days ago.
    m_range->setCurrentIndex(int(presets().indexOf(Range::RevisionLifetime)));
    m_range->setToolTip(tr("The time window of every chart"));

    m_live->setObjectName(QStringLiteral("liveButton"));
    m_live->setText(tr("Live"));
    m_live->setCheckable(true);
    m_live->setChecked(true);
    m_live->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_live->setToolTip(tr("Keep the window ending now and refresh at the charts' resolution"));
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    m_refresh->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_refresh->setToolTip(tr("Run the queries again"));
    m_status->setObjectName(QStringLiteral("metricsStatus"));
    QPalette quiet = m_status->palette();
    quiet.setColor(QPalette::WindowText, quiet.color(QPalette::PlaceholderText));
    m_status->setPalette(quiet);

    m_notice->setObjectName(QStringLiteral("metricsNotice"));
    m_notice->setWordWrap(true);
    m_notice->setContentsMargins(8, 3, 8, 3);
    m_notice->setStyleSheet(
        DetailStyle::boxStyleSheet(QStringLiteral("QLabel#metricsNotice"), QColor(0xfd, 0xf2, 0xe3),
                                   QColor(0x6b, 0x44, 0x08), QColor(0xf0, 0xcf, 0x9c)));
    m_notice->hide();

    m_placeholder->setObjectName(QStringLiteral("metricsPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setPalette(quiet);

    m_grid->setObjectName(QStringLiteral("chartGrid"));
    m_gridLayout->setContentsMargins(0, 0, 0, 0);
    m_gridLayout->setSpacing(6);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(m_grid);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(scroll);

    auto *toolbar = m_toolbar = new QHBoxLayout;
    toolbar->setSpacing(6);
    m_rangeLabel = new QLabel(tr("Range:"), this);
    m_rangeLabel->setBuddy(m_range);
    toolbar->addWidget(m_rangeLabel);
    toolbar->addWidget(m_range);
    toolbar->addWidget(m_live);
    toolbar->addWidget(m_refresh);
    toolbar->addStretch(1);
    toolbar->addWidget(m_status);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(toolbar);
    layout->addWidget(m_absolute);
    layout->addWidget(m_notice);
    layout->addWidget(m_stack, 1);

    connectControls();
    m_editTimer->setSingleShot(true);
    m_editTimer->setInterval(350);
    connect(m_editTimer, &QTimer::timeout, this, [this] { emit rangeEdited(m_startMs, m_endMs); });
    m_resizeTimer->setSingleShot(true);
    m_resizeTimer->setInterval(300);
    connect(m_resizeTimer, &QTimer::timeout, this, &RolloutMetricsView::chartsResized);
    setPlaceholder(tr("Select a rollout to see its metrics"));
}

void RolloutMetricsView::connectControls()
{
    m_absolute->hide();
    connect(m_range, &QComboBox::activated, this, &RolloutMetricsView::rangePicked);
    connect(m_live, &QToolButton::clicked, this, [this] {
        // Live from a calendar window: back to the preset it came from, ending now.
        if (isCustom())
            setRange(m_preset);
        emit rangeChanged(range(), isLive());
    });
    connect(m_absolute, &AbsoluteRangeBar::rangeChosen, this, [this](qint64 start, qint64 end) {
        m_live->setChecked(false);
        emit absoluteRangeChosen(start, end);
    });
    connect(m_refresh, &QToolButton::clicked, this, &RolloutMetricsView::refreshRequested);
}

void RolloutMetricsView::setCharts(const QList<ChartSpec> &charts)
{
    QList<MetricChart *> next;
    QHash<QString, MetricChart *> existing;
    for (MetricChart *chart : std::as_const(m_charts))
        existing.insert(chart->spec().id, chart);
    for (const ChartSpec &spec : charts) {
        MetricChart *chart = existing.take(spec.id);
        if (!chart) {
            chart = new MetricChart(m_grid);
            chart->setObjectName(spec.id);
            chart->setUtc(m_utc);
            chart->setTimeRange(m_startMs, m_endMs);
            chart->setMarkers(m_markers, m_rollout);
            connect(
                chart, &MetricChart::timeRangeEdited, this,
                [this, chart](qint64 start, qint64 end) { chartRangeEdited(chart, start, end); });
            connect(chart, &MetricChart::resetRequested, this, &RolloutMetricsView::resetRequested);
        }
        if (chart->spec() != spec)
            chart->setSpec(spec);
        next.append(chart);
    }
    for (MetricChart *gone : std::as_const(existing))
        delete gone;
    const bool sameOrder = next == m_charts;
    m_charts = next;
    if (!sameOrder)
        relayout();
}

QList<ChartSpec> RolloutMetricsView::chartSpecs() const
{
    QList<ChartSpec> specs;
    for (const MetricChart *chart : m_charts)
        specs.append(chart->spec());
    return specs;
}

void RolloutMetricsView::setChartSeries(const QString &chartId, const QList<ChartSeries> &series)
{
    if (MetricChart *target = chart(chartId))
        target->setSeries(series);
}

void RolloutMetricsView::setChartMessage(const QString &chartId, const QString &text, bool isError)
{
    if (MetricChart *target = chart(chartId))
        target->setMessage(text, isError);
}

void RolloutMetricsView::setMarkers(const QList<ChartMarker> &markers, const Rollout &rollout)
{
    m_markers = markers;
    m_rollout = rollout;
    for (MetricChart *chart : std::as_const(m_charts))
        chart->setMarkers(markers, rollout);
}

void RolloutMetricsView::setTimeRange(qint64 startMs, qint64 endMs)
{
    m_startMs = startMs;
    m_endMs = endMs;
    for (MetricChart *chart : std::as_const(m_charts))
        chart->setTimeRange(startMs, endMs);
}

void RolloutMetricsView::setStatus(const QString &text)
{
    m_status->setText(text);
}

QString RolloutMetricsView::status() const
{
    return m_status->text();
}

void RolloutMetricsView::setNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

QString RolloutMetricsView::notice() const
{
    return m_notice->text();
}

void RolloutMetricsView::setPlaceholder(const QString &text)
{
    m_placeholder->setText(text);
    m_stack->setCurrentIndex(text.isEmpty() ? 1 : 0);
}

QString RolloutMetricsView::placeholder() const
{
    return m_stack->currentIndex() == 0 ? m_placeholder->text() : QString();
}

void RolloutMetricsView::setUtc(bool utc)
{
    m_utc = utc;
    m_absolute->setUtc(utc);
    for (MetricChart *chart : std::as_const(m_charts))
        chart->setUtc(utc);
}

RolloutMetricsView::Range RolloutMetricsView::range() const
{
    return m_preset;
}

void RolloutMetricsView::setRange(Range range)
{
    m_preset = range;
    m_range->setCurrentIndex(int(presets().indexOf(range)));
    m_absolute->hide();
}

bool RolloutMetricsView::isCustom() const
{
    return m_range->currentData().toInt() == customItem;
}

void RolloutMetricsView::setAbsoluteRange(qint64 startMs, qint64 endMs)
{
    m_range->setCurrentIndex(m_range->findData(customItem));
    m_absolute->setRange(startMs, endMs);
    m_absolute->show();
    m_live->setChecked(false);
}

AbsoluteRangeBar *RolloutMetricsView::absoluteRangeBar() const
{
    return m_absolute;
}

void RolloutMetricsView::setPresetsVisible(bool visible)
{
    // Without presets the calendar window is the toolbar: one row instead of two.
    if (!visible && m_toolbar->indexOf(m_absolute) < 0) {
        layout()->removeWidget(m_absolute);
        m_toolbar->insertWidget(0, m_absolute);
    }
    for (QWidget *widget : {static_cast<QWidget *>(m_rangeLabel), static_cast<QWidget *>(m_range),
                            static_cast<QWidget *>(m_live)})
        widget->setVisible(visible);
}

void RolloutMetricsView::rangePicked()
{
    if (isCustom()) {
        // Nothing changes until Show: start from the window on screen.
        m_absolute->setRange(m_startMs, std::min(m_endMs, QDateTime::currentMSecsSinceEpoch()));
        m_absolute->show();
        return;
    }
    setRange(Range(m_range->currentData().toInt()));
    // A new window follows now again; only pan and zoom stop following.
    m_live->setChecked(true);
    emit rangeChanged(range(), isLive());
}

void RolloutMetricsView::resetRequested()
{
    // Back to the window picked: the calendar's, or the preset (following now).
    if (isCustom()) {
        emit absoluteRangeChosen(m_absolute->startMs(), m_absolute->endMs());
        return;
    }
    m_live->setChecked(true);
    emit rangeChanged(range(), isLive());
}

bool RolloutMetricsView::isLive() const
{
    return m_live->isChecked();
}

void RolloutMetricsView::setLive(bool live)
{
    m_live->setChecked(live);
}

MetricChart *RolloutMetricsView::chart(const QString &chartId) const
{
    for (MetricChart *chart : m_charts) {
        if (chart->spec().id == chartId)
            return chart;
    }
    return nullptr;
}

QList<MetricChart *> RolloutMetricsView::charts() const
{
    return m_charts;
}

int RolloutMetricsView::plotWidth(const QString &chartId) const
{
    const MetricChart *target = chart(chartId);
    if (!target || !target->isVisible() || target->width() < 100)
        return estimatedPlotWidth;
    return target->plotWidth();
}

void RolloutMetricsView::chartRangeEdited(MetricChart *source, qint64 startMs, qint64 endMs)
{
    m_startMs = startMs;
    m_endMs = endMs;
    for (MetricChart *chart : std::as_const(m_charts)) {
        if (chart != source)
            chart->setTimeRange(startMs, endMs);
    }
    m_live->setChecked(false);
    m_editTimer->start();
}

int RolloutMetricsView::columnCount() const
{
    if (width() >= 2 * twoColumnWidth)
        return 3;
    return width() >= twoColumnWidth ? 2 : 1;
}

void RolloutMetricsView::relayout()
{
    while (m_gridLayout->count() > 0)
        delete m_gridLayout->takeAt(0);
    m_columns = columnCount();
    for (int c = 0; c < 3; ++c)
        m_gridLayout->setColumnStretch(c, c < m_columns ? 1 : 0);
    for (qsizetype i = 0; i < m_charts.size(); ++i)
        m_gridLayout->addWidget(m_charts.at(i), int(i) / m_columns, int(i) % m_columns);
}

void RolloutMetricsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    emit visibilityChanged(true);
}

void RolloutMetricsView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    emit visibilityChanged(false);
}

void RolloutMetricsView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (columnCount() != m_columns)
        relayout();
    m_resizeTimer->start();
}
