// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysisrunsview.h"

#include <QHeaderView>

AnalysisRunsView::AnalysisRunsView(QWidget *parent) :
    DetailTreeView(new AnalysisRunsModel, parent),
    m_model(static_cast<AnalysisRunsModel *>(sourceModel()))
{
    setObjectName(QStringLiteral("analysisTree"));
    setUniformRowHeights(true);
    setTextElideMode(Qt::ElideRight);
    header()->setSectionResizeMode(AnalysisRunsModel::Summary, QHeaderView::Stretch);
    setColumnWidth(AnalysisRunsModel::Name, digits(28));
    setColumnWidth(AnalysisRunsModel::Phase, digits(13));
    setColumnWidth(AnalysisRunsModel::Values, digits(20));
    setColumnWidth(AnalysisRunsModel::When, digits(11));
}

QModelIndex AnalysisRunsView::indexOfRun(const QString &name) const
{
    return fromSource(m_model->indexOfRun(name));
}

QModelIndex AnalysisRunsView::indexOfMetric(const QModelIndex &run, const QString &metric) const
{
    return fromSource(m_model->indexOfMetric(toSource(run), metric));
}

QModelIndex AnalysisRunsView::indexOfMessage(const QModelIndex &parent) const
{
    return fromSource(m_model->indexOfMessage(toSource(parent)));
}
