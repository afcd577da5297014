// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detailrow.h"
#include "keyedtreemodel.h"
#include "safetynets.h"

// The safety nets of one rollout, canary against stable (issue 15), as a tree of six
// sections in this order: Image vulnerabilities (counts by severity side by side, the CVEs
// the canary adds and fixes, configuration audit failures), Policy (the results' counts,
// failing results with the new ones first and marked, Gatekeeper violations, admission
// denials), Runtime alerts (Falco counts by priority, canary and stable; the rules that
// fired on the canary), CI pipeline (the run with its steps), Evidence from the earlier
// environment (load tests and chaos experiments) and Feature flags.
//
// What the columns hold differs per section: each section's row names them (its captions in
// the Canary, Stable and Details cells), so the view hides its header. A source that was not
// read is a quiet (Muted) sentence in its section (SafetyNetsText::sourceNote), never "no
// findings": a section says it found nothing only about what it read. A row whose item opens
// a page (a CVE's link, the CI run) has it in LinkRole. Keyed by section and finding, so a new
// value of the same rollout updates in place; another rollout's resets.
class SafetyNetsModel : public KeyedTreeModel<DetailRow, SafetyNetsModel>
{
    Q_OBJECT

public:
    enum Column { Item, Canary, Stable, Details, Count };
    static constexpr int ColumnCount = Count;
    enum Role {
        // QString, Item column: the URL the item opens; absent for none.
        LinkRole = Qt::UserRole + 300,
    };

    explicit SafetyNetsModel(QObject *parent = nullptr);

    void setSafetyNets(const SafetyNets &nets);
    void clear();
    const SafetyNets &safetyNets() const { return m_nets; }

    QVariant rowData(const Node &node, int column, int role) const;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    SafetyNets m_nets;
};
