// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notificationsettings.h"

#include <QDialog>
#include <QStringList>

class QCheckBox;
class QTableWidget;

// Which notices are told, per environment and kind: a table with an environment per row and
// a kind per column, each cell a check box, and one switch for all of them. Reached from the
// tray's menu and View > Notifications….
class NotificationSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    NotificationSettingsDialog(const QStringList &environments,
                               const NotificationSettings &settings, QWidget *parent = nullptr);

    // The settings as the dialog shows them now.
    NotificationSettings settings() const;

private:
    QStringList m_environments;
    QCheckBox *m_enabled;
    QTableWidget *m_table;
    NotificationSettings m_original; // keeps the pairs of environments not listed here
};
