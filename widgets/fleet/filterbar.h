// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

class QAbstractButton;
class QLineEdit;
class QToolButton;

// The filters above the fleet table: free text, one toggle per phase (none checked = all
// phases) and "Needs attention". Each toggle shows how many rows it would match.
class FilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit FilterBar(QWidget *parent = nullptr);

    // The phases with a toggle, in display order.
    static QStringList phases();

    QString text() const;
    void setText(const QString &text);
    QStringList checkedPhases() const;
    void setCheckedPhases(const QStringList &phases);
    bool isAttentionOnly() const;
    void setAttentionOnly(bool attentionOnly);
    // Clears the text and every toggle.
    void clearFilters();
    bool hasFilters() const;

    // Row counts per phase and of rows needing attention, shown on the toggles.
    void setCounts(const QHash<QString, int> &phaseCounts, int attentionCount);

    QLineEdit *lineEdit() const { return m_edit; }
    QAbstractButton *phaseButton(const QString &phase) const;
    QAbstractButton *attentionButton() const;

public slots:
    // Focuses the text field and selects its text (Ctrl+F).
    void focusFilter();

signals:
    void textChanged(const QString &text);
    void phasesChanged(const QStringList &phases);
    void attentionOnlyChanged(bool attentionOnly);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateClearButton();
    void updateLabels();

    QLineEdit *m_edit;
    QList<QToolButton *> m_phaseButtons;
    QToolButton *m_attention;
    QToolButton *m_clear;
    QHash<QString, int> m_counts;
    int m_attentionCount = 0;
};
