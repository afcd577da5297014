// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detailroles.h"

#include <QList>
#include <QString>
#include <QVariant>

// What one cell of a detail model shows. Rows are compared cell by cell, so a model sends
// dataChanged only when something visible changed (an age that still reads "15m" does not).
struct DetailCell
{
    DetailCell() = default;
    DetailCell(QString text, QString toolTip = {},
               DetailRoles::Tone tone = DetailRoles::Tone::Default) :
        text(std::move(text)), toolTip(std::move(toolTip)), tone(tone)
    { }

    QString text;
    QString toolTip;
    DetailRoles::Tone tone = DetailRoles::Tone::Default;
    QString symbol; // DetailRoles::SymbolRole
    bool bold = false;
    DetailRoles::Tone tint = DetailRoles::Tone::Default;
    DetailRoles::Tone symbolTone = DetailRoles::Tone::Default; // a step marker's colour

    bool operator==(const DetailCell &o) const
    {
        return text == o.text && toolTip == o.toolTip && tone == o.tone && symbol == o.symbol
            && bold == o.bold && tint == o.tint && symbolTone == o.symbolTone;
    }
};

struct DetailRow
{
    // Sized for every column up front: a reference from cell() stays valid only while no
    // later column is added.
    explicit DetailRow(int columnCount = 0) : cells(columnCount) { }

    QList<DetailCell> cells; // by column; missing cells are empty
    bool expandedByDefault = false;
    bool firstColumnSpanned = false;
    // A model's own value for its extra role (e.g. a step's state).
    QVariant extra;

    DetailCell &cell(int column)
    {
        if (cells.size() <= column)
            cells.resize(column + 1);
        return cells[column];
    }
    bool operator==(const DetailRow &o) const
    {
        return cells == o.cells && expandedByDefault == o.expandedByDefault
            && firstColumnSpanned == o.firstColumnSpanned && extra == o.extra;
    }

    // Qt's roles and DetailRoles for a cell (the key is the model's: it is not a cell's).
    QVariant data(int column, int role) const;
};
