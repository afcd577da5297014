// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QHash>
#include <QStringList>
#include <QTableView>

class EnvironmentChipDelegate;

// The fleet table: a sortable, row-selecting view over a FleetFilterProxy with the status
// and environment delegates, column widths chosen for a 1280 px window, elided text with
// tooltips, and its header layout saved and restored by the caller.
class FleetTableView : public QTableView
{
    Q_OBJECT
public:
    explicit FleetTableView(QWidget *parent = nullptr);

    // Applies the default column widths; call after setModel().
    void applyDefaultLayout();
    void setEnvironmentColours(const QHash<QString, QColor> &colours);
    // Widens the environment column (never narrows it) so every name fits.
    void fitEnvironmentNames(const QStringList &names);

    QByteArray saveLayout() const;
    bool restoreLayout(const QByteArray &state);

private:
    void showColumnMenu(const QPoint &pos);

    EnvironmentChipDelegate *m_environmentDelegate;
};
