// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline's quality gate rows: a row per gate in order of first evaluation (more than
// six share the last row, worst on top), and along a row the colour painted and the tooltip
// shown follow the recorded outcomes over time, with nothing where the gate was not evaluated.
#include "../support/releasetimelinefixture.h"
#include "releasetimelinepainter.h"
#include "releasetimelinewidget.h"

#include <QImage>
#include <QPainter>
#include <QTest>

using namespace ReleaseTimelineFixture;

namespace {

QPalette lightPalette()
{
    QPalette palette(QColor(0xef, 0xef, 0xef));
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::Text, Qt::black);
    return palette;
}

// Pixel sizes: the image and the tooltip lay the drawing out alike whatever the resolution.
QFont drawingFont()
{
    QFont font;
    font.setPixelSize(13);
    return font;
}

// What the row of `gate` shows from left to right, a run per change: the outcome the tooltip
// names ("not evaluated" between evaluations) and the pixel colour in the middle of the run.
struct Run
{
    QString state;
    QRgb colour;
};

QList<Run> rowRuns(const ReleaseTimeline &timeline, const QString &gate)
{
    const QRect area(0, 0, 1000, 560);
    QImage image(area.size(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    const ReleaseTimelinePainter painter(timeline);
    {
        QPainter p(&image);
        p.setFont(drawingFont());
        painter.paint(&p, QRectF(area), lightPalette());
    }
    // RD_RELEASE_REPORT_OUT=<folder> keeps the drawing, for a look (as tst_releasereportpdf).
    if (const QString out = qEnvironmentVariable("RD_RELEASE_REPORT_OUT"); !out.isEmpty())
        image.save(out + QStringLiteral("/timeline-gates.png"));
    const QString prefix = gate + QStringLiteral(": ");
    const auto stateAt = [&](int x, int y) {
        const QString tip = painter.toolTipAt(QRectF(area), drawingFont(), QPointF(x, y));
        return tip.startsWith(prefix) ? tip.mid(prefix.size()).section(QLatin1Char('\n'), 0, 0)
                                      : QString();
    };
    int row = -1;
    for (int y = 0; y < area.height() && row < 0; ++y)
        row = stateAt(area.width() / 2, y).isEmpty() ? -1 : y;
    if (row < 0)
        return {};
    int rowEnd = row;
    while (!stateAt(area.width() / 2, rowEnd + 1).isEmpty())
        ++rowEnd;
    const int y = (row + rowEnd) / 2;
    QList<Run> runs;
    QList<int> starts;
    for (int x = 0; x < area.width(); ++x) {
        const QString state = stateAt(x, y);
        if (state.isEmpty() || (!runs.isEmpty() && runs.last().state == state))
            continue;
        if (!runs.isEmpty())
            runs.last().colour = image.pixel((starts.last() + x) / 2, y);
        runs.append({state, 0});
        starts.append(x);
    }
    runs.last().colour = image.pixel((starts.last() + area.width()) / 2, y);
    return runs;
}

} // namespace

class TestReleaseTimelineGates : public QObject
{
    Q_OBJECT

private slots:
    void aRowPerGate()
    {
        const ReleaseTimeline t = withGates();
        const ReleaseTimelinePainter painter(t);
        const auto &lanes = painter.gateLanes();
        QCOMPARE(lanes.size(), 2);
        QCOMPARE(lanes[0].label, QStringLiteral("error-rate"));
        QCOMPARE(lanes[1].label, QStringLiteral("checkout-7-3 / success-rate"));
        QCOMPARE(lanes[0].spans.size(), 4);
        QCOMPARE(lanes[0].spans[1].outcome, GateOutcome::Fail);
        QCOMPARE(lanes[0].spans[1].from, at(14, 4, 30));
        QCOMPARE(lanes[0].spans[1].to, at(14, 6));
        QVERIFY(ReleaseTimelinePainter(rich()).gateLanes().isEmpty());

        // The rows take room of their own: the widget asks for more height.
        ReleaseTimelineWidget with;
        with.setTimeline(t);
        ReleaseTimelineWidget without;
        without.setTimeline(rich());
        QVERIFY(with.sizeHint().height() > without.sizeHint().height());
    }

    void manyGatesShareTheLastRow()
    {
        ReleaseTimeline t = rich();
        for (int i = 0; i < 8; ++i) {
            const QByteArray name = "gate-" + QByteArray::number(i);
            const GateOutcome outcome = i == 6 ? GateOutcome::Fail : GateOutcome::Pass;
            t.gates.append(gateEvaluation(name.constData(), at(14, 1 + i), outcome, 1.0));
        }
        const ReleaseTimelinePainter painter(t);
        const auto &lanes = painter.gateLanes();
        QCOMPARE(lanes.size(), 6);
        QCOMPARE(lanes[4].label, QStringLiteral("gate-4"));
        QCOMPARE(lanes[5].label, QStringLiteral("other gates"));
        QCOMPARE(lanes[5].spans.size(), 3); // gate-5, gate-6, gate-7
        QCOMPARE(lanes[5].spans.last().outcome, GateOutcome::Fail); // drawn last, on top
        QCOMPARE(lanes[5].spans.last().gate, QStringLiteral("gate-6"));
    }

    void rowShowsTheOutcomesOverTime()
    {
        const QRgb pass
            = ReleaseTimelinePainter::gateColour(GateOutcome::Pass, lightPalette()).rgb();
        const QRgb fail
            = ReleaseTimelinePainter::gateColour(GateOutcome::Fail, lightPalette()).rgb();
        const QRgb inconclusive
            = ReleaseTimelinePainter::gateColour(GateOutcome::Inconclusive, lightPalette()).rgb();
        QVERIFY(pass != fail && fail != inconclusive);

        const QList<Run> errorRate = rowRuns(withGates(), QStringLiteral("error-rate"));
        QStringList states;
        for (const Run &run : errorRate)
            states.append(run.state);
        // 14:00-14:02 and 14:07-14:16 and after 14:17: not evaluated.
        QCOMPARE(states,
                 QStringList({"not evaluated then", "Pass", "Fail", "Pass", "not evaluated then",
                              "Pass", "not evaluated then"}));
        QCOMPARE(errorRate[1].colour, pass);
        QCOMPARE(errorRate[2].colour, fail);
        QCOMPARE(errorRate[3].colour, pass);
        QCOMPARE(errorRate[5].colour, pass);
        for (int i : {0, 4, 6})
            QVERIFY(errorRate[i].colour != pass && errorRate[i].colour != fail);

        const QList<Run> analysis
            = rowRuns(withGates(), QStringLiteral("checkout-7-3 / success-rate"));
        QCOMPARE(analysis.size(), 4);
        QCOMPARE(analysis[1].state, QStringLiteral("Inconclusive"));
        QCOMPARE(analysis[1].colour, inconclusive);
        QCOMPARE(analysis[2].state, QStringLiteral("Pass"));
        QCOMPARE(analysis[2].colour, pass);
    }

    void tooltipSaysWhatWasMeasured()
    {
        const QRectF area(0, 0, 1000, 560);
        const ReleaseTimelinePainter painter(withGates());
        const QString failed = QStringLiteral("error-rate: Fail");
        QString tip;
        for (int y = 0; y < 560 && !tip.startsWith(failed); ++y) {
            for (int x = 0; x < 1000 && !tip.startsWith(failed); x += 4)
                tip = painter.toolTipAt(area, drawingFont(), QPointF(x, y));
        }
        QCOMPARE(tip,
                 QStringLiteral("error-rate: Fail\n2026-12-05 14:04:30 UTC – 2026-12-05 14:06:00 "
                                "UTC\nvalue 0.05, bound max 0.02\nmean 0.05 is above max 0.02"));
    }
};

QTEST_MAIN(TestReleaseTimelineGates)
#include "tst_releasetimelinegates.moc"
