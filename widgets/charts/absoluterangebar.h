// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <functional>

class QDateTimeEdit;
class QLabel;
class QPushButton;

// The "Custom…" window of the metrics view: two calendar pickers (from, to) and a Show
// button, for a window at any date rather than one ending now. Checks what it sends: the
// start before the end, and neither after now (Prometheus has nothing from the future, and a
// window reaching past now would quietly look like Live). Minutes are enough: a chart's pixel
// is seconds wide at the finest.
//
// Object names: "rangeFrom", "rangeTo", "rangeShow", "rangeProblem".
class AbsoluteRangeBar : public QWidget
{
    Q_OBJECT

public:
    explicit AbsoluteRangeBar(QWidget *parent = nullptr);

    // What the pickers show (Unix ms), taken as it is (even an end past now); does not emit.
    void setRange(qint64 startMs, qint64 endMs);
    qint64 startMs() const;
    qint64 endMs() const;
    void setUtc(bool utc);
    // The clock "now" is checked against (Unix ms); default: the system clock.
    void setClock(std::function<qint64()> nowMs) { m_clock = std::move(nowMs); }
    // Why the pickers' window cannot be shown (translated); empty when it can.
    QString problem() const;

signals:
    // The user asked for this window (Show, or Enter in a picker) and it is valid.
    void rangeChosen(qint64 startMs, qint64 endMs);

private:
    void validate();
    void choose();
    qint64 now() const;

    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QPushButton *m_show;
    QLabel *m_problem;
    QLabel *m_zone;
    std::function<qint64()> m_clock;
    qint64 m_givenEndMs = 0; // setRange()'s end
};
