// SPDX-License-Identifier: GPL-3.0-or-later
#include "environmentdelegate.h"

#include "themecolours.h"

#include "connectionstatestyle.h"
#include "environmentmodel.h"
#include "phasestyle.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

namespace {

ConnectionState stateOf(const QModelIndex &index)
{
    ConnectionState state;
    state.kind = ConnectionState::Kind(index.data(EnvironmentModel::StateRole).toInt());
    state.reason = index.data(EnvironmentModel::ReasonRole).toString();
    state.retryInSeconds = index.data(EnvironmentModel::RetryRole).toInt();
    state.lastUpdated = index.data(EnvironmentModel::LastUpdatedRole).toDateTime();
    state.insecure = index.data(EnvironmentModel::InsecureRole).toBool();
    state.dataWarnings = index.data(EnvironmentModel::DataWarningsRole).toStringList();
    return state;
}

constexpr int margin = 8;
constexpr int lineGap = 2;
constexpr int stripeWidth = 4;

} // namespace

EnvironmentDelegate::EnvironmentDelegate(QObject *parent) : QStyledItemDelegate(parent) { }

QSize EnvironmentDelegate::sizeHint(const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const
{
    // Two lines (name, state), a third for the reason of a failure or unreadable fields.
    const QFontMetrics fm(option.font);
    const bool third = !index.data(EnvironmentModel::ReasonRole).toString().isEmpty()
        || !index.data(EnvironmentModel::DataWarningsRole).toStringList().isEmpty();
    const int lines = third ? 3 : 2;
    return QSize(180, fm.height() * lines + (lines - 1) * lineGap + 2 * margin);
}

namespace {
// What the three lines of one environment are drawn with: where, in which fonts and colours.
struct Row
{
    QPainter *painter;
    bool selected;
    QColor text;
    QColor quiet;
    QFont font;
    QFont small;
    QFontMetrics fm;
    QFontMetrics smallFm;
    int left;
    int right;
    int line1;
    int line2;
    int line3;
};

QColor warningColour()
{
    return ThemeColours::foreground(QColor(0xb2, 0x6a, 0x00));
}

// Line 1: name, badges (read-only, insecure TLS), and the number of workloads.
void paintTitleLine(const Row &row, const QStyleOptionViewItem &opt, QPalette::ColorGroup group,
                    const QModelIndex &index, const ConnectionState &state)
{
    QPainter *painter = row.painter;
    const QString countText
        = QLocale().toString(index.data(EnvironmentModel::WorkloadCountRole).toInt());
    const int countWidth = row.smallFm.horizontalAdvance(countText) + 12;
    const QRect countRect(row.right - countWidth, row.line1 + 1, countWidth,
                          row.smallFm.height() + 1);
    painter->setPen(Qt::NoPen);
    painter->setBrush(row.selected ? row.text : opt.palette.color(group, QPalette::Mid));
    painter->drawRoundedRect(countRect, countRect.height() / 2.0, countRect.height() / 2.0);
    painter->setFont(row.small);
    painter->setPen(row.selected ? opt.palette.color(group, QPalette::Highlight)
                                 : opt.palette.color(group, QPalette::Base));
    painter->drawText(countRect, Qt::AlignCenter, countText);

    QStringList badges;
    if (index.data(EnvironmentModel::ReadOnlyRole).toBool())
        badges.append(EnvironmentDelegate::tr("read-only"));
    if (state.insecure)
        badges.append(QStringLiteral("\u26a0 ") + EnvironmentDelegate::tr("insecure TLS"));
    const QString badgeText = badges.join(QStringLiteral("  "));
    QFont bold = row.font;
    bold.setBold(true);
    const QFontMetrics boldFm(bold);
    const int nameRoom = countRect.left() - row.left - margin;
    // The name first (it is what the person looks for); the badges get what is left and are
    // elided before it, their full text is in the tooltip.
    const int badgeMinimum
        = badgeText.isEmpty() ? 0 : row.smallFm.horizontalAdvance(QChar(0x26a0)) + 12;
    // Elide against the room, not the text's own (rounded) advance.
    const int nameWidth = nameRoom - badgeMinimum;
    painter->setFont(bold);
    painter->setPen(row.text);
    const QString shownName = boldFm.elidedText(index.data(EnvironmentModel::NameRole).toString(),
                                                Qt::ElideRight, std::max(nameWidth, 0));
    painter->drawText(QRect(row.left, row.line1, nameRoom, row.fm.height()),
                      Qt::AlignLeft | Qt::AlignVCenter, shownName);
    if (badgeText.isEmpty())
        return;
    const int badgeLeft = row.left + boldFm.horizontalAdvance(shownName) + 8;
    painter->setFont(row.small);
    painter->setPen(row.selected ? row.text : (state.insecure ? warningColour() : row.quiet));
    painter->drawText(
        QRect(badgeLeft, row.line1, countRect.left() - badgeLeft - 4, row.fm.height()),
        Qt::AlignLeft | Qt::AlignVCenter,
        row.smallFm.elidedText(badgeText, Qt::ElideRight, countRect.left() - badgeLeft - 4));
}

// Line 2: state icon and label in the state's colour, then what needs a person here in the
// colours of the table's attention markers. Returns where line 2's text starts.
int paintStateLine(const Row &row, const QModelIndex &index, const ConnectionState &state)
{
    QPainter *painter = row.painter;
    const int iconSize = row.fm.height() - 4;
    ConnectionStateStyle::icon(state.kind, iconSize)
        .paint(painter, QRect(row.left, row.line2 + 2, iconSize, iconSize));
    const int textLeft = row.left + iconSize + 6;
    painter->setFont(row.small);
    painter->setPen(row.selected ? row.text : ConnectionStateStyle::colour(state.kind));
    const QString stateLabel = row.smallFm.elidedText(ConnectionStateStyle::label(state),
                                                      Qt::ElideRight, row.right - textLeft);
    painter->drawText(QRect(textLeft, row.line2, row.right - textLeft, row.fm.height()),
                      Qt::AlignLeft | Qt::AlignVCenter, stateLabel);
    int countLeft = textLeft + row.smallFm.horizontalAdvance(stateLabel) + 8;
    const auto drawCount = [&](const QString &label, const QColor &colour) {
        if (label.isEmpty() || countLeft >= row.right)
            return;
        painter->setPen(row.selected ? row.text : colour);
        const QString shown = row.smallFm.elidedText(label, Qt::ElideRight, row.right - countLeft);
        painter->drawText(QRect(countLeft, row.line2, row.right - countLeft, row.fm.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, shown);
        countLeft += row.smallFm.horizontalAdvance(shown) + 8;
    };
    const int failures = index.data(EnvironmentModel::FailureCountRole).toInt();
    const int waiting = index.data(EnvironmentModel::WaitingCountRole).toInt();
    drawCount(EnvironmentModel::attentionText(failures, 0),
              PhaseStyle::colour(QStringLiteral("Degraded")));
    drawCount(EnvironmentModel::attentionText(0, waiting),
              PhaseStyle::colour(QStringLiteral("Paused")));
    return textLeft;
}

// Line 3: why, when something is wrong; else the first field that could not be read, in
// the warning colour (the tooltip has them all).
void paintReasonLine(const Row &row, int textLeft, const ConnectionState &state)
{
    QPainter *painter = row.painter;
    if (!state.reason.isEmpty()) {
        painter->setPen(row.quiet);
        painter->drawText(
            QRect(textLeft, row.line3, row.right - textLeft, row.fm.height()),
            Qt::AlignLeft | Qt::AlignVCenter,
            row.smallFm.elidedText(state.reason, Qt::ElideRight, row.right - textLeft));
    } else if (!state.dataWarnings.isEmpty()) {
        painter->setPen(row.selected ? row.text : warningColour());
        // Object and field first: the resource name is long and the tooltip has it.
        const QString first = state.dataWarnings.first();
        const QString shown = QStringLiteral("\u26a0 ") + first.section(QLatin1Char(' '), 1);
        painter->drawText(QRect(row.left, row.line3, row.right - row.left, row.fm.height()),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          row.smallFm.elidedText(shown, Qt::ElideRight, row.right - row.left));
    }
}
} // namespace

void EnvironmentDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.icon = QIcon();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, opt.widget);

    const ConnectionState state = stateOf(index);
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group
        = opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    const QColor text
        = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor quiet = text;
    quiet.setAlphaF(0.65);
    QFont small = opt.font;
    small.setPointSizeF(opt.font.pointSizeF() * 0.9);
    const QRect r = opt.rect;
    const QFontMetrics fm(opt.font);
    const int line1 = r.top() + margin;
    const int line2 = line1 + fm.height() + lineGap;
    const Row row {painter,
                   selected,
                   text,
                   quiet,
                   opt.font,
                   small,
                   fm,
                   QFontMetrics(small),
                   r.left() + 2 + stripeWidth + margin,
                   r.right() - margin,
                   line1,
                   line2,
                   line2 + fm.height() + lineGap};

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor colour = index.data(EnvironmentModel::ColourRole).value<QColor>();
    if (colour.isValid())
        painter->fillRect(QRect(r.left() + 2, r.top() + 4, stripeWidth, r.height() - 8), colour);
    paintTitleLine(row, opt, group, index, state);
    const int textLeft = paintStateLine(row, index, state);
    paintReasonLine(row, textLeft, state);
    painter->restore();
}

