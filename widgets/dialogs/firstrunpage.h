// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QWidget>

class QLabel;
class QPushButton;

// What the window shows when there is no fleet to show yet (no kubeconfig, or one that
// cannot be used): why, and the two ways on: the built-in demo fleet or a kubeconfig file
// picked by hand.
class FirstRunPage : public QWidget
{
    Q_OBJECT

public:
    explicit FirstRunPage(QWidget *parent = nullptr);

    // Why there is nothing to show (translated; the loader's error).
    void setReason(const QString &reason);
    QString reason() const;

signals:
    void demoRequested();
    // The user picked this kubeconfig file.
    void kubeconfigChosen(const QString &path);

private:
    void chooseKubeconfig();

    QLabel *m_reason;
    QPushButton *m_demo;
    QPushButton *m_open;
};
