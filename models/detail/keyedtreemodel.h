// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detailroles.h"

#include <QAbstractItemModel>
#include <QString>

#include <memory>
#include <utility>
#include <vector>

// How a detail model takes a new value: in place for the same object (the views keep their
// state), or as a reset for another one.
enum class DetailUpdate { InPlace, Reset };

// One row of a KeyedTreeModel: a stable key (a uid or name), the values the row shows, and
// its child rows.
template<typename Row> struct KeyedNode
{
    QString key;
    Row row {};
    KeyedNode *parent = nullptr;
    std::vector<std::unique_ptr<KeyedNode>> children;

    KeyedNode *append(QString childKey, Row childRow)
    {
        auto child = std::make_unique<KeyedNode>();
        child->key = std::move(childKey);
        child->row = std::move(childRow);
        child->parent = this;
        children.push_back(std::move(child));
        return children.back().get();
    }
    int rowInParent() const
    {
        for (size_t i = 0; parent && i < parent->children.size(); ++i) {
            if (parent->children[i].get() == this)
                return int(i);
        }
        return -1;
    }
};

// A tree model whose rows are replaced by a new tree of the same shape, in place: the detail
// view gets a new value up to ten times a second and its views must keep what the user
// expanded, selected and scrolled to. update() matches rows by key under the same parent and
// sends rowsRemoved, rowsMoved, rowsInserted and dataChanged for what differs (a row whose
// Row value is unchanged sends nothing), never a reset; reset() is for another object.
//
// The structure is handled here once (index, parent, counts and data are final; data
// answers DetailRoles::KeyRole with the key); Impl supplies the columns and what a row shows:
//   static constexpr int ColumnCount;
//   QVariant rowData(const KeyedNode<Row> &node, int column, int role) const;
// Row must be copyable and comparable with ==.
template<typename Row, typename Impl> class KeyedTreeModel : public QAbstractItemModel
{
public:
    using Node = KeyedNode<Row>;

    explicit KeyedTreeModel(QObject *parent = nullptr) : QAbstractItemModel(parent) { }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const final
    {
        const Node *parentNode = parent.column() > 0 ? nullptr : nodeAt(parent);
        if (row < 0 || column < 0 || column >= Impl::ColumnCount || !parentNode
            || size_t(row) >= parentNode->children.size())
            return QModelIndex();
        return createIndex(row, column, parentNode->children[size_t(row)].get());
    }

    QModelIndex parent(const QModelIndex &child) const final
    {
        if (!child.isValid())
            return QModelIndex();
        const Node *parentNode = static_cast<const Node *>(child.internalPointer())->parent;
        if (!parentNode || parentNode == &m_root)
            return QModelIndex();
        return createIndex(parentNode->rowInParent(), 0, const_cast<Node *>(parentNode));
    }

    int rowCount(const QModelIndex &parent = {}) const final
    {
        // Only the first column has children, as QTreeView expects.
        if (parent.isValid() && parent.column() != 0)
            return 0;
        const Node *node = nodeAt(parent);
        return node ? int(node->children.size()) : 0;
    }

    int columnCount(const QModelIndex & = {}) const final { return Impl::ColumnCount; }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const final
    {
        if (!index.isValid())
            return QVariant();
        const Node &node = *static_cast<const Node *>(index.internalPointer());
        if (role == DetailRoles::KeyRole)
            return node.key;
        return static_cast<const Impl *>(this)->rowData(node, index.column(), role);
    }

    // The row under parent with this key (an invalid index when there is none).
    QModelIndex indexOfKey(const QString &key, const QModelIndex &parent = {}) const
    {
        const Node *node = nodeAt(parent);
        for (size_t i = 0; node && i < node->children.size(); ++i) {
            if (node->children[i]->key == key)
                return createIndex(int(i), 0, node->children[i].get());
        }
        return QModelIndex();
    }

protected:
    // Makes the rows those of wanted (its children; its own key and row are ignored).
    void apply(Node &&wanted, DetailUpdate how)
    {
        if (how == DetailUpdate::Reset)
            reset(std::move(wanted));
        else
            syncChildren(QModelIndex(), &m_root, wanted);
    }

    const Node &root() const { return m_root; }

private:
    void reset(Node &&wanted)
    {
        beginResetModel();
        m_root.children = std::move(wanted.children);
        for (auto &child : m_root.children)
            child->parent = &m_root;
        endResetModel();
    }

    const Node *nodeAt(const QModelIndex &index) const
    {
        if (!index.isValid())
            return &m_root;
        return index.model() == this ? static_cast<const Node *>(index.internalPointer()) : nullptr;
    }

    static int find(const Node *node, const QString &key, size_t from)
    {
        for (size_t i = from; i < node->children.size(); ++i) {
            if (node->children[i]->key == key)
                return int(i);
        }
        return -1;
    }

    void removeVanished(const QModelIndex &parentIndex, Node *node, const Node &wanted)
    {
        // From the end, a run of neighbours at a time: each removal keeps earlier rows' numbers.
        for (int last = int(node->children.size()) - 1; last >= 0;) {
            if (find(&wanted, node->children[size_t(last)]->key, 0) >= 0) {
                --last;
                continue;
            }
            int first = last;
            while (first > 0 && find(&wanted, node->children[size_t(first - 1)]->key, 0) < 0)
                --first;
            beginRemoveRows(parentIndex, first, last);
            node->children.erase(node->children.begin() + first, node->children.begin() + last + 1);
            endRemoveRows();
            last = first - 1;
        }
    }

    // Returns the row after the run.
    int insertRun(const QModelIndex &parentIndex, Node *node, Node &wanted, int row)
    {
        // The wanted rows from `row` on that are not in the model yet, inserted at once.
        int end = row;
        while (size_t(end) < wanted.children.size()
               && find(node, wanted.children[size_t(end)]->key, size_t(row)) < 0)
            ++end;
        beginInsertRows(parentIndex, row, end - 1);
        for (int i = row; i < end; ++i) {
            std::unique_ptr<Node> &child = wanted.children[size_t(i)];
            child->parent = node;
            node->children.insert(node->children.begin() + i, std::move(child));
        }
        endInsertRows();
        return end;
    }

    void syncChildren(const QModelIndex &parentIndex, Node *node, Node &wanted)
    {
        removeVanished(parentIndex, node, wanted);
        for (int row = 0; size_t(row) < wanted.children.size(); ++row) {
            Node &want = *wanted.children[size_t(row)];
            const int at = find(node, want.key, size_t(row));
            if (at < 0) {
                // The inserted rows are complete; go on after them.
                row = insertRun(parentIndex, node, wanted, row) - 1;
                continue;
            }
            if (at != row) {
                // Moved, not removed and inserted: the view keeps its expansion and selection.
                beginMoveRows(parentIndex, at, at, parentIndex, row);
                std::unique_ptr<Node> moved = std::move(node->children[size_t(at)]);
                node->children.erase(node->children.begin() + at);
                node->children.insert(node->children.begin() + row, std::move(moved));
                endMoveRows();
            }
            Node *existing = node->children[size_t(row)].get();
            if (!(existing->row == want.row)) {
                existing->row = std::move(want.row);
                emit dataChanged(createIndex(row, 0, existing),
                                 createIndex(row, Impl::ColumnCount - 1, existing));
            }
            syncChildren(createIndex(row, 0, existing), existing, want);
        }
    }

    Node m_root;
};
