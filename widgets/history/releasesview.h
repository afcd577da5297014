// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deliveryfigures.h"
#include "releaserecord.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

class DeliveryFiguresStrip;
class MessageBanner;
class QPushButton;
class QTableView;
class ReleaseFilterBar;
class ReleaseFilterProxy;
class ReleaseListModel;

// The Releases view (issue 12): the filter bar, the delivery figures of what passes it, the
// table of recorded releases and the buttons that act on the selected one. It holds no
// history itself: the app answers filterChanged() by querying the database and hands the
// answer to setReleases(); the table filters locally too, so it agrees with the filter
// while that answer is on its way. Parts have object names for the tests: "releasesBanner",
// "releaseFilterBar" (see ReleaseFilterBar), "deliveryFigures" (DeliveryFiguresStrip),
// "releasesTable", "compareButton", "reportButton".
class ReleasesView : public QWidget
{
    Q_OBJECT
public:
    explicit ReleasesView(QWidget *parent = nullptr);

    void setReleases(const QList<ReleaseSummary> &releases);
    void setEnvironments(const QStringList &environments);
    void setNamespaces(const QStringList &namespaces);
    // A banner above everything ("The release history cannot be opened: …"); empty hides it.
    void setMessage(const QString &message);

    ReleaseFilter filter() const;
    // The selected release; a default ReleaseSummary (id 0) when none is.
    ReleaseSummary currentRelease() const;
    // The figures of the rows shown, over the chosen period.
    DeliveryFigureSet figures() const { return m_figures; }

signals:
    void filterChanged(const ReleaseFilter &filter);
    void releaseActivated(const ReleaseSummary &release); // double-click or Enter
    void compareRequested(const ReleaseSummary &release);
    void reportRequested(const ReleaseSummary &release);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setUpTable();
    QWidget *makeButtonRow();
    void applyFilter(const ReleaseFilter &filter);
    void updateFigures();
    void updateButtons();

    MessageBanner *m_banner;
    ReleaseFilterBar *m_filterBar;
    DeliveryFiguresStrip *m_strip;
    QTableView *m_table;
    QPushButton *m_compare;
    QPushButton *m_report;
    ReleaseListModel *m_model;
    ReleaseFilterProxy *m_proxy;
    DeliveryFigureSet m_figures;
    bool m_applying = false;
};
