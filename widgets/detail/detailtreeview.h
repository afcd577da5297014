// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTreeView>

class DetailStyleProxy;

// A QTreeView over one detail model (models/detail/), seen through DetailStyleProxy. It
// applies what the model asks of rows when they first appear (DetailRoles:
// ExpandedByDefaultRole, FirstColumnSpannedRole), after an insert or a reset; rows updated
// in place keep what the user expanded, selected and scrolled to.
class DetailTreeView : public QTreeView
{
    Q_OBJECT

public:
    // source: the detail model; the view owns it when it has no parent.
    explicit DetailTreeView(QAbstractItemModel *source, QWidget *parent = nullptr);

    QAbstractItemModel *sourceModel() const;
    // The view's (proxy) index for a source model index, and back.
    QModelIndex fromSource(const QModelIndex &sourceIndex) const;
    QModelIndex toSource(const QModelIndex &viewIndex) const;

protected:
    // A width in digits of the view's font, for the columns.
    int digits(int count) const;

private:
    void applyDefaults(const QModelIndex &parent, int first, int last);

    DetailStyleProxy *m_proxy;
};
