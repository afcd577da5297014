// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "releaserecord.h"

#include <QDateTime>
#include <QList>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QDateTimeEdit;
class QLineEdit;
class QToolButton;

// The filters above the Releases table (issue 12): environment, namespace, a workload text,
// one toggle per outcome (none checked = every outcome) and the period the releases started
// in, as a preset ("Last 7 days", ...) or two dates picked on a calendar. Every change is
// one filterChanged() with the whole ReleaseFilter, which the app sends to the database.
class ReleaseFilterBar : public QWidget
{
    Q_OBJECT
public:
    // The presets, in the combo's order; Custom is the two dates as picked.
    enum class Range { Last24Hours, Last7Days, Last30Days, Last90Days, All, Custom };

    explicit ReleaseFilterBar(QWidget *parent = nullptr);

    // A preset's `since` is now minus its length and its `until` is open, so releases that
    // start later still match; Custom has both dates, All neither.
    ReleaseFilter filter() const;
    // The end of the period for the delivery figures: `until`, or now when it is open and a
    // preset is chosen; null for All.
    QDateTime periodEnd() const;

    Range range() const;
    void setRange(Range range);
    // Sets both dates and selects Custom.
    void setCustomRange(const QDateTime &since, const QDateTime &until);

    // The combos' choices after "All environments" / "All namespaces"; the current choice
    // stays when it is still offered.
    void setEnvironments(const QStringList &environments);
    void setNamespaces(const QStringList &namespaces);

    static QList<ReleaseOutcome> outcomes(); // the toggles' order

signals:
    void filterChanged(const ReleaseFilter &filter);

private:
    void addOutcomeToggles(class QHBoxLayout *layout);
    QWidget *makeRangeRow();
    void applyPreset();
    void datesEdited();
    void emitChanged();
    void setChoices(QComboBox *combo, const QStringList &choices);

    QComboBox *m_environment;
    QComboBox *m_namespace;
    QLineEdit *m_workload;
    QList<QToolButton *> m_outcomeToggles;
    QComboBox *m_range;
    QDateTimeEdit *m_since;
    QDateTimeEdit *m_until;
    QDateTime m_presetSince; // when the preset was chosen; it does not creep with the clock
    bool m_updating = false;
};
