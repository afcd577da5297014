// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QList>
#include <QPair>
#include <QString>

class QLabel;

// Help > About: the application, its purpose and licence, and the versions of the
// libraries it runs on.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    // libraries: (name, version) in display order.
    AboutDialog(const QString &applicationVersion, const QList<QPair<QString, QString>> &libraries,
                QWidget *parent = nullptr);

    // The dialog's text without markup (tests, copying).
    QString plainText() const;

private:
    QLabel *m_text;
};
