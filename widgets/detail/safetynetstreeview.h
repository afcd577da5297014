// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detailtreeview.h"
#include "safetynetsmodel.h"

#include <QUrl>

// SafetyNetsModel's tree: the sections with their findings, the header hidden (each section
// row names its columns), the details stretching and wrapping. An item that opens a page (a
// CVE's ID, the CI run; SafetyNetsModel::LinkRole) is drawn as a link, with a pointing hand
// under the mouse, and a click on it (or Enter on its row) opens it in the browser through
// QDesktopServices.
class SafetyNetsTreeView : public DetailTreeView
{
    Q_OBJECT

public:
    explicit SafetyNetsTreeView(QWidget *parent = nullptr);

    SafetyNetsModel *safetyNetsModel() const { return m_model; }
    // The link of a view index's row (empty: none).
    static QUrl linkOf(const QModelIndex &index);

signals:
    // After QDesktopServices was asked to open it.
    void linkOpened(const QUrl &url);

protected:
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    void open(const QModelIndex &index);

    SafetyNetsModel *m_model;
};
