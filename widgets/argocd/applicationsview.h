// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "argoapplication.h"

#include <QWidget>

class ApplicationsModel;
class QAction;
class QHBoxLayout;
class QCheckBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QTextBrowser;

// The Applications view: every Argo CD application of the fleet in a sortable, filterable
// table (text over all columns; "needs attention" keeps the out-of-sync, degraded and failed
// ones), the selected one's detail below, and a line for the servers' connection states.
class ApplicationsView : public QWidget
{
    Q_OBJECT
public:
    explicit ApplicationsView(ApplicationsModel *model, QWidget *parent = nullptr);

    // The servers' states in one line ("3 Argo CD servers live"; errors in full).
    void setServerSummary(const QString &text, bool problem);
    void setDetailHtml(const QString &html);
    // The application under the cursor; an invalid (nameless) value when none.
    ArgoApplication currentApplication() const;
    void selectApplication(const QString &key);
    QTableView *table() const { return m_table; }
    // Columns as wide as their text, none wider than about 48 characters.
    void fitColumns();
    // The Argo CD operations on the selected application: buttons above the detail and the
    // table's context menu (the owner keeps their enabled states and tooltips).
    void setActions(const QList<QAction *> &actions);
    // What the last operation did, under the buttons; red for a refusal or a failure.
    void setActionMessage(const QString &text, bool isError);
    QString actionMessage() const;

signals:
    void currentApplicationChanged(const ArgoApplication &app);

private:
    void applyFilter();

    ApplicationsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QCheckBox *m_attentionOnly;
    QLabel *m_servers;
    QTableView *m_table;
    QTextBrowser *m_detail;
    QHBoxLayout *m_actionRow;
    QLabel *m_actionMessage;
};
