// SPDX-License-Identifier: GPL-3.0-or-later
#include "promotiondelegate.h"

#include "argotext.h"
#include "fleetrow.h"
#include "gateresult.h"
#include "phasestyle.h"
#include "promotionmodel.h"
#include "safetynetstext.h"
#include "themecolours.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace {

constexpr int Margin = 6;
constexpr int ArrowWidth = 9; // kept free at the right for the "ahead" arrow

QColor gateColour(int outcome)
{
    if (outcome == int(GateOutcome::Pass))
        return ThemeColours::foreground(QColor(0x2e, 0x7d, 0x32));
    if (outcome == int(GateOutcome::Fail) || outcome == int(GateOutcome::Error))
        return PromotionDelegate::failureColour();
    return ThemeColours::foreground(QColor(0x8a, 0x6d, 0x00));
}

// Text at the line's right end in `colour`; returns the room left of it.
QRect paintRight(QPainter *painter, const QRect &line, const QString &text, const QColor &colour)
{
    if (text.isEmpty())
        return line;
    const int width = painter->fontMetrics().horizontalAdvance(text);
    painter->setPen(colour);
    painter->drawText(line, Qt::AlignRight | Qt::AlignVCenter, text);
    return line.adjusted(0, 0, -(width + Margin), 0);
}

} // namespace

QColor PromotionDelegate::aheadColour()
{
    return ThemeColours::foreground(QColor(0x15, 0x65, 0xc0));
}

QColor PromotionDelegate::failureColour()
{
    return ThemeColours::foreground(QColor(0xc6, 0x28, 0x28));
}

QColor PromotionDelegate::waitingColour()
{
    return ThemeColours::foreground(QColor(0xb2, 0x6a, 0x00));
}

QSize PromotionDelegate::sizeHint(const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    if (index.column() == 0)
        return QStyledItemDelegate::sizeHint(option, index);
    QFont bold = option.font;
    bold.setBold(true);
    const int text = QFontMetrics(bold).horizontalAdvance(index.data().toString());
    const int height = option.fontMetrics.height();
    return QSize(std::max(text + 3 * Margin + ArrowWidth + 2 * height, 15 * height),
                 2 * height + 3 * Margin);
}

void PromotionDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    if (index.column() == 0) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);
    painter->save();
    const bool selected = option.state & QStyle::State_Selected;
    if (!index.data(PromotionModel::DeployedRole).toBool()) {
        painter->setPen(option.palette.color(QPalette::PlaceholderText));
        painter->drawText(option.rect, Qt::AlignCenter, index.data().toString());
        painter->restore();
        return;
    }
    const int attention = index.data(PromotionModel::AttentionRole).toInt();
    const int drift = index.data(PromotionModel::DriftRole).toInt();
    // Soft tints chosen for a light background (ThemeColours::tint darkens them).
    QColor tint;
    if (attention == int(FleetRow::Attention::Failure))
        tint = QColor(0xfd, 0xe4, 0xe4);
    else if (attention == int(FleetRow::Attention::WaitingForPerson))
        tint = QColor(0xfd, 0xf0, 0xd8);
    else if (drift & PromotionModel::BehindPrevious)
        tint = QColor(0xe3, 0xee, 0xfb);
    if (tint.isValid() && !selected)
        painter->fillRect(option.rect.adjusted(1, 1, -1, -1), ThemeColours::tint(tint));
    if (drift & PromotionModel::AheadOfNext) {
        // A filled arrow at the right border, pointing at the environment that is behind.
        const QRect r = option.rect;
        const int mid = r.center().y();
        QPainterPath arrow;
        arrow.moveTo(r.right() - ArrowWidth + 1, mid - 6);
        arrow.lineTo(r.right() - 1, mid);
        arrow.lineTo(r.right() - ArrowWidth + 1, mid + 6);
        arrow.closeSubpath();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->fillPath(arrow, aheadColour());
    }
    const QRect content = option.rect.adjusted(Margin, Margin, -(Margin + ArrowWidth), -Margin);
    const int half = content.height() / 2;
    paintFirstLine(painter, QRect(content.topLeft(), QSize(content.width(), half)), opt, index);
    paintSecondLine(painter, QRect(content.left(), content.top() + half, content.width(), half),
                    opt, index);
    painter->restore();
}

