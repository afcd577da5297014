// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class AuditModel;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

// Help > Audit log: every action taken from this machine (window and command line), newest
// first, filterable by any text; the tooltip of a result shows the requests that were sent.
class AuditDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AuditDialog(const QString &path, QWidget *parent = nullptr);

    // Reads the file again (also on every show).
    void reload();
    AuditModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLineEdit *filter() const { return m_filter; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    QString m_path;
    AuditModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLineEdit *m_filter;
    QLabel *m_status;
};
