// SPDX-License-Identifier: GPL-3.0-or-later
// PromotionModel's rows: reading the fleet and the applications into rows, and bringing the
// rows shown up to date with signals for what changed only.
#include "promotionmodel.h"

#include "applicationsmodel.h"
#include "fleetmodel.h"

#include <QMap>
#include <QThread>
#include <QTimer>

#include <algorithm>

namespace {

// "ghcr.io/acme/checkout:1.4.1" -> "1.4.1"; a digest-only reference by its digest's start.
QString tagOf(const QString &image)
{
    const int at = image.indexOf(QLatin1Char('@'));
    const QString reference = at < 0 ? image : image.left(at);
    const int colon = reference.lastIndexOf(QLatin1Char(':'));
    if (colon > reference.lastIndexOf(QLatin1Char('/')))
        return reference.mid(colon + 1);
    return at < 0 ? QStringLiteral("latest") : image.mid(at + 1, 19);
}

bool hasTag(const QString &tags, const char *a, const char *b)
{
    const QStringList list = tags.split(QLatin1Char(','));
    return list.contains(QLatin1String(a)) || list.contains(QLatin1String(b));
}

// An application named "<workload>-<environment>" (the demo's convention) is that workload's.
QString applicationRowName(const QString &name, const QString &environment)
{
    const QString suffix = QLatin1Char('-') + environment;
    return name.endsWith(suffix) && name.size() > suffix.size() ? name.chopped(suffix.size())
                                                                : name;
}

QString freeRowKey(const QString &name)
{
    return QLatin1Char('1') + name.toLower() + QLatin1Char('\n') + name;
}

// A Helm application's chart version tells more than the Git revision of its values.
QString applicationVersion(const ArgoApplication &app)
{
    if (!app.sources.isEmpty() && !app.sources.first().chart.isEmpty()
        && !app.sources.first().targetRevision.isEmpty())
        return app.sources.first().targetRevision;
    const QString revision = app.syncRevision.isEmpty() && !app.sources.isEmpty()
        ? app.sources.first().targetRevision
        : app.syncRevision;
    return revision.size() == 40 ? revision.left(7) : revision;
}

} // namespace

bool PromotionModel::Cell::operator==(const Cell &o) const
{
    return deployed == o.deployed && isApplication == o.isApplication && stale == o.stale
        && kind == o.kind && namespaceName == o.namespaceName && name == o.name
        && version == o.version && canary == o.canary && phase == o.phase
        && attention == o.attention && syncStatus == o.syncStatus && gateOutcome == o.gateOutcome
        && gateText == o.gateText && application == o.application && evidence == o.evidence
        && evidenceVerdict == o.evidenceVerdict && applicationKey == o.applicationKey
        && drift == o.drift;
}

PromotionModel::PromotionModel(FleetModel *fleet, ApplicationsModel *applications,
                               QObject *parent) :
    QAbstractTableModel(parent),
    m_fleet(fleet),
    m_applications(applications),
    m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(100);
    connect(m_timer, &QTimer::timeout, this, &PromotionModel::applyPendingChanges);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_fleet, signal, this, &PromotionModel::scheduleRows);
    connect(m_fleet, &QAbstractItemModel::modelReset, this, &PromotionModel::scheduleRows);
    connect(m_fleet, &QAbstractItemModel::dataChanged, this, &PromotionModel::scheduleCells);
    if (m_applications) {
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            connect(m_applications, signal, this, &PromotionModel::scheduleRows);
        connect(m_applications, &QAbstractItemModel::modelReset, this,
                &PromotionModel::scheduleRows);
        connect(m_applications, &QAbstractItemModel::dataChanged, this,
                &PromotionModel::scheduleRows);
    }
    recomputeRows();
}

PromotionModel::~PromotionModel() = default;

void PromotionModel::setSettings(const PromotionSettings &settings)
{
    m_settings = settings;
    m_configuredRow.clear();
    for (int i = 0; i < settings.rows.size(); ++i) {
        const PromotionRowSpec &spec = settings.rows.at(i);
        for (auto it = spec.workloads.cbegin(); it != spec.workloads.cend(); ++it)
            m_configuredRow.insert(it.key() + QLatin1Char('/') + it.value(), i);
    }
    scheduleRows();
}

void PromotionModel::setUpdateDelay(int ms)
{
    m_timer->setInterval(std::max(ms, 0));
}

