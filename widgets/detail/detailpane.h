// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QWidget>

class QLabel;
class QStackedLayout;
class RolloutDetailView;

// The pane under the fleet table: the selected rollout's detail view; for a Deployment its
// name and status; without a selection an invitation to select one.
class DetailPane : public QWidget
{
    Q_OBJECT

public:
    explicit DetailPane(QWidget *parent = nullptr);

    RolloutDetailView *rolloutView() const { return m_rolloutView; }

    // Nothing selected.
    void clearSelection();
    // The selected workload is not in the table any more (a filter hides it, or it was
    // deleted): says so instead of showing another one. text: translated, one or two lines.
    void showSelectionGone(const QString &text);
    // The rollout detail view (its content is set through rolloutView()).
    void showRolloutView();
    // A workload without a detail view (a Deployment): environment / namespace / name, its
    // phase (untranslated) and phase message.
    void showWorkload(const QString &environment, const QString &namespaceName, const QString &name,
                      const QString &phase, const QString &message);

    bool isShowingRollout() const;
    QString title() const; // of a workload shown by showWorkload()
    QString placeholderText() const;

private:
    QStackedLayout *m_stack;
    QWidget *m_summaryPage;
    QLabel *m_title;
    QLabel *m_statusIcon;
    QLabel *m_status;
    QLabel *m_placeholder;
    RolloutDetailView *m_rolloutView;
};
