// SPDX-License-Identifier: GPL-3.0-or-later
#include "releasereportpdf.h"

#include "releasereport.h"
#include "releasereportdocument.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QFile>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

#include <cmath>

namespace {

class ReleaseReportPdf
{
    Q_DECLARE_TR_FUNCTIONS(ReleaseReportPdf)

public:
    static QString openError(const QString &path, const QString &reason)
    {
        return tr("Cannot write the release report to %1: %2").arg(path, reason);
    }
    static QString paintError(const QString &path)
    {
        return tr("Cannot write the release report to %1: the PDF could not be started.").arg(path);
    }
    static QString footer(int page, int pages) { return tr("Page %1 of %2").arg(page).arg(pages); }
    static QString creator() { return tr("Release Dashboard"); }
};

constexpr int dotsPerInch = 300;
constexpr qreal marginMm = 15;

QFont reportFont()
{
    // DejaVu Sans is on every Debian desktop and has the dashes and signs the report uses.
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setStyleHint(QFont::SansSerif);
    font.setPointSizeF(8.5);
    return font;
}

// Draws page `page` (from 0) of the laid-out document, then its footer below the text.
void paintPage(QPainter *painter, QTextDocument *document, int page, int pages,
               const QRectF &footerRect, const QString &title)
{
    const QSizeF pageSize = document->pageSize();
    painter->save();
    painter->setClipRect(QRectF(QPointF(0, 0), pageSize));
    painter->translate(0, -page * pageSize.height());
    QAbstractTextDocumentLayout::PaintContext context;
    context.clip = QRectF(0, page * pageSize.height(), pageSize.width(), pageSize.height());
    context.palette.setColor(QPalette::Text, Qt::black);
    document->documentLayout()->draw(painter, context);
    painter->restore();

    painter->save();
    QFont font = reportFont();
    font.setPointSizeF(7);
    painter->setFont(font);
    painter->setPen(QPen(QColor(0xb0, 0xb6, 0xbc), 0));
    painter->drawLine(footerRect.topLeft(), footerRect.topRight());
    painter->setPen(QColor(0x55, 0x5b, 0x61));
    const QRectF text = footerRect.adjusted(0, footerRect.height() * 0.2, 0, 0);
    painter->drawText(text, Qt::AlignLeft | Qt::AlignVCenter, title);
    painter->drawText(text, Qt::AlignRight | Qt::AlignVCenter,
                      ReleaseReportPdf::footer(page + 1, pages));
    painter->restore();
}

} // namespace

bool writeReleaseReportPdf(const ReleaseTimeline &timeline, const ReleaseTimeline *previous,
                           const QString &path, QString *error)
{
    // Opened here rather than by QPdfWriter, which would fail later without saying why.
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error)
            *error = ReleaseReportPdf::openError(
                path, path.isEmpty() ? QStringLiteral("-") : file.errorString());
        return false;
    }
    const ReleaseReport report = releaseReport(timeline, previous);
    QPdfWriter writer(&file);
    writer.setResolution(dotsPerInch);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                     QMarginsF(marginMm, marginMm, marginMm, marginMm),
                                     QPageLayout::Millimeter));
    writer.setTitle(report.title);
    writer.setCreator(ReleaseReportPdf::creator());

    QPainter painter;
    if (!painter.begin(&writer)) {
        if (error)
            *error = ReleaseReportPdf::paintError(path);
        return false;
    }
    // The footer takes the last 8 mm of the printable area; the text the rest.
    const qreal footerHeight = std::round(8.0 / 25.4 * dotsPerInch);
    const QSizeF body(writer.width(), writer.height() - footerHeight);
    QTextDocument document;
    document.documentLayout()->setPaintDevice(&writer);
    document.setPageSize(body);
    ReleaseReportDocument(&document, reportFont()).build(report, timeline);

    const int pages = std::max(1, document.pageCount());
    const QRectF footerRect(0, body.height() + footerHeight * 0.25, body.width(),
                            footerHeight * 0.75);
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            writer.newPage();
        paintPage(&painter, &document, page, pages, footerRect, report.title);
    }
    painter.end();
    file.close();
    if (file.error() != QFileDevice::NoError) {
        if (error)
            *error = ReleaseReportPdf::openError(path, file.errorString());
        return false;
    }
    return true;
}
