// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

class QHBoxLayout;
#include <QString>

// The parts both detail headers (Rollout and Deployment) are made of, so they look alike.
namespace DetailLabels {
// A label the user can select text in (to paste a name into a terminal), word-wrapped when
// asked; tests find it by objectName.
QLabel *selectable(QWidget *parent, const QString &objectName, bool wrap = false);
// Sets the text only when it differs: a refresh every second must not reset a selection.
void setText(QLabel *label, const QString &text);
// "namespace / name": larger and bold.
void makeTitle(QLabel *label);
// Secondary text in the palette's placeholder colour.
void makeQuiet(QLabel *label);
// The first line of a header: badge, status icon, title, and the context taking the rest.
QHBoxLayout *titleRow(QWidget *badge, QLabel *icon, QLabel *title, QLabel *context);
} // namespace DetailLabels

// The environment's name on its colour at the top of a detail: the target of every action,
// impossible to miss. Shared by the Rollout and the Deployment detail.
class EnvironmentBadge : public QLabel
{
    Q_OBJECT

public:
    explicit EnvironmentBadge(QWidget *parent = nullptr);
    // colour: "#rrggbb" from the config, or empty (a colour derived from the name).
    void setEnvironment(const QString &environment, const QString &colour);
};

// The grey-amber box that says the environment is disconnected and what is shown is the last
// known state; hidden while the text is empty.
class StaleBox : public QLabel
{
    Q_OBJECT

public:
    explicit StaleBox(QWidget *parent = nullptr);
    void setStaleText(const QString &text);
};