QString EnvironmentDelegate::toolTip(const QModelIndex &index)
{
    const ConnectionState state = stateOf(index);
    QStringList lines;
    lines.append(QStringLiteral("<b>%1</b>")
                     .arg(index.data(EnvironmentModel::NameRole).toString().toHtmlEscaped()));
    lines.append(tr("Context: %1")
                     .arg(index.data(EnvironmentModel::ContextRole).toString().toHtmlEscaped()));
    lines.append(ConnectionStateStyle::description(state).toHtmlEscaped());
    if (state.lastUpdated.isValid()) {
        lines.append(
            tr("Last update: %1")
                .arg(QLocale().toString(state.lastUpdated.toLocalTime(), QLocale::ShortFormat)));
    }
    lines.append(
        tr("Workloads: %1")
            .arg(QLocale().toString(index.data(EnvironmentModel::WorkloadCountRole).toInt())));
    if (index.data(EnvironmentModel::ReadOnlyRole).toBool())
        lines.append(tr("Read-only: no actions are offered."));
    if (state.insecure)
        lines.append(ConnectionStateStyle::insecureWarning().toHtmlEscaped());
    if (!state.dataWarnings.isEmpty()) {
        lines.append(
            tr("Some fields could not be read and are shown with default values:").toHtmlEscaped());
        for (const QString &warning : state.dataWarnings)
            lines.append(QStringLiteral("&nbsp;&nbsp;• ") + warning.toHtmlEscaped());
    }
    return lines.join(QStringLiteral("<br>"));
}

bool EnvironmentDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                    const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::ToolTip && index.isValid()) {
        QToolTip::showText(event->globalPos(), toolTip(index), view);
        return true;
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}
