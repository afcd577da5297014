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

    // Widens the namespace, name, strategy and status columns (never narrows them, within a
    // cap) so what they show fits; measures up to 3,000 rows, so call it when rows come.
    void fitNamesToContents();
    // Said in the middle of the empty table ("Nothing matches …"); empty: nothing.
    void setEmptyText(const QString &text);
    QString emptyText() const { return m_emptyText; }
    // The selected row as the visible columns show it, tab-separated, in visual order.
    QString selectedRowText() const;

    QByteArray saveLayout() const;
    bool restoreLayout(const QByteArray &state);

signals:
    // A right click on a row (already selected by then); globalPos: where to open a menu.
    void rowMenuRequested(const QModelIndex &index, const QPoint &globalPos);

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void showColumnMenu(const QPoint &pos);
    void showRowMenu(const QPoint &pos);
    QString m_emptyText;

    EnvironmentChipDelegate *m_environmentDelegate;
};
