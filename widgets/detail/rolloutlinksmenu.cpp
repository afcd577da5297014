// SPDX-License-Identifier: GPL-3.0-or-later
#include "rolloutlinksmenu.h"

#include "linkvariables.h"
#include "rolloutactionbar.h"
#include "rolloutdetailview.h"

#include <QAction>
#include <QDesktopServices>

RolloutLinksMenu::RolloutLinksMenu(RolloutDetailView *view, SpecLookup lookup) :
    QMenu(view), m_view(view), m_lookup(std::move(lookup))
{
    setObjectName(QStringLiteral("openLinksMenu"));
    setTitle(tr("Open In"));
    setToolTipsVisible(true);
    menuAction()->setObjectName(QStringLiteral("openLinksAction"));
    menuAction()->setToolTip(tr("Open this rollout in the tools the environment's links name "
                                "(dashboards, logs, traces)"));
    connect(this, &QMenu::aboutToShow, this, &RolloutLinksMenu::rebuild);
    // The view names its parts for tests and screenshots; the action bar is one of them.
    if (auto *bar = view->findChild<RolloutActionBar *>(QStringLiteral("actionBar")))
        bar->addMenuButton(menuAction());
}

void RolloutLinksMenu::rebuild()
{
    clear();
    const RolloutDetail &detail = m_view->detail();
    if (!detail.isValid())
        return;
    const EnvironmentSpec spec = m_lookup(detail.environment);
    if (spec.links.isEmpty()) {
        QAction *none = addAction(tr("No links for %1").arg(detail.environment));
        none->setObjectName(QStringLiteral("noLinks"));
        none->setEnabled(false);
        none->setToolTip(tr("Add links: with URL templates to this environment in the config "
                            "file"));
        return;
    }
    const QDateTime now = m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
    addLinkActions(this, spec.links, LinkVariables::forRollout(detail, spec.context, now), false);
}

void RolloutLinksMenu::addLinkActions(QMenu *menu, const QList<EnvironmentLink> &links,
                                      const LinkVariables &variables, bool prefixed)
{
    menu->setToolTipsVisible(true);
    for (qsizetype i = 0; i < links.size(); ++i) {
        const EnvironmentLink &link = links.at(i);
        const LinkUrl target = variables.expand(link.url);
        QAction *open = menu->addAction(prefixed ? tr("Open in %1").arg(link.name) : link.name);
        open->setObjectName(QStringLiteral("openLink-%1").arg(i));
        open->setData(target.url);
        open->setEnabled(target.isAvailable());
        open->setToolTip(target.isAvailable() ? target.url.toDisplayString() : target.unavailable);
        const QUrl url = target.url;
        QObject::connect(open, &QAction::triggered, menu,
                         [url] { QDesktopServices::openUrl(url); });
    }
}
