// SPDX-License-Identifier: GPL-3.0-or-later
// The release report as PDF, read back with poppler's pdftotext and pdfinfo: the key facts
// of a rich release are in its text, hundreds of events paginate, an unwritable path says
// why; and the timeline painter draws (and survives) empty, one-point and rich timelines.
// RD_RELEASE_REPORT_OUT=<folder> keeps the PDF and a PNG of the drawing there, for a look.
#include "../support/releasetimelinefixture.h"
#include "releasereportpdf.h"
#include "releasetimelinepainter.h"
#include "releasetimelinewidget.h"
#include "themecolours.h"

#include <QDir>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ReleaseTimelineFixture;

namespace {

QString run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return QString();
    return QString::fromUtf8(process.readAllStandardOutput());
}

QString pdfText(const QString &path)
{
    return run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
}

int pdfPages(const QString &path)
{
    static const QRegularExpression pages(QStringLiteral("^Pages:\\s+(\\d+)"),
                                          QRegularExpression::MultilineOption);
    const auto match = pages.match(run(QStringLiteral("pdfinfo"), {path}));
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

QPalette lightPalette()
{
    QPalette palette(QColor(0xef, 0xef, 0xef));
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::Text, Qt::black);
    return palette;
}

// Pixels that differ from the background.
int paintedPixels(const ReleaseTimeline &timeline, const QPalette &palette, QImage *out = nullptr)
{
    QImage image(900, 420, QImage::Format_ARGB32);
    image.fill(palette.color(QPalette::Base));
    {
        QPainter painter(&image);
        ReleaseTimelinePainter(timeline).paint(&painter, QRectF(image.rect()), palette);
    }
    int count = 0;
    const QRgb background = palette.color(QPalette::Base).rgba();
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            count += image.pixel(x, y) != background ? 1 : 0;
    }
    if (out)
        *out = image;
    return count;
}

QString outputFolder()
{
    return qEnvironmentVariable("RD_RELEASE_REPORT_OUT");
}

} // namespace

