// SPDX-License-Identifier: GPL-3.0-or-later
#include "rollouttreeprinter.h"

#include "rolloutprinter.h"
#include "rolloutsummary.h"

#include <QStringList>

#include <algorithm>
#include <array>

using Kind = RolloutTreeNode::Kind;

namespace {

// The icons of the tree's NAME column (cmd/get/get.go).
QString kindIcon(Kind kind)
{
    switch (kind) {
    case Kind::Rollout:
        return QStringLiteral("⟳");
    case Kind::Revision:
        return QStringLiteral("#");
    case Kind::ReplicaSet:
        return QStringLiteral("⧉");
    case Kind::Pod:
        return QStringLiteral("□");
    case Kind::Experiment:
        return QStringLiteral("Σ");
    case Kind::AnalysisRun:
        return QStringLiteral("α");
    case Kind::Job:
        return QStringLiteral("⊞");
    }
    return QString();
}

QString age(const QDateTime &created, const QDateTime &now)
{
    return created.isValid() ? RolloutPrinter::humanDuration(created.secsTo(now)) : QString();
}

// One line's cells: NAME, KIND, STATUS, AGE, and INFO (never padded).
using Cells = std::array<QString, 5>;

// getPrefixes: the branch of this node and what its children's lines start with.
void addLines(const RolloutTreeNode &node, const QString &prefix, const QString &childPrefix,
              const QDateTime &now, QList<Cells> *lines)
{
    const bool revision = node.kind == Kind::Revision;
    lines->append(Cells {prefix + kindIcon(node.kind) + QLatin1Char(' ') + node.name,
                         node.kindName(), node.icon + QLatin1Char(' ') + node.status,
                         revision ? QString() : age(node.created, now),
                         node.info.join(QLatin1Char(','))});
    if (revision)
        (*lines)[lines->size() - 1][2] = QStringLiteral(" ");
    // The plugin lists a Job's measurement, not its pods.
    if (node.kind == Kind::Job)
        return;
    for (qsizetype i = 0; i < node.children.size(); ++i) {
        const bool last = i + 1 == node.children.size();
        addLines(node.children.at(i), childPrefix + (last ? u"└──" : u"├──"),
                 childPrefix + (last ? u"   " : u"│  "), now, lines);
    }
}

// Go's text/tabwriter with padding 2: every tab-terminated cell padded to its column's widest
// plus two (the last, INFO, is not).
QString tabwriter(const QList<Cells> &lines)
{
    std::array<qsizetype, 4> widths {0, 0, 0, 0};
    for (const Cells &cells : lines) {
        for (size_t c = 0; c < widths.size(); ++c)
            widths[c] = std::max(widths[c], cells[c].size());
    }
    QString text;
    for (const Cells &cells : lines) {
        for (size_t c = 0; c < widths.size(); ++c)
            text += cells[c].leftJustified(widths[c] + 2);
        text += cells[4] + QLatin1Char('\n');
    }
    return text;
}

QString field(const QString &label, const QString &value)
{
    return label.leftJustified(17) + value + QLatin1Char('\n');
}

QString imageText(const ImageInfo &image)
{
    return image.tags.isEmpty()
        ? image.image
        : QStringLiteral("%1 (%2)").arg(image.image, image.tags.join(u", "));
}

} // namespace

QString RolloutTreePrinter::tree(const RolloutTreeNode &root, const QDateTime &now)
{
    QList<Cells> lines {Cells {QStringLiteral("NAME"), QStringLiteral("KIND"),
                               QStringLiteral("STATUS"), QStringLiteral("AGE"),
                               QStringLiteral("INFO")}};
    addLines(root, QString(), QString(), now, &lines);
    return tabwriter(lines);
}

QString RolloutTreePrinter::text(const RolloutDetail &detail, const QDateTime &now)
{
    const RolloutTreeNode root = RolloutTree::build(detail, now);
    const RolloutSummary summary = RolloutSummary::from(detail.environment, QString(),
                                                        detail.rollout, detail.replicaSets, now);
    QString text = field(QStringLiteral("Name:"), root.name)
        + field(QStringLiteral("Namespace:"), detail.rollout.metadata.namespaceName)
        + field(QStringLiteral("Status:"), root.icon + QLatin1Char(' ') + root.status);
    if (!root.message.isEmpty())
        text += field(QStringLiteral("Message:"), root.message);
    text += field(QStringLiteral("Strategy:"), summary.strategy);
    if (detail.rollout.isCanary()) {
        text += field(QStringLiteral("  Step:"), summary.step)
            + field(QStringLiteral("  SetWeight:"), QString::number(summary.setWeight.value_or(0)))
            + field(QStringLiteral("  ActualWeight:"),
                    QString::number(summary.actualWeight.value_or(0)));
    }
    const QList<ImageInfo> images = RolloutTree::images(detail);
    for (qsizetype i = 0; i < images.size(); ++i)
        text += field(i == 0 ? QStringLiteral("Images:") : QString(), imageText(images.at(i)));
    const RolloutCounts &counts = summary.counts;
    text += QStringLiteral("Replicas:\n")
        + field(QStringLiteral("  Desired:"), QString::number(counts.desired))
        + field(QStringLiteral("  Current:"), QString::number(counts.current))
        + field(QStringLiteral("  Updated:"), QString::number(counts.updated))
        + field(QStringLiteral("  Ready:"), QString::number(counts.ready))
        + field(QStringLiteral("  Available:"), QString::number(counts.available));
    return text + QLatin1Char('\n') + tree(root, now);
}
