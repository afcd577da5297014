// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QWidget>

class QLabel;

// The pane under the fleet table. Until the rollout detail view exists it names the
// selected rollout and says what will be shown; without a selection it invites one.
class DetailPane : public QWidget
{
    Q_OBJECT
public:
    explicit DetailPane(QWidget *parent = nullptr);

    // Nothing selected.
    void clearSelection();
    // environment / namespace / name, with its phase (untranslated) and phase message.
    void showRollout(const QString &environment, const QString &namespaceName, const QString &name,
                     const QString &phase, const QString &message);

    QString title() const;
    QString placeholderText() const;

private:
    QLabel *m_title;
    QLabel *m_statusIcon;
    QLabel *m_status;
    QLabel *m_placeholder;
};