int PromotionModel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).name == name)
            return row;
    }
    return -1;
}

void PromotionModel::scheduleRows()
{
    m_rowsDirty = true;
    if (!m_timer->isActive())
        m_timer->start();
}

void PromotionModel::scheduleCells(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    const int first = topLeft.column();
    const int last = bottomRight.column();
    // The age column changes every 30 s on every row and shows nowhere here.
    if (first == FleetModel::AgeColumn && last == FleetModel::AgeColumn)
        return;
    // A fleet row's environment and name never change (FleetModel keeps a row per workload),
    // so any change is one of cells; a change of the managing application may change the
    // rows after all (recomputeCells() sees it).
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
        m_dirtyFleetRows.insert(row);
    if (!m_timer->isActive())
        m_timer->start();
}

void PromotionModel::applyPendingChanges()
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_timer->stop();
    if (m_rowsDirty || m_dirtyFleetRows.size() > m_fleet->rowCount() / 4
        || environmentNames() != m_environments)
        recomputeRows();
    else if (!m_dirtyFleetRows.isEmpty())
        recomputeCells(std::exchange(m_dirtyFleetRows, {}));
}

// In config order, as the environment list shows them.
QStringList PromotionModel::environmentNames() const
{
    QList<EnvironmentSpec> specs = m_fleet->environments();
    std::stable_sort(specs.begin(), specs.end(), [](const auto &a, const auto &b) {
        return a.order != b.order ? a.order < b.order : a.name < b.name;
    });
    QStringList names;
    for (const EnvironmentSpec &spec : specs)
        names.append(spec.name);
    return names;
}

QString PromotionModel::rowKeyOf(const QString &environment, const QString &namespaceName,
                                 const QString &name, QString *rowName) const
{
    const int configured = m_configuredRow.value(
        environment + QLatin1Char('/') + namespaceName + QLatin1Char('/') + name, -1);
    if (configured >= 0) {
        *rowName = m_settings.rows.at(configured).name;
        return QStringLiteral("0%1").arg(configured, 6, 10, QLatin1Char('0'));
    }
    *rowName = namespaceName + QLatin1Char('/') + name;
    return freeRowKey(*rowName);
}

PromotionModel::Cell PromotionModel::workloadCell(int fleetRow) const
{
    const QModelIndex index = m_fleet->index(fleetRow, 0);
    Cell cell;
    cell.deployed = true;
    cell.sourceRow = fleetRow;
    cell.kind = FleetRow::kindNamed(index.data(FleetModel::KindRole).toString())
                    .value_or(FleetRow::Kind::Deployment);
    cell.isProgressive = cell.kind != FleetRow::Kind::Deployment;
    cell.namespaceName = index.data(FleetModel::NamespaceRole).toString();
    cell.name = index.data(FleetModel::NameRole).toString();
    cell.phase = index.data(FleetModel::PhaseRole).toString();
    cell.attention = index.data(FleetModel::AttentionRole).toInt();
    cell.stale = index.data(FleetModel::StaleSinceRole).toDateTime().isValid();
    const QStringList images = index.data(FleetModel::ImagesRole).toStringList();
    const QStringList tags = index.data(FleetModel::ImageTagsRole).toStringList();
    for (int i = 0; i < images.size(); ++i) {
        const QString roles = tags.value(i);
        if (cell.version.isEmpty() && hasTag(roles, "stable", "active"))
            cell.version = tagOf(images.at(i));
        else if (cell.canary.isEmpty() && hasTag(roles, "canary", "preview"))
            cell.canary = tagOf(images.at(i));
    }
    if (cell.version.isEmpty() && !images.isEmpty())
        cell.version = tagOf(images.first());
    if (cell.canary == cell.version)
        cell.canary.clear();
    const QStringList argo = index.data(FleetModel::ArgoCdTermsRole).toStringList();
    cell.application = argo.value(0);
    cell.syncStatus = argo.value(1);
    const QModelIndex gates = index.siblingAtColumn(FleetModel::GatesColumn);
    const int gateSort = gates.data(FleetModel::SortRole).toInt();
    cell.gateOutcome = gateSort < 0 ? -1 : gateSort / 1000;
    cell.gateText = gates.data(Qt::DisplayRole).toString();
    if (cell.gateText == FleetModel::tr("–")) // no gate judges this rollout
        cell.gateText.clear();
    const QModelIndex nets = index.siblingAtColumn(FleetModel::SafetyNetsColumn);
    cell.evidence = nets.data(FleetModel::StagingEvidenceRole).toStringList();
    cell.evidenceVerdict = nets.data(FleetModel::StagingVerdictRole).toInt();
    return cell;
}