class TestReleaseReportPdf : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(),
                 "pdftotext missing: apt-get install poppler-utils (scripts/install-deps)");
        QVERIFY(!QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty());
    }

    void richReportHasTheKeyFacts()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString folder = outputFolder().isEmpty() ? dir.path() : outputFolder();
        const QString path = QDir(folder).filePath(QStringLiteral("release-report.pdf"));
        const ReleaseTimeline before = previous();
        QString error;
        QVERIFY2(writeReleaseReportPdf(rich(), &before, path, &error), qPrintable(error));
        QVERIFY(error.isEmpty());
        const QString text = pdfText(path);
        for (const char *fact :
             {"Release report: checkout revision 7 in prod", "checkout", "promoted", "[0.99]",
              "result[0] >= 0.95", "result[0] < 0.9", "alice@example.com", "resume",
              "AnalysisRunInconclusive", "2026-12-05 14:11:00 UTC", "Comparison with the",
              "−10 min 00 s", "Page 1 of"}) {
            QVERIFY2(text.contains(QString::fromUtf8(fact)), fact);
        }
        QVERIFY(pdfPages(path) >= 1);
    }

    void hundredsOfEventsPaginate()
    {
        QTemporaryDir dir;
        ReleaseTimeline t = rich();
        for (int i = 0; i < 300; ++i) {
            t.events.append(ReleaseTimelineFixture::event(
                i % 7 == 0 ? "Warning" : "Normal", "ScalingReplicaSet",
                "Scaled up replica set checkout-7f9c to 4", at(14, 0).addSecs(i * 4)));
            t.events.last().uid = QString::number(i);
        }
        const QString path = dir.filePath(QStringLiteral("many.pdf"));
        QString error;
        QVERIFY2(writeReleaseReportPdf(t, nullptr, path, &error), qPrintable(error));
        const int pages = pdfPages(path);
        QVERIFY2(pages >= 4, qPrintable(QString::number(pages)));
        const QString text = pdfText(path);
        QVERIFY(text.contains(QStringLiteral("Page %1 of %1").arg(pages)));
        QCOMPARE(text.count(QStringLiteral("Scaled up replica set checkout-7f9c to 4")), 300);
    }

    void qualityGatesArePrinted()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("gates.pdf"));
        QString error;
        QVERIFY2(writeReleaseReportPdf(withGates(), nullptr, path, &error), qPrintable(error));
        const QString text = pdfText(path);
        for (const char *fact :
             {"Quality gates", "Worst outcome", "error-rate", "Fail", "2026-12-05 14:04:30 UTC",
              "max 0.02", "checkout-7-3 / success-rate", "Inconclusive", "never"}) {
            QVERIFY2(text.contains(QString::fromUtf8(fact)), fact);
        }
        QVERIFY(writeReleaseReportPdf(rich(), nullptr, dir.filePath(QStringLiteral("none.pdf")),
                                      &error));
        QVERIFY(pdfText(dir.filePath(QStringLiteral("none.pdf")))
                    .contains(QStringLiteral("No quality gate evaluations were recorded.")));
    }

    void emptySectionsSaySo()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("empty.pdf"));
        QString error;
        QVERIFY2(writeReleaseReportPdf(ReleaseTimeline(), nullptr, path, &error),
                 qPrintable(error));
        const QString text = pdfText(path);
        QVERIFY(text.contains(QStringLiteral("No analysis runs were recorded.")));
        QVERIFY(text.contains(QStringLiteral("No events were recorded.")));
        QVERIFY(text.contains(QStringLiteral("No safety nets were recorded.")));
        // Every section says so: the safety nets' (issue 15) take the empty report onto a
        // second page.
        QCOMPARE(pdfPages(path), 2);
    }

    void unwritablePathSaysWhy()
    {
        const QString path = QStringLiteral("/nonexistent-folder-for-rd/report.pdf");
        QString error;
        QVERIFY(!writeReleaseReportPdf(rich(), nullptr, path, &error));
        QVERIFY2(error.startsWith(QStringLiteral("Cannot write the release report to ") + path),
                 qPrintable(error));
        QVERIFY(!writeReleaseReportPdf(rich(), nullptr, QString(), nullptr));
    }

    void painterSurvivesSparseTimelines()
    {
        QVERIFY(paintedPixels(ReleaseTimeline(), lightPalette()) > 0); // frame and note
        ReleaseTimeline one;
        one.transitions = {transition(at(14, 0), "Progressing", 0, 20, 0, false)};
        QVERIFY(paintedPixels(one, lightPalette()) > 0);
        ReleaseTimeline odd = rich();
        odd.summary.startedAt = QDateTime();
        odd.summary.endedAt = at(13, 0); // before everything recorded
        odd.measurements.append(measurement("x", "", "Running", QDateTime()));
        QVERIFY(paintedPixels(odd, lightPalette()) > 0);
        QImage tiny(3, 2, QImage::Format_ARGB32);
        QPainter painter(&tiny);
        ReleaseTimelinePainter(rich()).paint(&painter, QRectF(0, 0, 3, 2), lightPalette());
        ReleaseTimelinePainter().paint(&painter, QRectF(), lightPalette());
    }

    void painterDrawsTheRichTimeline()
    {
        QImage light;
        QImage dark;
        const int empty = paintedPixels(ReleaseTimeline(), lightPalette());
        QVERIFY(paintedPixels(rich(), lightPalette(), &light) > empty * 2);
        QVERIFY(paintedPixels(rich(), ThemeColours::darkPalette(), &dark) > empty * 2);
        if (!outputFolder().isEmpty()) {
            QVERIFY(
                light.save(QDir(outputFolder()).filePath(QStringLiteral("timeline-light.png"))));
            QVERIFY(dark.save(QDir(outputFolder()).filePath(QStringLiteral("timeline-dark.png"))));
        }
        const ReleaseTimelinePainter painter(rich());
        QCOMPARE(painter.startMSecs(), at(14, 0).toMSecsSinceEpoch());
        QCOMPARE(painter.endMSecs(), at(14, 20).toMSecsSinceEpoch());
    }

    void widgetShowsTheTimeline()
    {
        ReleaseTimelineWidget widget;
        widget.setTimeline(rich());
        QVERIFY(widget.sizeHint().height() > widget.fontMetrics().height() * 10);
        QVERIFY(widget.sizeHint().width() > widget.sizeHint().height());
        widget.resize(widget.sizeHint());
        const QImage image = widget.grab().toImage();
        QVERIFY(!image.isNull());
        // The middle of the drawing is inside the weights: its tooltip names a step.
        const QRectF area(widget.rect());
        const QString tip = widget.timelinePainter().toolTipAt(
            area, widget.font(), QPointF(area.width() * 0.5, area.height() * 0.3));
        QVERIFY2(tip.contains(QStringLiteral("step ")), qPrintable(tip));
    }
};

QTEST_MAIN(TestReleaseReportPdf)
#include "tst_releasereportpdf.moc"
