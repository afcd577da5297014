// SPDX-License-Identifier: GPL-3.0-or-later
#include "fleettrayicon.h"

#include "environmentmodel.h"
#include "fleetmodel.h"
#include "traybadge.h"

#include <QGuiApplication>
#include <QMenu>
#include <QTimer>

namespace {

// Worse first: what a person must see before what merely happens.
int severity(const QString &phase)
{
    if (phase == QLatin1String("Degraded"))
        return 4;
    if (phase == QLatin1String("Paused"))
        return 3;
    if (phase == QLatin1String("Unknown"))
        return 2;
    if (phase == QLatin1String("Progressing"))
        return 1;
    if (phase == QLatin1String("Healthy"))
        return 0;
    return -1;
}

} // namespace

FleetTrayIcon::FleetTrayIcon(FleetModel *model, QObject *parent) :
    QSystemTrayIcon(parent),
    m_model(model),
    m_menu(std::make_unique<QMenu>()),
    m_refreshTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("trayIcon"));
    QAction *show
        = m_menu->addAction(tr("&Show Window"), this, &FleetTrayIcon::showWindowRequested);
    show->setObjectName(QStringLiteral("trayShowWindowAction"));
    QAction *settings
        = m_menu->addAction(tr("&Notifications…"), this, &FleetTrayIcon::settingsRequested);
    settings->setObjectName(QStringLiteral("trayNotificationSettingsAction"));
    m_menu->addSeparator();
    QAction *quit = m_menu->addAction(tr("&Quit"), this, &FleetTrayIcon::quitRequested);
    quit->setObjectName(QStringLiteral("trayQuitAction"));
    setContextMenu(m_menu.get());
    connect(this, &QSystemTrayIcon::activated, this, [this](ActivationReason reason) {
        if (reason == Trigger || reason == DoubleClick)
            emit showWindowRequested();
    });

    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(250);
    connect(m_refreshTimer, &QTimer::timeout, this, &FleetTrayIcon::refresh);
    connect(model, &FleetModel::attentionCountsChanged, this, &FleetTrayIcon::scheduleRefresh);
    connect(model, &FleetModel::staleChanged, this, &FleetTrayIcon::scheduleRefresh);
    connect(model, &FleetModel::rolloutDetailsChanged, this, &FleetTrayIcon::scheduleRefresh);
    connect(model, &FleetModel::deploymentDetailsChanged, this, &FleetTrayIcon::scheduleRefresh);
    connect(model, &QAbstractItemModel::modelReset, this, &FleetTrayIcon::scheduleRefresh);
    refresh();
}

FleetTrayIcon::~FleetTrayIcon() = default;

void FleetTrayIcon::scheduleRefresh()
{
    if (!m_refreshTimer->isActive())
        m_refreshTimer->start();
}

void FleetTrayIcon::refresh()
{
    QStringList lines {tr("Release Dashboard")};
    QString worst;
    for (const EnvironmentSpec &spec : m_model->environments()) {
        QString phase;
        const QString line = environmentLine(spec.name, &phase);
        if (line.isEmpty())
            continue;
        lines.append(line);
        if (severity(phase) > severity(worst))
            worst = phase;
    }
    if (lines.size() == 1)
        lines.append(tr("No environment has data yet"));
    setToolTip(lines.join(QLatin1Char('\n')));
    if (worst == m_worstPhase && !icon().isNull())
        return;
    m_worstPhase = worst;
    setIcon(TrayBadge::icon(QGuiApplication::windowIcon(), worst));
}

QString FleetTrayIcon::environmentLine(const QString &environment, QString *phase) const
{
    const EnvironmentStore *store = m_model->store().environment(environment);
    if (!store)
        return QString();
    const QString stale = m_model->staleText(environment);
    const FleetModel::AttentionCounts counts = m_model->attentionCounts(environment);
    int moving = 0;
    store->forEachRow([&moving](const EnvironmentStore::RowPtr &row) {
        if (row->health == FleetRow::Health::Progressing
            || (row->rollout && row->situation == RolloutSituation::Kind::TimedPause))
            ++moving;
    });
    QStringList parts;
    if (counts.failures > 0 || counts.waiting > 0)
        parts.append(EnvironmentModel::attentionText(counts.failures, counts.waiting));
    if (moving > 0)
        parts.append(tr("%n rolling out", nullptr, moving));
    if (!stale.isEmpty())
        parts.append(stale);
    if (counts.failures > 0)
        *phase = QStringLiteral("Degraded");
    else if (counts.waiting > 0)
        *phase = QStringLiteral("Paused");
    else if (!stale.isEmpty())
        *phase = QStringLiteral("Unknown");
    else if (moving > 0)
        *phase = QStringLiteral("Progressing");
    else
        *phase = QStringLiteral("Healthy");
    if (parts.isEmpty())
        parts.append(store->rowCount() > 0 ? tr("all healthy") : tr("no workloads"));
    return tr("%1: %2", "environment: state").arg(environment, parts.join(QStringLiteral(", ")));
}
