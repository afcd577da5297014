// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detailrow.h"
#include "keyedtreemodel.h"
#include "safetynets.h"
#include "safetynetsverdict.h"

#include <QCoreApplication>

// The rows of SafetyNetsModel, one builder per section (safetynetrows.cpp: vulnerabilities
// and policy; safetynetdeliveryrows.cpp: runtime alerts, CI, staging evidence and flags).
// Each appends its section's row (title and the captions of its columns) to the root and its
// findings below it. Columns: Item, Canary, Stable, Details (SafetyNetsModel::Column); what
// they hold differs per section and is named by the section row.
namespace SafetyNetRows {

using Node = KeyedNode<DetailRow>;
using Tone = DetailRoles::Tone;
using Section = SafetyNetsVerdict::Section;

enum Column { Item, Canary, Stable, Details, ColumnCount };

class Text
{
    Q_DECLARE_TR_FUNCTIONS(SafetyNetsModel)
};

// The section's row, expanded, its title bold with the section's symbol, the captions muted.
Node *addSection(Node &root, const SafetyNets &nets, Section section, const QString &title,
                 const QStringList &captions);
// A child row under parent whose key is unique among its siblings ("key", "key#2", ...).
Node *addRow(Node &parent, const QString &key, DetailRow row);
// A row of one spanned sentence (a note, "nothing found"), in a tone.
Node *addSentence(Node &parent, const QString &key, const QString &text, Tone tone,
                  const QString &toolTip = {});
// The quiet notes of the section's sources that were not read, and of those read before whose
// latest read failed. Returns whether any of them was read.
bool addSourceNotes(Node &section, const SafetyNets &nets, Section which);
// A row whose item is a link (DetailRow::extra holds the URL; empty: none).
void setLink(DetailRow &row, const QString &url);
// "4m12s" between two times, empty when either is unknown.
QString duration(qint64 startedMs, qint64 finishedMs);
// A long text on one line, cut with "…" (whole in the tooltip).
QString oneLine(const QString &text, int maxLength = 160);

void addVulnerabilities(Node &root, const SafetyNets &nets);
void addPolicy(Node &root, const SafetyNets &nets);
void addRuntime(Node &root, const SafetyNets &nets);
void addCi(Node &root, const SafetyNets &nets);
void addStaging(Node &root, const SafetyNets &nets);
void addFeatureFlags(Node &root, const SafetyNets &nets);

} // namespace SafetyNetRows
