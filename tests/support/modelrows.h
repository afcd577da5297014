// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Reading item models and views in tests as a person reads them: rows by position, their
// texts, colours and fonts, and a whole tree printed as text to compare with the expected.

#include <QAbstractItemModel>
#include <QColor>
#include <QFont>
#include <QObject>
#include <QStringList>

#include <utility>

// View: a QAbstractItemView (a template, so model tests need no Qt Widgets).
template<typename View> QModelIndex rowAt(const View *view, int row, const QModelIndex &parent = {})
{
    return view->model()->index(row, 0, parent);
}

inline QString text(const QModelIndex &row, int column)
{
    return row.siblingAtColumn(column).data().toString();
}

template<typename View>
QStringList columnTexts(const View *view, int column, const QModelIndex &parent = {})
{
    QStringList texts;
    for (int i = 0; i < view->model()->rowCount(parent); ++i)
        texts.append(text(rowAt(view, i, parent), column));
    return texts;
}

inline QStringList rowTexts(const QModelIndex &row)
{
    QStringList texts;
    for (int column = 0; column < row.model()->columnCount(row.parent()); ++column)
        texts.append(text(row, column));
    return texts;
}

inline QColor foreground(const QModelIndex &row, int column)
{
    return row.siblingAtColumn(column).data(Qt::ForegroundRole).value<QColor>();
}

inline bool isBold(const QModelIndex &row, int column)
{
    return row.siblingAtColumn(column).data(Qt::FontRole).value<QFont>().bold();
}

// The rows under parent, one a line, indented two spaces a level: the texts of `columns`
// (every column when empty) joined by " | ", empty trailing cells left out.
inline QString printTree(const QAbstractItemModel &model, const QList<int> &columns = {},
                         const QModelIndex &parent = {}, int depth = 0)
{
    QString out;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        QStringList cells;
        if (columns.isEmpty()) {
            for (int column = 0; column < model.columnCount(parent); ++column)
                cells.append(text(index, column));
        } else {
            for (int column : columns)
                cells.append(text(index, column));
        }
        while (!cells.isEmpty() && cells.constLast().isEmpty())
            cells.removeLast();
        out += QString(depth * 2, QLatin1Char(' ')) + cells.join(QStringLiteral(" | "))
            + QLatin1Char('\n');
        out += printTree(model, columns, index, depth + 1);
    }
    return out;
}

// What a model announced, one line a signal, as "insert 1-2 in search-7f9" ("in top" for the
// top level; a parent is named by its first column), "remove", "move 3 to 0", "change 1-1"
// (rows whose data changed) and "reset". Layout changes would be listed too.
class ModelSignalLog
{
public:
    explicit ModelSignalLog(QAbstractItemModel *model)
    {
        using M = QAbstractItemModel;
        const auto rows = [this](const char *what) {
            return [this, what](const QModelIndex &parent, int first, int last) {
                m_lines.append(QStringLiteral("%1 %2-%3 in %4")
                                   .arg(QLatin1String(what))
                                   .arg(first)
                                   .arg(last)
                                   .arg(name(parent)));
            };
        };
        m_connections = {
            QObject::connect(model, &M::rowsInserted, rows("insert")),
            QObject::connect(model, &M::rowsRemoved, rows("remove")),
            QObject::connect(model, &M::rowsMoved,
                             [this](const QModelIndex &parent, int first, int last,
                                    const QModelIndex &, int to) {
                                 m_lines.append(QStringLiteral("move %1-%2 to %3 in %4")
                                                    .arg(first)
                                                    .arg(last)
                                                    .arg(to)
                                                    .arg(name(parent)));
                             }),
            QObject::connect(model, &M::dataChanged,
                             [this](const QModelIndex &from, const QModelIndex &to) {
                                 m_lines.append(QStringLiteral("change %1-%2 in %3")
                                                    .arg(from.row())
                                                    .arg(to.row())
                                                    .arg(name(from.parent())));
                             }),
            QObject::connect(model, &M::modelReset,
                             [this] { m_lines.append(QStringLiteral("reset")); }),
            QObject::connect(model, &M::layoutChanged,
                             [this] { m_lines.append(QStringLiteral("layout")); }),
        };
    }
    ~ModelSignalLog()
    {
        for (const QMetaObject::Connection &connection : m_connections)
            QObject::disconnect(connection);
    }
    ModelSignalLog(const ModelSignalLog &) = delete;
    ModelSignalLog &operator=(const ModelSignalLog &) = delete;

    // The lines so far, and a fresh start.
    QStringList take() { return std::exchange(m_lines, {}); }

private:
    QString name(const QModelIndex &parent) const
    {
        return parent.isValid() ? text(parent, 0) : QStringLiteral("top");
    }

    QStringList m_lines;
    QList<QMetaObject::Connection> m_connections;
};
