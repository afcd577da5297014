// SPDX-License-Identifier: GPL-3.0-or-later
#include "detailrow.h"

#include <QFont>

QVariant DetailRow::data(int column, int role) const
{
    if (column == 0 && role == DetailRoles::ExpandedByDefaultRole)
        return expandedByDefault;
    if (column == 0 && role == DetailRoles::FirstColumnSpannedRole)
        return firstColumnSpanned;
    if (column < 0 || column >= cells.size())
        return QVariant();
    const DetailCell &c = cells.at(column);
    switch (role) {
    case Qt::DisplayRole:
        return c.text;
    case Qt::ToolTipRole:
        return c.toolTip.isEmpty() ? QVariant() : QVariant(c.toolTip);
    case Qt::FontRole:
        if (!c.bold)
            return QVariant();
        {
            // Only the weight is set: the view's font fills in the rest.
            QFont font;
            font.setBold(true);
            return font;
        }
    case DetailRoles::ToneRole:
        return c.tone == DetailRoles::Tone::Default ? QVariant() : QVariant(int(c.tone));
    case DetailRoles::TintRole:
        return c.tint == DetailRoles::Tone::Default ? QVariant() : QVariant(int(c.tint));
    case DetailRoles::SymbolToneRole:
        return c.symbolTone == DetailRoles::Tone::Default ? QVariant()
                                                          : QVariant(int(c.symbolTone));
    case DetailRoles::SymbolRole:
        return c.symbol.isEmpty() ? QVariant() : QVariant(c.symbol);
    default:
        return QVariant();
    }
}
