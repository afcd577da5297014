// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detailrow.h"
#include "gateresult.h"
#include "keyedtreemodel.h"

// The quality gates of one rollout as a table, one row per gate in the report's order:
//   Gate     the name, and below it where it comes from ("config", or "analysis" and the
//            run: an analysis gate's row is its metric's name)
//   Outcome  the translated outcome with its symbol: Pass green, Inconclusive amber, Error
//            and Fail red (a Fail bold on a red tint, an Error on an amber one)
//   Canary   the canary's mean (analysis: the latest measurement), and below it the worst
//            point in the window when it differs
//   Stable   relative gates only: the stable's mean, and below it the canary's change
//   Bound    the bounds as judged ("min 0.97, stable − 2 %"; analysis: the conditions)
//   Window   "40 of 41 points" over "10m" (analysis: the measurements so far)
//   Why      the judge's sentence without its line breaks (whole in the tooltip)
// A second line (after "\n") is a detail the view shows muted. The queries as sent are in the
// Gate and Canary tooltips and in QueryRole and StableQueryRole, for copying. Keyed by source
// and name, so a new report of the same rollout updates the rows in place; another rollout's
// report resets.
class GatesModel : public KeyedTreeModel<DetailRow, GatesModel>
{
    Q_OBJECT

public:
    enum Column { Gate, Outcome, Canary, Stable, Bound, Window, Why, Count };
    static constexpr int ColumnCount = Count;
    enum Role {
        // int (GateOutcome), every column.
        OutcomeRole = Qt::UserRole + 200,
        // QString, every column: the canary query as sent (analysis: the provider's query).
        QueryRole,
        // QString, every column: the stable query of a relative gate; empty otherwise.
        StableQueryRole,
        // QString: what copying the cell gives, on one line ("0.941 (worst 0.93)"), the
        // message whole.
        CopyRole,
    };

    explicit GatesModel(QObject *parent = nullptr);

    void setReport(const GateReport &report);
    void clear();
    // The report shown (empty when cleared).
    const GateReport &report() const { return m_report; }
    // The row of a gate (invalid when there is none).
    QModelIndex indexOfGate(const QString &name) const;

    QVariant rowData(const Node &node, int column, int role) const;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // How a value reads in the table (GateJudge's four significant digits; "–" for none).
    static QString valueText(const std::optional<double> &value);
    // "40 of 41 points" and "over 10m" (config), "3 measurements" (analysis).
    static QString samplesText(const GateResult &gate);

private:
    GateReport m_report;
};