void PromotionDelegate::paintFirstLine(QPainter *painter, const QRect &line,
                                       const QStyleOptionViewItem &option,
                                       const QModelIndex &index) const
{
    const bool selected = option.state & QStyle::State_Selected;
    const QColor text = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const bool stale = index.data(PromotionModel::StaleRole).toBool();
    const QString sync = index.data(PromotionModel::SyncStatusRole).toString();
    QRect room = line;
    if (!sync.isEmpty()) {
        const QString mark = sync == QLatin1String("Synced") ? tr("✓", "Argo CD: synced")
            : sync == QLatin1String("OutOfSync")             ? tr("⟳", "Argo CD: out of sync")
                                                             : tr("?", "Argo CD: unknown");
        room = paintRight(painter, line, mark,
                          stale || selected ? text
                                            : ThemeColours::foreground(ArgoText::syncColour(sync)));
    }
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(text);
    const QString version = index.data(PromotionModel::VersionRole).toString();
    const QFontMetrics metrics(bold);
    painter->drawText(room, Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(version, Qt::ElideMiddle, room.width()));
    const QString canary = index.data(PromotionModel::CanaryVersionRole).toString();
    if (canary.isEmpty())
        return;
    const int used = metrics.horizontalAdvance(version);
    painter->setFont(option.font);
    painter->setPen(stale || selected ? text : PhaseStyle::colour(QStringLiteral("Progressing")));
    const QRect rest = room.adjusted(used, 0, 0, 0);
    painter->drawText(rest, Qt::AlignLeft | Qt::AlignVCenter,
                      option.fontMetrics.elidedText(tr(" → %1", "the canary's version").arg(canary),
                                                    Qt::ElideRight, rest.width()));
}

void PromotionDelegate::paintSecondLine(QPainter *painter, const QRect &line,
                                        const QStyleOptionViewItem &option,
                                        const QModelIndex &index) const
{
    const bool selected = option.state & QStyle::State_Selected;
    const bool plain = selected || index.data(PromotionModel::StaleRole).toBool();
    const QColor text = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    painter->setFont(option.font);
    QRect room = paintRight(
        painter, line, index.data(PromotionModel::GateTextRole).toString(),
        plain ? text : gateColour(index.data(PromotionModel::GateOutcomeRole).toInt()));
    // Whether the canary's version passed its load tests and chaos in the earlier environment
    // ("✕ staging"); the tooltip names the runs.
    const QStringList evidence = index.data(PromotionModel::EvidenceTextRole).toStringList();
    if (evidence.size() == 2) {
        using Evidence = SafetyNetsText::Evidence;
        const auto verdict = Evidence(index.data(PromotionModel::EvidenceVerdictRole).toInt());
        const QString mark = verdict == Evidence::Failed ? tr("✕ %1", "failed in an environment")
            : verdict == Evidence::Passed                ? tr("✓ %1", "passed in an environment")
                                          : tr("? %1", "no evidence in an environment");
        const QColor colour = verdict == Evidence::Failed ? failureColour()
            : verdict == Evidence::Passed                 ? gateColour(int(GateOutcome::Pass))
                                                          : waitingColour();
        room = paintRight(painter, room, mark.arg(evidence.at(0)), plain ? text : colour);
    }
    const QString phase = index.data(PromotionModel::PhaseRole).toString();
    const bool application = index.data(PromotionModel::IsApplicationRole).toBool();
    QColor colour = application ? ThemeColours::foreground(ArgoText::healthColour(phase))
                                : PhaseStyle::colour(phase);
    if (plain)
        colour = text;
    const int symbol = option.fontMetrics.height() - 4;
    const QRect symbolRect(room.left(), room.center().y() - symbol / 2, symbol, symbol);
    if (!application)
        PhaseStyle::paintSymbol(painter, symbolRect, phase, colour);
    const QRect words = room.adjusted(application ? 0 : symbol + 4, 0, 0, 0);
    painter->setPen(colour);
    const QString word = application ? ArgoText::health(phase) : PhaseStyle::displayName(phase);
    painter->drawText(words, Qt::AlignLeft | Qt::AlignVCenter,
                      option.fontMetrics.elidedText(word, Qt::ElideRight, words.width()));
}
