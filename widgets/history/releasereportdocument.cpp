// SPDX-License-Identifier: GPL-3.0-or-later
#include "releasereportdocument.h"

#include <QAbstractTextDocumentLayout>
#include <QFontMetricsF>
#include <QPainter>
#include <QPalette>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextTable>

#include <cmath>

namespace {

// Print colours whatever the desktop's theme: paper is white.
QPalette printPalette()
{
    QPalette palette(QColor(0xef, 0xef, 0xef));
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::Text, Qt::black);
    palette.setColor(QPalette::WindowText, Qt::black);
    return palette;
}

const QColor headerTint(0xe8, 0xec, 0xf0);
const QColor stripeTint(0xf4, 0xf6, 0xf8);
const QColor noteColour(0x55, 0x5b, 0x61);

// Tones for the phase and outcome words in the tables, so a failure stands out on paper.
QColor cellColour(const QString &text)
{
    if (text == QLatin1String("Failed") || text == QLatin1String("Error")
        || text == QLatin1String("Warning") || text == QLatin1String("Degraded"))
        return QColor(0xb0, 0x2a, 0x1e);
    if (text == QLatin1String("Inconclusive"))
        return QColor(0x9a, 0x62, 0x08);
    if (text == QLatin1String("Successful"))
        return QColor(0x1e, 0x7a, 0x45);
    return Qt::black;
}

} // namespace

ReleaseTimelineTextObject::ReleaseTimelineTextObject(const ReleaseTimeline &timeline,
                                                     const QSizeF &size, const QFont &font,
                                                     QObject *parent) :
    QObject(parent), m_painter(timeline), m_size(size), m_font(font)
{ }

QSizeF ReleaseTimelineTextObject::intrinsicSize(QTextDocument *, int, const QTextFormat &)
{
    return m_size;
}

void ReleaseTimelineTextObject::drawObject(QPainter *painter, const QRectF &rect, QTextDocument *,
                                           int, const QTextFormat &)
{
    painter->save();
    painter->setFont(m_font);
    m_painter.paint(painter, rect, printPalette());
    painter->restore();
}

ReleaseReportDocument::ReleaseReportDocument(QTextDocument *document, const QFont &font) :
    m_document(document), m_font(font)
{ }

void ReleaseReportDocument::build(const ReleaseReport &report, const ReleaseTimeline &timeline)
{
    m_document->setDefaultFont(m_font);
    m_document->setDocumentMargin(0);
    QTextCursor cursor(m_document);
    // One edit: the layout runs once at the end, not after every cell (a table of hundreds
    // of events is laid out again whenever one of its cells changes).
    cursor.beginEditBlock();
    addHeading(&cursor, report.title, m_font.pointSizeF() * 1.9, true);
    for (const ReleaseReportSection &section : report.sections) {
        addHeading(&cursor, section.heading, m_font.pointSizeF() * 1.4, false);
        const bool summary = &section == &report.sections.first();
        for (const ReleaseReportBlock &block : section.blocks) {
            switch (block.kind) {
            case ReleaseReportBlock::Kind::Paragraph:
                addParagraph(&cursor, block.text, block.text.endsWith(QLatin1String("recorded.")));
                break;
            case ReleaseReportBlock::Kind::Subheading:
                addHeading(&cursor, block.text, m_font.pointSizeF() * 1.15, false);
                break;
            case ReleaseReportBlock::Kind::Table:
                addTable(&cursor, block.table, summary);
                break;
            case ReleaseReportBlock::Kind::TimelineDrawing:
                addDrawing(&cursor, timeline);
                break;
            }
        }
    }
    cursor.endEditBlock();
    keepHeadingsWithText();
}

qreal ReleaseReportDocument::px(qreal points) const
{
    // The layout scales frame and block lengths from 96 dpi pixels to its paint device itself.
    return points * 96.0 / 72.0;
}

void ReleaseReportDocument::keepHeadingsWithText()
{
    const qreal pageHeight = m_document->pageSize().height();
    if (pageHeight <= 0)
        return;
    QAbstractTextDocumentLayout *layout = m_document->documentLayout();
    // Room for a heading's first three lines of text (or a table's header and two rows).
    const qreal needed = QFontMetricsF(m_font, layout->paintDevice()).lineSpacing() * 3.5;
    for (int number : std::as_const(m_headings)) {
        const QTextBlock block = m_document->findBlockByNumber(number);
        layout->documentSize(); // lays out what an earlier break moved
        const QRectF rect = layout->blockBoundingRect(block);
        const qreal pageEnd = (std::floor(rect.top() / pageHeight) + 1) * pageHeight;
        if (pageEnd - rect.bottom() >= needed)
            continue;
        QTextBlockFormat format;
        format.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
        QTextCursor(block).mergeBlockFormat(format);
    }
}

