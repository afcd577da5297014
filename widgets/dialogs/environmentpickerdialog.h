// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "contextgroups.h"

#include <QDialog>
#include <QList>

class QTreeWidget;
class QPushButton;

// Which clusters of the kubeconfig become environments: one row per cluster (its contexts
// grouped by server, ContextGroups), a check box to show it, its environment name
// (editable) and the context to use. "Save" keeps the choice in the config file (the caller
// writes it); "Use Without Saving" only for this run.
class EnvironmentPickerDialog : public QDialog
{
    Q_OBJECT

public:
    EnvironmentPickerDialog(const QList<ContextGroup> &groups, const QString &configPath,
                            QWidget *parent = nullptr);

    // The checked clusters as environments, in order; empty names fall back to the context.
    QList<EnvironmentSpec> environments() const;
    // Accepted with "Save" (true) or "Use Without Saving" (false).
    bool saveRequested() const { return m_save; }

    enum Column { Name, Context, Server };
    QTreeWidget *list() const { return m_list; }

private:
    void updateButtons();

    QList<ContextGroup> m_groups;
    QTreeWidget *m_list;
    QPushButton *m_saveButton;
    QPushButton *m_useButton;
    bool m_save = false;
};
