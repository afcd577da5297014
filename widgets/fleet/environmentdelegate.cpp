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
    const QString name = index.data(EnvironmentModel::NameRole).toString();
    const QColor colour = index.data(EnvironmentModel::ColourRole).value<QColor>();
    const int count = index.data(EnvironmentModel::WorkloadCountRole).toInt();
    const bool readOnly = index.data(EnvironmentModel::ReadOnlyRole).toBool();
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group
        = opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    const QColor text
        = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor quiet = text;
    quiet.setAlphaF(0.65);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect r = opt.rect;
    if (colour.isValid())
        painter->fillRect(QRect(r.left() + 2, r.top() + 4, stripeWidth, r.height() - 8), colour);
    const int left = r.left() + 2 + stripeWidth + margin;
    const int right = r.right() - margin;
    const QFontMetrics fm(opt.font);
    QFont small = opt.font;
    small.setPointSizeF(opt.font.pointSizeF() * 0.9);
    const QFontMetrics smallFm(small);
    const int line1 = r.top() + margin;
    const int line2 = line1 + fm.height() + lineGap;
    const int line3 = line2 + fm.height() + lineGap;

    // Line 1: name, badges (read-only, insecure TLS), and the number of workloads.
    const QString countText = QLocale().toString(count);
    const int countWidth = smallFm.horizontalAdvance(countText) + 12;
    const QRect countRect(right - countWidth, line1 + 1, countWidth, smallFm.height() + 1);
    painter->setPen(Qt::NoPen);
    painter->setBrush(selected ? text : opt.palette.color(group, QPalette::Mid));
    painter->drawRoundedRect(countRect, countRect.height() / 2.0, countRect.height() / 2.0);
    painter->setFont(small);
    painter->setPen(selected ? opt.palette.color(group, QPalette::Highlight)
                             : opt.palette.color(group, QPalette::Base));
    painter->drawText(countRect, Qt::AlignCenter, countText);

    QStringList badges;
    if (readOnly)
        badges.append(tr("read-only"));
    if (state.insecure)
        badges.append(QStringLiteral("\u26a0 ") + tr("insecure TLS"));
    const QString badgeText = badges.join(QStringLiteral("  "));
    QFont bold = opt.font;
    bold.setBold(true);
    const QFontMetrics boldFm(bold);
    const int nameRoom = countRect.left() - left - margin;
    // The name first (it is what the person looks for); the badges get what is left and are
    // elided before it, their full text is in the tooltip.
    const int badgeMinimum
        = badgeText.isEmpty() ? 0 : smallFm.horizontalAdvance(QChar(0x26a0)) + 12;
    // Elide against the room, not the text's own (rounded) advance.
    const int nameWidth = nameRoom - badgeMinimum;
    painter->setFont(bold);
    painter->setPen(text);
    const QString shownName = boldFm.elidedText(name, Qt::ElideRight, std::max(nameWidth, 0));
    painter->drawText(QRect(left, line1, nameRoom, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      shownName);
    if (!badgeText.isEmpty()) {
        const int badgeLeft = left + boldFm.horizontalAdvance(shownName) + 8;
        painter->setFont(small);
        painter->setPen(
            selected
                ? text
                : (state.insecure ? ThemeColours::foreground(QColor(0xb2, 0x6a, 0x00)) : quiet));
        painter->drawText(
            QRect(badgeLeft, line1, countRect.left() - badgeLeft - 4, fm.height()),
            Qt::AlignLeft | Qt::AlignVCenter,
            smallFm.elidedText(badgeText, Qt::ElideRight, countRect.left() - badgeLeft - 4));
    }

    // Line 2: state icon and label in the state's colour.
    const int iconSize = fm.height() - 4;
    ConnectionStateStyle::icon(state.kind, iconSize)
        .paint(painter, QRect(left, line2 + 2, iconSize, iconSize));
    const int textLeft = left + iconSize + 6;
    painter->setFont(small);
    painter->setPen(selected ? text : ConnectionStateStyle::colour(state.kind));
    const QString stateLabel
        = smallFm.elidedText(ConnectionStateStyle::label(state), Qt::ElideRight, right - textLeft);
    painter->drawText(QRect(textLeft, line2, right - textLeft, fm.height()),
                      Qt::AlignLeft | Qt::AlignVCenter, stateLabel);
    // What needs a person here, in the colours of the table's attention markers.
    int countLeft = textLeft + smallFm.horizontalAdvance(stateLabel) + 8;
    const auto drawCount = [&](const QString &label, const QColor &colour) {
        if (label.isEmpty() || countLeft >= right)
            return;
        painter->setPen(selected ? text : colour);
        const QString shown = smallFm.elidedText(label, Qt::ElideRight, right - countLeft);
        painter->drawText(QRect(countLeft, line2, right - countLeft, fm.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, shown);
        countLeft += smallFm.horizontalAdvance(shown) + 8;
    };
    const int failures = index.data(EnvironmentModel::FailureCountRole).toInt();
    const int waiting = index.data(EnvironmentModel::WaitingCountRole).toInt();
    drawCount(EnvironmentModel::attentionText(failures, 0),
              PhaseStyle::colour(QStringLiteral("Degraded")));
    drawCount(EnvironmentModel::attentionText(0, waiting),
              PhaseStyle::colour(QStringLiteral("Paused")));

    // Line 3: why, when something is wrong; else the first field that could not be read,
    // in the warning colour (the tooltip has them all).
    if (!state.reason.isEmpty()) {
        painter->setPen(quiet);
        painter->drawText(QRect(textLeft, line3, right - textLeft, fm.height()),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          smallFm.elidedText(state.reason, Qt::ElideRight, right - textLeft));
    } else if (!state.dataWarnings.isEmpty()) {
        painter->setPen(selected ? text : ThemeColours::foreground(QColor(0xb2, 0x6a, 0x00)));
        // Object and field first: the resource name is long and the tooltip has it.
        const QString first = state.dataWarnings.first();
        const QString shown = QStringLiteral("\u26a0 ") + first.section(QLatin1Char(' '), 1);
        painter->drawText(QRect(left, line3, right - left, fm.height()),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          smallFm.elidedText(shown, Qt::ElideRight, right - left));
    }
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
