// SPDX-License-Identifier: GPL-3.0-or-later
#include "treesync.h"

#include "phasestyle.h"

#include <QBrush>
#include <QCoreApplication>
#include <QFont>
#include <QHash>
#include <QPixmap>
#include <QTreeWidget>

namespace TreeSync {

namespace {

int childCount(QTreeWidget *tree, QTreeWidgetItem *parent)
{
    return parent ? parent->childCount() : tree->topLevelItemCount();
}

QTreeWidgetItem *childAt(QTreeWidget *tree, QTreeWidgetItem *parent, int row)
{
    return parent ? parent->child(row) : tree->topLevelItem(row);
}

QTreeWidgetItem *takeChild(QTreeWidget *tree, QTreeWidgetItem *parent, int row)
{
    return parent ? parent->takeChild(row) : tree->takeTopLevelItem(row);
}

void insertChild(QTreeWidget *tree, QTreeWidgetItem *parent, int row, QTreeWidgetItem *item)
{
    if (parent)
        parent->insertChild(row, item);
    else
        tree->insertTopLevelItem(row, item);
}

// The view forgets the expansion of rows taken out of the model; these carry it over.
void saveExpansion(QTreeWidgetItem *item, QList<QPair<QTreeWidgetItem *, bool>> *state)
{
    state->append({item, item->isExpanded()});
    for (int i = 0; i < item->childCount(); ++i)
        saveExpansion(item->child(i), state);
}

// Icons hold pixmaps, which must go before the application does.
template<typename Key> QHash<Key, QIcon> &iconCache()
{
    static QHash<Key, QIcon> cache;
    static const bool cleanup = [] {
        qAddPostRoutine([] { iconCache<Key>().clear(); });
        return true;
    }();
    Q_UNUSED(cleanup)
    return cache;
}

} // namespace

QString key(const QTreeWidgetItem *item)
{
    return item->data(0, keyRole).toString();
}

void syncChildren(QTreeWidget *tree, QTreeWidgetItem *parent, const QStringList &keys,
                  const std::function<void(QTreeWidgetItem *item, int row, bool created)> &fill)
{
    for (int row = 0; row < keys.size(); ++row) {
        const QString &wanted = keys.at(row);
        QTreeWidgetItem *item = nullptr;
        bool created = false;
        if (row < childCount(tree, parent) && key(childAt(tree, parent, row)) == wanted) {
            item = childAt(tree, parent, row);
        } else {
            int found = -1;
            for (int i = row + 1; i < childCount(tree, parent); ++i) {
                if (key(childAt(tree, parent, i)) == wanted) {
                    found = i;
                    break;
                }
            }
            if (found >= 0) {
                item = childAt(tree, parent, found);
                QList<QPair<QTreeWidgetItem *, bool>> expansion;
                saveExpansion(item, &expansion);
                const bool selected = item->isSelected();
                takeChild(tree, parent, found);
                insertChild(tree, parent, row, item);
                for (const auto &[moved, expanded] : expansion)
                    moved->setExpanded(expanded);
                item->setSelected(selected);
            } else {
                item = new QTreeWidgetItem;
                item->setData(0, keyRole, wanted);
                insertChild(tree, parent, row, item);
                created = true;
            }
        }
        fill(item, row, created);
    }
    while (childCount(tree, parent) > keys.size())
        delete takeChild(tree, parent, childCount(tree, parent) - 1);
}

void setText(QTreeWidgetItem *item, int column, const QString &text)
{
    if (item->text(column) != text)
        item->setText(column, text);
}

void setToolTip(QTreeWidgetItem *item, int column, const QString &text)
{
    if (item->toolTip(column) != text)
        item->setToolTip(column, text);
}

void setForeground(QTreeWidgetItem *item, int column, const QColor &colour)
{
    const QVariant current = item->data(column, Qt::ForegroundRole);
    if (!colour.isValid()) {
        if (current.isValid())
            item->setData(column, Qt::ForegroundRole, QVariant());
        return;
    }
    if (!current.isValid() || current.value<QBrush>().color() != colour)
        item->setForeground(column, colour);
}

void setBackground(QTreeWidgetItem *item, int column, const QColor &colour)
{
    const QVariant current = item->data(column, Qt::BackgroundRole);
    if (!colour.isValid()) {
        if (current.isValid())
            item->setData(column, Qt::BackgroundRole, QVariant());
        return;
    }
    if (!current.isValid() || current.value<QBrush>().color() != colour)
        item->setBackground(column, colour);
}

void setBold(QTreeWidgetItem *item, int column, bool bold)
{
    if (item->font(column).bold() == bold)
        return;
    QFont font = item->font(column);
    font.setBold(bold);
    item->setFont(column, font);
}

void setIcon(QTreeWidgetItem *item, int column, const QIcon &icon)
{
    if (item->icon(column).cacheKey() != icon.cacheKey())
        item->setIcon(column, icon);
}

void setData(QTreeWidgetItem *item, int column, int role, const QVariant &value)
{
    if (item->data(column, role) != value)
        item->setData(column, role, value);
}

QIcon phaseIcon(const QString &phase, int size)
{
    QHash<QString, QIcon> &cache = iconCache<QString>();
    const QString cacheKey = phase + QLatin1Char('/') + QString::number(size);
    auto it = cache.constFind(cacheKey);
    if (it != cache.constEnd())
        return *it;
    const QIcon icon = phase.isEmpty() ? QIcon() : PhaseStyle::icon(phase, size);
    cache.insert(cacheKey, icon);
    return icon;
}

QIcon blankIcon(int size)
{
    QHash<int, QIcon> &cache = iconCache<int>();
    auto it = cache.constFind(size);
    if (it != cache.constEnd())
        return *it;
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    const QIcon icon(pixmap);
    cache.insert(size, icon);
    return icon;
}

} // namespace TreeSync
