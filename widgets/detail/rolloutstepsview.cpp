// SPDX-License-Identifier: GPL-3.0-or-later
#include "rolloutstepsview.h"

#include "detailtreeview.h"
#include "rolloutstatus.h"
#include "rolloutstepsmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// QTreeView measures rows without the column width (so never wraps); this delegate gives
// the text column its real width, and every row at least the height of one with a symbol.
class WrappingDelegate : public QStyledItemDelegate
{
public:
    explicit WrappingDelegate(QTreeView *tree) : QStyledItemDelegate(tree), m_tree(tree) { }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        // The style wraps only within a valid rect; its height does not matter.
        if (index.column() == RolloutStepsModel::Text)
            opt.rect = QRect(0, 0, m_tree->columnWidth(RolloutStepsModel::Text), 1);
        QSize size = QStyledItemDelegate::sizeHint(opt, index);
        const int icon = m_tree->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_tree);
        size.setHeight(std::max(size.height() + 4, icon + 6));
        return size;
    }

private:
    QTreeView *m_tree;
};

} // namespace

RolloutStepsView::RolloutStepsView(QWidget *parent) :
    QWidget(parent),
    m_title(new QLabel(this)),
    m_model(new RolloutStepsModel(this)),
    m_tree(new DetailTreeView(m_model, this))
{
    setObjectName(QStringLiteral("stepsView"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setObjectName(QStringLiteral("stepsTitle"));
    m_tree->setObjectName(QStringLiteral("stepsTree"));
    m_tree->setHeaderHidden(true);
    m_tree->setRootIsDecorated(false);
    m_tree->setAlternatingRowColors(false);
    // Long lines (background analysis, services) wrap in the narrow panel instead of
    // losing their end.
    m_tree->setWordWrap(true);
    m_tree->setItemDelegate(new WrappingDelegate(m_tree));
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->header()->setStretchLastSection(true);
    const int digit = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    m_tree->setColumnWidth(RolloutStepsModel::Marker, 4 * digit + 22);
    // Wrapped rows get their height from the column width: lay them out again when it
    // changes (the splitter moved), or their ends are cut off.
    connect(m_tree->header(), &QHeaderView::sectionResized, m_tree, [this](int section) {
        if (section == RolloutStepsModel::Text)
            m_tree->doItemsLayout();
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_title);
    layout->addWidget(m_tree, 1);
}

QString RolloutStepsView::title() const
{
    return m_title->text();
}

void RolloutStepsView::setRollout(const Rollout &rollout, const QDateTime &now,
                                  const RolloutObservations &observations, bool live,
                                  DetailUpdate how)
{
    QString title;
    if (rollout.isBlueGreen()) {
        title = tr("Blue-green promotion");
    } else {
        // Numbered as the rows are (the plugin's "1/5" counts completed steps).
        qint32 index = 0;
        title = currentCanaryStep(rollout, &index) && !rollout.status.abort
            ? tr("Steps \u00b7 %1 of %2").arg(index + 1).arg(rollout.spec.canary->steps.size())
            : tr("Steps");
    }
    if (m_title->text() != title)
        m_title->setText(title);
    // Blue-green rows have no numbers: the marker alone needs little room.
    const int digit = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    const int markerWidth = rollout.isBlueGreen() ? 30 : 4 * digit + 22;
    if (m_tree->columnWidth(RolloutStepsModel::Marker) != markerWidth)
        m_tree->setColumnWidth(RolloutStepsModel::Marker, markerWidth);
    m_model->setRollout(rollout, now, observations, live, how);
}

QModelIndex RolloutStepsView::currentStepIndex() const
{
    return m_tree->fromSource(m_model->currentStepIndex());
}

void RolloutStepsView::updateCountdown(const QDateTime &now)
{
    m_model->updateCountdown(now);
}
