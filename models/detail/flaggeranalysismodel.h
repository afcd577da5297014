// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detailrow.h"
#include "flaggercanary.h"
#include "keyedtreemodel.h"

// A Flagger canary's spec as `kubectl describe canary` shows it, in words (FlaggerAnalysisText
// where it has them, with Flagger's defaults made explicit): the target, provider, service
// and progress deadline; the strategy, interval, threshold, traffic (weights or iterations)
// and ready thresholds; then the metrics (bound, interval, template or query; a template's
// variables and a query in the tooltip), the webhooks in the order Flagger calls them (name;
// type and URL, timeout, only the keys of their metadata: the values may hold commands or
// tokens; what the type does in the tooltip) and the alerts, each group expandable. Keyed
// by meaning and name, so an update in place keeps the selection.
class FlaggerAnalysisModel : public KeyedTreeModel<DetailRow, FlaggerAnalysisModel>
{
    Q_OBJECT

public:
    enum Column { Item, Value };
    static constexpr int ColumnCount = Value + 1;

    explicit FlaggerAnalysisModel(QObject *parent = nullptr);

    void setCanary(const FlaggerCanary &canary, DetailUpdate how = DetailUpdate::InPlace);

    // What a webhook of this type does, for its tooltip; empty for an unknown type.
    static QString webhookTypeHelp(const QString &type);

    QVariant rowData(const Node &node, int column, int role) const;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void appendSpecRows(Node &root, const FlaggerCanary &canary) const;
    void appendAnalysisRows(Node &root, const FlaggerCanary &canary) const;
    void appendMetrics(Node &root, const FlaggerAnalysis &analysis,
                       const QString &canaryNamespace) const;
    void appendWebhooks(Node &root, const FlaggerAnalysis &analysis) const;
    void appendAlerts(Node &root, const FlaggerAnalysis &analysis,
                      const QString &canaryNamespace) const;
};
