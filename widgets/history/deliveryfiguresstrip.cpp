// SPDX-License-Identifier: GPL-3.0-or-later
#include "deliveryfiguresstrip.h"

#include "releaselistmodel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace {

QString dash()
{
    return QStringLiteral("—");
}

QString durationOrDash(qint64 msecs)
{
    return msecs < 0 ? dash() : ReleaseListModel::durationText(msecs);
}

} // namespace

DeliveryFiguresStrip::DeliveryFiguresStrip(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("deliveryFigures"));
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->setSpacing(24);
    m_releases = addTile(QStringLiteral("Releases"),
                         tr("Releases that started in the period and pass the filters"));
    m_perWeek
        = addTile(QStringLiteral("PerWeek"), tr("Releases × 7 days ÷ the length of the period"));
    m_aborted
        = addTile(QStringLiteral("Aborted"), tr("Share of the releases whose outcome is Aborted"));
    m_rolledBack = addTile(QStringLiteral("RolledBack"),
                           tr("Share of the releases that went back to the pod template of an "
                              "earlier release of the same workload (an undo or a rollback)"));
    m_promotion = addTile(QStringLiteral("Promotion"),
                          tr("Median time from a release's start to its full promotion, over "
                             "the promoted releases"));
    m_recover = addTile(QStringLiteral("Recover"),
                        tr("Time from an aborted release's end to the end of the next promoted "
                           "release of the same workload"));
    layout->addStretch(1);
    setFigures(DeliveryFigures());
}

DeliveryFiguresStrip::Tile DeliveryFiguresStrip::addTile(const QString &name,
                                                         const QString &toolTip)
{
    auto *tile = new QWidget(this);
    tile->setObjectName(QStringLiteral("figure") + name);
    tile->setToolTip(toolTip);
    auto *column = new QVBoxLayout(tile);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    auto *value = new QLabel(tile);
    value->setObjectName(QStringLiteral("figureValue") + name);
    QFont font = value->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.25);
    value->setFont(font);
    auto *caption = new QLabel(tile);
    caption->setObjectName(QStringLiteral("figureCaption") + name);
    caption->setForegroundRole(QPalette::PlaceholderText);
    column->addWidget(value);
    column->addWidget(caption);
    static_cast<QHBoxLayout *>(layout())->addWidget(tile);
    return {value, caption};
}

QString DeliveryFiguresStrip::percentText(double share, int of)
{
    if (of <= 0)
        return dash();
    return tr("%1 %", "percent").arg(QLocale().toString(share * 100, 'f', 0));
}

void DeliveryFiguresStrip::setFigures(const DeliveryFigures &figures)
{
    m_figures = figures;
    const QLocale locale;
    m_releases.value->setText(locale.toString(figures.releases));
    m_releases.caption->setText(tr("releases", "count, the number is above", figures.releases));
    m_perWeek.value->setText(
        figures.releasesPerWeek > 0 ? locale.toString(figures.releasesPerWeek, 'f', 1) : dash());
    m_perWeek.caption->setText(tr("per week"));
    m_aborted.value->setText(percentText(figures.abortedShare, figures.releases));
    m_aborted.caption->setText(tr("aborted (%n)", nullptr, figures.aborted));
    m_rolledBack.value->setText(percentText(figures.rolledBackShare, figures.releases));
    m_rolledBack.caption->setText(tr("rolled back (%n)", nullptr, figures.rolledBack));
    m_promotion.value->setText(durationOrDash(figures.medianTimeToPromotionMSecs));
    m_promotion.caption->setText(tr("median time to promotion"));
    m_recover.value->setText(durationOrDash(figures.medianTimeToRecoverMSecs));
    QString recover = figures.recoveries > 0
        ? tr("median time to recover, mean %1")
              .arg(ReleaseListModel::durationText(figures.meanTimeToRecoverMSecs))
        : tr("median time to recover");
    if (figures.unrecovered > 0)
        recover = tr("%1; %n not recovered", nullptr, figures.unrecovered).arg(recover);
    m_recover.caption->setText(recover);
}