void PromotionModel::recomputeRows()
{
    m_rowsDirty = false;
    m_dirtyFleetRows.clear();
    const QStringList environments = environmentNames();
    if (environments != m_environments) {
        beginResetModel();
        m_environments = environments;
        m_rows.clear();
        m_rowIndex.clear();
        endResetModel();
    }
    QMap<QString, Row> rows;
    const auto slot = [&](const QString &key, const QString &name) -> Row & {
        Row &row = rows[key];
        if (row.cells.isEmpty()) {
            row.sortKey = key;
            row.name = name;
            row.cells.resize(m_environments.size());
        }
        return row;
    };
    QSet<QString> linked; // "environment\nname" of the applications that manage a workload
    for (int fleetRow = 0; fleetRow < m_fleet->rowCount(); ++fleetRow) {
        const QModelIndex index = m_fleet->index(fleetRow, 0);
        const QString environment = index.data(FleetModel::EnvironmentRole).toString();
        const int column = m_environments.indexOf(environment);
        if (column < 0)
            continue;
        const Cell cell = workloadCell(fleetRow);
        QString name;
        Cell &target
            = slot(rowKeyOf(environment, cell.namespaceName, cell.name, &name), name).cells[column];
        if (!target.deployed || (cell.isProgressive && !target.isProgressive))
            target = cell;
        const QString application = index.data(FleetModel::ArgoCdTermsRole).toStringList().value(0);
        if (!application.isEmpty())
            linked.insert(environment + QLatin1Char('\n') + application);
    }
    const QList<ArgoApplication> apps
        = m_applications ? m_applications->applications() : QList<ArgoApplication>();
    for (const ArgoApplication &app : apps) {
        const int column = m_environments.indexOf(app.environment);
        if (column < 0 || linked.contains(app.environment + QLatin1Char('\n') + app.name))
            continue;
        const QString name = applicationRowName(app.name, app.environment);
        Cell &target = slot(freeRowKey(name), name).cells[column];
        if (target.deployed)
            continue;
        target.deployed = true;
        target.isApplication = true;
        target.name = app.name;
        target.version = applicationVersion(app);
        target.phase = app.health;
        target.syncStatus = app.syncStatus;
        target.applicationKey = app.key();
    }
    QList<Row> list;
    list.reserve(rows.size());
    for (Row &row : rows) {
        markDrift(&row);
        list.append(std::move(row));
    }
    replaceRows(std::move(list));
}

void PromotionModel::recomputeCells(const QSet<int> &fleetRows)
{
    struct Update
    {
        int row;
        int column;
        Cell cell;
    };
    QList<Update> updates;
    for (const int fleetRow : fleetRows) {
        if (fleetRow >= m_fleet->rowCount())
            continue;
        const QModelIndex index = m_fleet->index(fleetRow, 0);
        const int column
            = m_environments.indexOf(index.data(FleetModel::EnvironmentRole).toString());
        if (column < 0)
            continue;
        Cell cell = workloadCell(fleetRow);
        QString name;
        const int row = m_rowIndex.value(
            rowKeyOf(m_environments.at(column), cell.namespaceName, cell.name, &name), -1);
        const Cell &shown = row < 0 ? cell : m_rows.at(row).cells.at(column);
        // Not shown yet, or its application changed (an application-only row may come or
        // go): the rows change after all. Nothing was touched yet, so the diff is complete.
        if (row < 0
            || (cell.application != shown.application && m_applications
                && m_applications->rowCount() > 0)) {
            recomputeRows();
            return;
        }
        if (shown.sourceRow != fleetRow && shown.isProgressive && !cell.isProgressive)
            continue; // the Rollout of the same name is the one shown
        updates.append(Update {row, int(column), std::move(cell)});
    }
    QHash<int, Row> before; // promotion row -> as shown
    for (Update &update : updates) {
        if (!before.contains(update.row))
            before.insert(update.row, m_rows.at(update.row));
        m_rows[update.row].cells[update.column] = std::move(update.cell);
    }
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        markDrift(&m_rows[it.key()]);
        emitChanged(it.key(), it.value());
    }
}
