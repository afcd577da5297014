// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "releasereport.h"
#include "releasetimelinepainter.h"

#include <QCoreApplication>
#include <QFont>
#include <QObject>
#include <QSizeF>
#include <QTextObjectInterface>

class QTextCursor;
class QTextDocument;

// The timeline drawing as an object inside the report's text: the document lays it out
// like a character (so it moves to the next page as a whole) and it is painted as vectors
// by ReleaseTimelinePainter, in print colours.
class ReleaseTimelineTextObject : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    static constexpr int objectType = QTextFormat::UserObject + 12;

    ReleaseTimelineTextObject(const ReleaseTimeline &timeline, const QSizeF &size,
                              const QFont &font, QObject *parent = nullptr);

    QSizeF intrinsicSize(QTextDocument *document, int position, const QTextFormat &format) override;
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *document, int position,
                    const QTextFormat &format) override;

private:
    ReleaseTimelinePainter m_painter;
    QSizeF m_size;
    QFont m_font;
    QList<int> m_headings; // block numbers
};

// Fills a QTextDocument (already given its paint device and page size) with a ReleaseReport
// laid out for print. The document owns the drawing's handler.
class ReleaseReportDocument
{
    Q_DECLARE_TR_FUNCTIONS(ReleaseReportDocument)

public:
    ReleaseReportDocument(QTextDocument *document, const QFont &font);
    void build(const ReleaseReport &report, const ReleaseTimeline &timeline);

private:
    void addHeading(QTextCursor *cursor, const QString &text, qreal pointSize, bool first);
    void addParagraph(QTextCursor *cursor, const QString &text, bool note);
    void addTable(QTextCursor *cursor, const ReleaseReportTable &table, bool keyValue);
    void addDrawing(QTextCursor *cursor, const ReleaseTimeline &timeline);
    // Moves a heading that would end a page, with no room for what it heads, to the next.
    void keepHeadingsWithText();
    // Points as the 96 dpi pixels of frame and block formats (borders, padding, margins).
    qreal px(qreal points) const;

    QTextDocument *m_document;
    QFont m_font;
    QList<int> m_headings; // block numbers
};
