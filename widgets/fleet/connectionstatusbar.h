// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QWidget>

class QAbstractItemModel;
class QLabel;

// The status bar's view of an EnvironmentModel: one compact "● prod Live" item per
// environment (the tooltip has the reason) and the time of the newest update across them.
class ConnectionStatusBar : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionStatusBar(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model);
    // The newest EnvironmentModel::LastUpdatedRole, null before any data.
    QDateTime lastUpdated() const { return m_lastUpdated; }
    // What the items show, one string per environment ("prod: Live"), for tests.
    QStringList itemTexts() const;
    QString lastUpdatedText() const;

private:
    void rebuild();
    void refresh();

    QAbstractItemModel *m_model = nullptr;
    QList<QLabel *> m_items;
    QLabel *m_updated;
    QDateTime m_lastUpdated;
};
