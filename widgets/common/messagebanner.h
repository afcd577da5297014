// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>
#include <QString>

class QLabel;
class QToolButton;

// An inline message across the top of a view (KMessageWidget's job in KDE apps): an
// error or a warning with a close button. Hidden while there is nothing to say.
class MessageBanner : public QFrame
{
    Q_OBJECT
public:
    enum class Type { Error, Warning, Information };

    explicit MessageBanner(QWidget *parent = nullptr);

    // actionText: a button beside the text ("Choose Environments…") that emits
    // actionTriggered(); empty for none.
    void showMessage(const QString &text, Type type = Type::Error,
                     const QString &actionText = QString());
    void clearMessage();
    QString text() const;
    Type type() const { return m_type; }

signals:
    void dismissed();
    void actionTriggered();

private:
    QLabel *m_icon;
    QLabel *m_label;
    QToolButton *m_close;
    QToolButton *m_action;
    Type m_type = Type::Error;
};
