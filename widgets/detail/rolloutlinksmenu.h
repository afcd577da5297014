// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "environmentspec.h"

#include <QDateTime>
#include <QList>
#include <QMenu>

#include <functional>

class LinkVariables;
class RolloutDetailView;

// "Open In" beside a rollout's actions (issue 15): one entry per `links:` address of the shown
// rollout's environment, filled in with its variables (LinkVariables: namespace, rollout,
// canary_hash, pod_regex, from/to, ...) when the menu opens, so {{to}} is the moment of the
// click. An entry whose variables cannot all be filled (no canary, no stable) is disabled
// and its tooltip says why. Choosing one opens the address with QDesktopServices.
//
// It adds its own button ("openLinksButton", action "openLinksAction") to the view's action
// bar, so the view needs no change for it.
class RolloutLinksMenu : public QMenu
{
    Q_OBJECT

public:
    // The environment's config by name (its links and kubeconfig context).
    using SpecLookup = std::function<EnvironmentSpec(const QString &environment)>;

    RolloutLinksMenu(RolloutDetailView *view, SpecLookup lookup);

    // Makes the entries for the view's rollout now (opening the menu does it).
    void rebuild();
    // Tests fix "now" ({{to}}); default: the current time.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    // One entry per link (object name "openLink-<index>", data the QUrl), text "Open in
    // <name>" when prefixed, else the name. Shared with the fleet table's row menu.
    static void addLinkActions(QMenu *menu, const QList<EnvironmentLink> &links,
                               const LinkVariables &variables, bool prefixed);

private:
    RolloutDetailView *m_view;
    SpecLookup m_lookup;
    std::function<QDateTime()> m_clock;
};
