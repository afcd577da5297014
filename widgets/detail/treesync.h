// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QIcon>
#include <QString>
#include <QStringList>

#include <functional>

class QTreeWidget;
class QTreeWidgetItem;

// Updating QTreeWidget items in place: the detail view is refreshed up to ten times a second
// and must keep what the user expanded, selected and scrolled to, so items are reused by a
// stable key (a uid or name) and a property is only written when it differs.
namespace TreeSync {

// The role holding an item's key (column 0).
constexpr int keyRole = Qt::UserRole + 100;

QString key(const QTreeWidgetItem *item);

// Makes the children of parent (the top level when parent is null) the items for keys, in
// that order: an existing item with the key is kept (moved if needed, with its expansion),
// a missing one is created, the rest are deleted. fill(item, row, created) then sets each
// item's contents; `created` lets it choose a default expansion only once.
void syncChildren(QTreeWidget *tree, QTreeWidgetItem *parent, const QStringList &keys,
                  const std::function<void(QTreeWidgetItem *item, int row, bool created)> &fill);

void setText(QTreeWidgetItem *item, int column, const QString &text);
void setToolTip(QTreeWidgetItem *item, int column, const QString &text);
// An invalid colour restores the default.
void setForeground(QTreeWidgetItem *item, int column, const QColor &colour);
void setBackground(QTreeWidgetItem *item, int column, const QColor &colour);
void setBold(QTreeWidgetItem *item, int column, bool bold);
// Compared by QIcon::cacheKey(), so pass icons from a cache (PhaseIcons) to avoid churn.
void setIcon(QTreeWidgetItem *item, int column, const QIcon &icon);
void setData(QTreeWidgetItem *item, int column, int role, const QVariant &value);

// The phase symbols of PhaseStyle, made once per phase and size.
QIcon phaseIcon(const QString &phase, int size = 14);
// A transparent icon of that size: rows without a symbol keep the height of rows with one.
QIcon blankIcon(int size = 14);

} // namespace TreeSync
