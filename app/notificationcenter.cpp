// SPDX-License-Identifier: GPL-3.0-or-later
#include "notificationcenter.h"

#include "fleetmodel.h"
#include "rolloutnoticefacts.h"

#include <QSettings>
#include <QTimer>

namespace {

const QString enabledKey = QStringLiteral("notifications/enabled");
const QString disabledKey = QStringLiteral("notifications/disabled");

} // namespace

NotificationCenter::NotificationCenter(FleetModel *model, QObject *parent) :
    QObject(parent), m_model(model)
{
    const QSettings stored;
    m_settings = NotificationSettings::fromStored(stored.value(enabledKey, true).toBool(),
                                                  stored.value(disabledKey).toStringList());
    connect(model, &FleetModel::rolloutDetailsChanged, this,
            &NotificationCenter::rolloutDetailsChanged);
}

void NotificationCenter::setSettings(const NotificationSettings &settings)
{
    m_settings = settings;
    QSettings stored;
    stored.setValue(enabledKey, settings.isEnabled());
    stored.setValue(disabledKey, settings.disabledPairs());
}

void NotificationCenter::setConnectionState(const QString &environment,
                                            const ConnectionState &state)
{
    if (!state.isLive()) {
        m_live.remove(environment);
        m_settled.remove(environment);
        ++m_generation[environment];
        return;
    }
    if (m_live.contains(environment))
        return;
    m_live.insert(environment);
    const quint64 generation = m_generation.value(environment);
    QTimer::singleShot(m_settleMSecs, this,
                       [this, environment, generation] { settle(environment, generation); });
}

void NotificationCenter::settle(const QString &environment, quint64 generation)
{
    if (m_generation.value(environment) != generation || !m_live.contains(environment))
        return;
    // A large first list reaches the model in slices; its end is still the catch-up.
    if (m_model->hasPendingSlices(environment)) {
        QTimer::singleShot(100, this,
                           [this, environment, generation] { settle(environment, generation); });
        return;
    }
    m_settled.insert(environment);
}

void NotificationCenter::reset()
{
    m_detector.clear();
    m_gatePauses.clear();
    m_live.clear();
    m_settled.clear();
    for (quint64 &generation : m_generation)
        ++generation;
}

void NotificationCenter::rolloutDetailsChanged(const QString &environment, const QStringList &uids)
{
    const EnvironmentStore *store = m_model->store().environment(environment);
    const bool live = m_settled.contains(environment);
    for (const QString &uid : uids) {
        const EnvironmentStore::RowPtr row = store ? store->rolloutRow(uid) : nullptr;
        if (!row || !row->rollout) {
            m_detector.forget(RolloutRef {environment, uid});
            continue;
        }
        // The row's revision and situation as the table shows them, and the runs as the
        // detail lists them: nothing derived a second way, no whole detail assembled.
        const RolloutNoticeFacts facts
            = RolloutNoticeFacts::of(environment, *row->rollout, row->revision, row->situation,
                                     store->objects().analysisRunsControlledBy(uid));
        const QList<Notice> notices = m_detector.observe(facts, live);
        for (const Notice &notice : notices)
            tell(notice);
    }
}

bool NotificationCenter::gateFailed(const QString &environment, const QString &namespaceName,
                                    const QString &rollout, const QString &gateName,
                                    const QString &message)
{
    QString uid;
    qint64 revision = 0;
    if (const EnvironmentStore *store = m_model->store().environment(environment)) {
        const EnvironmentStore::RowPtr row = store->row(
            FleetRow::makeKey(environment, FleetRow::Kind::Rollout, namespaceName, rollout));
        if (row && row->rollout) {
            uid = row->rollout->metadata.uid;
            revision = row->revision;
        }
    }
    const std::optional<Notice> notice = m_detector.gateFailed(environment, namespaceName, rollout,
                                                               uid, revision, gateName, message);
    if (!notice || !m_settings.isEnabled(environment, Notice::Kind::GateFailed))
        return false;
    emit noticeReady(*notice);
    return true;
}

void NotificationCenter::expectGatePause(const QString &environment, const QString &uid)
{
    m_gatePauses.insert(environment + QLatin1Char('/') + uid);
}

void NotificationCenter::forgetGatePause(const QString &environment, const QString &uid)
{
    m_gatePauses.remove(environment + QLatin1Char('/') + uid);
}

void NotificationCenter::tell(const Notice &notice)
{
    if (notice.kind == Notice::Kind::Paused
        && m_gatePauses.remove(notice.environment + QLatin1Char('/') + notice.rolloutUid))
        return;
    if (m_settings.isEnabled(notice.environment, notice.kind))
        emit noticeReady(notice);
}