void ReleaseReportDocument::addHeading(QTextCursor *cursor, const QString &text, qreal pointSize,
                                       bool first)
{
    QTextBlockFormat block;
    block.setTopMargin(first ? 0 : px(pointSize * 0.9));
    block.setBottomMargin(px(pointSize * 0.35));
    block.setNonBreakableLines(true);
    QTextCharFormat chars;
    QFont font = m_font;
    font.setPointSizeF(pointSize);
    font.setBold(true);
    chars.setFont(font);
    if (first)
        cursor->setBlockFormat(block);
    else
        cursor->insertBlock(block);
    cursor->setBlockCharFormat(chars);
    cursor->insertText(text, chars);
    if (!first)
        m_headings.append(cursor->block().blockNumber());
}

void ReleaseReportDocument::addParagraph(QTextCursor *cursor, const QString &text, bool note)
{
    QTextBlockFormat block;
    block.setBottomMargin(px(m_font.pointSizeF() * 0.6));
    QTextCharFormat chars;
    chars.setFont(m_font);
    if (note) {
        chars.setFontItalic(true);
        chars.setForeground(noteColour);
    }
    cursor->insertBlock(block, chars);
    cursor->insertText(text, chars);
}

void ReleaseReportDocument::addTable(QTextCursor *cursor, const ReleaseReportTable &table,
                                     bool keyValue)
{
    if (table.headers.isEmpty())
        return;
    QTextTableFormat format;
    // Rows told apart by shading rather than rules: hairlines vanish in print previews.
    format.setBorder(0);
    format.setCellPadding(px(2.2));
    format.setCellSpacing(0);
    format.setWidth(QTextLength(QTextLength::PercentageLength, keyValue ? 70 : 100));
    format.setHeaderRowCount(keyValue ? 0 : 1); // repeated on every page the table spans
    format.setTopMargin(px(m_font.pointSizeF() * 0.5));
    format.setBottomMargin(px(m_font.pointSizeF() * 0.8));
    const int columns = int(table.headers.size());
    const int headerRows = keyValue ? 0 : 1;
    QTextTable *t = cursor->insertTable(int(table.rows.size()) + headerRows, columns, format);
    QFont small = m_font;
    small.setPointSizeF(m_font.pointSizeF() * (columns > 5 ? 0.85 : 0.95));
    const auto setCell = [&](int row, int column, const QString &text, bool header) {
        QTextTableCell cell = t->cellAt(row, column);
        QTextCharFormat chars;
        chars.setFont(small);
        chars.setFontWeight(header || (keyValue && column == 0) ? QFont::Bold : QFont::Normal);
        chars.setForeground(header ? QColor(Qt::black) : cellColour(text));
        if (header)
            chars.setBackground(headerTint);
        QTextTableCellFormat cellFormat = cell.format().toTableCellFormat();
        if (header || (keyValue && column == 0))
            cellFormat.setBackground(headerTint);
        else if ((row - (keyValue ? 0 : 1)) % 2 == 1)
            cellFormat.setBackground(stripeTint);
        cell.setFormat(cellFormat);
        QTextCursor c = cell.firstCursorPosition();
        // Times, values and conditions stay on one line (the column widens for them); only
        // long texts such as messages wrap.
        if (text.size() <= 24) {
            QTextBlockFormat block;
            block.setNonBreakableLines(true);
            c.mergeBlockFormat(block);
        }
        c.insertText(text, chars);
    };
    if (!keyValue) {
        for (int column = 0; column < columns; ++column)
            setCell(0, column, table.headers.at(column), true);
    }
    for (int row = 0; row < table.rows.size(); ++row) {
        const QStringList &cells = table.rows.at(row);
        for (int column = 0; column < columns && column < cells.size(); ++column)
            setCell(row + headerRows, column, cells.at(column), false);
    }
    cursor->movePosition(QTextCursor::End);
}

void ReleaseReportDocument::addDrawing(QTextCursor *cursor, const ReleaseTimeline &timeline)
{
    const qreal width = m_document->pageSize().width();
    QFont font = m_font;
    font.setPointSizeF(m_font.pointSizeF() * 1.05);
    ReleaseTimelinePainter sizing(timeline);
    const QSizeF size(width,
                      std::min(m_document->pageSize().height() * 0.55,
                               std::max(width * 0.45,
                                        sizing.preferredHeight(
                                            font, m_document->documentLayout()->paintDevice()))));
    auto *handler = new ReleaseTimelineTextObject(timeline, size, font, m_document);
    m_document->documentLayout()->registerHandler(ReleaseTimelineTextObject::objectType, handler);
    QTextBlockFormat block;
    block.setBottomMargin(px(m_font.pointSizeF() * 1.4));
    cursor->insertBlock(block);
    QTextCharFormat object;
    object.setObjectType(ReleaseTimelineTextObject::objectType);
    cursor->insertText(QString(QChar::ObjectReplacementCharacter), object);
}
