// SPDX-License-Identifier: GPL-3.0-or-later
#include "actiondriver.h"

#include "actionrunner.h"
#include "auditrecord.h"
#include "mainwindow.h"
#include "rolloutactionexecutor.h"
#include "rolloutdetailcontroller.h"
#include "rolloutdetailview.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QTimer>
#include <QToolButton>

#include <cstdio>

ActionDriver::ActionDriver(MainWindow *window, const QList<Target> &targets, int intervalMs,
                           QObject *parent) :
    QObject(parent), m_window(window), m_targets(targets), m_timer(new QTimer(this))
{
    m_timer->setInterval(intervalMs);
    connect(m_timer, &QTimer::timeout, this, &ActionDriver::tick);
}

void ActionDriver::start()
{
    // Only pause and resume are clicked; neither asks, but a question must never block.
    // The window's parts found as a user-facing test finds them (MainWindow hands none out).
    m_window->findChild<RolloutDetailView *>()->setConfirmFunction(
        [](RolloutAction, qint64 *) { return true; });
    connect(m_window->findChild<RolloutDetailController *>(QStringLiteral("detailController"))
                ->runner(),
            &ActionRunner::finished, this, &ActionDriver::finished);
    m_timer->start();
}

void ActionDriver::stop()
{
    m_timer->stop();
}

void ActionDriver::tick()
{
    // A failed action opens a window-modal box; an unattended run closes it as the person
    // would (and would otherwise pile up one box per failure).
    for (QMessageBox *box :
         m_window->findChildren<QMessageBox *>(QStringLiteral("actionFailedDialog"))) {
        if (box->isVisible()) {
            box->close();
            ++m_dialogsClosed;
        }
    }
    const Target target = m_targets.at(m_next++ % m_targets.size());
    m_window->selectWorkload(target.environment, target.ns, target.name);
    QCoreApplication::processEvents();
    RolloutDetailView *view = m_window->findChild<RolloutDetailView *>();
    const RolloutDetail &detail = view->detail();
    if (detail.environment != target.environment || detail.rollout.metadata.name != target.name
        || detail.rollout.metadata.namespaceName != target.ns) {
        skip(QStringLiteral("not listed")); // e.g. its simulator was just restarted
        return;
    }
    auto *resume = view->findChild<QToolButton *>(QStringLiteral("resumeButton"));
    auto *pause = view->findChild<QToolButton *>(QStringLiteral("pauseButton"));
    QToolButton *button = resume && resume->isEnabled() ? resume
        : pause && pause->isEnabled()                   ? pause
                                                        : nullptr;
    if (!button) {
        // Fully promoted, stale, or an action still pending: the button says why.
        skip(detail.isStale() ? QStringLiteral("environment stale")
                 : pause      ? pause->toolTip().section(QLatin1Char(':'), 0, 0).left(60)
                              : QStringLiteral("no button"));
        return;
    }
    const RolloutAction action = button == resume ? RolloutAction::Resume : RolloutAction::Pause;
    m_clicks.append(Click {target.environment, target.ns, target.name, action,
                           QDateTime::currentDateTimeUtc()});
    button->click();
}

void ActionDriver::skip(const QString &reason)
{
    ++m_skipped;
    m_skipReasons[reason] += 1;
}

void ActionDriver::finished(const RolloutActionResult &result)
{
    ++m_outcomes;
    m_results[AuditRecord::resultName(result.result)] += 1;
}

ActionDriver::AuditVerdict ActionDriver::checkAudit(const QString &path) const
{
    AuditVerdict verdict;
    const AuditFile file = readAuditFile(path);
    verdict.problems = file.problems;
    QHash<QString, int> attempts, outcomes;
    QMap<QString, int> clicked, attempted; // "env ns/name action" -> count
    QMap<QString, int> outcomeResults;
    for (const Click &click : m_clicks)
        clicked[QStringLiteral("%1 %2/%3 %4")
                    .arg(click.environment, click.ns, click.name, rolloutActionId(click.action))]
            += 1;
    for (const AuditRecord &record : file.records) {
        if (record.stage == AuditRecord::Stage::Attempt) {
            ++verdict.attempts;
            attempts[record.id] += 1;
            attempted[QStringLiteral("%1 %2/%3 %4")
                          .arg(record.environment, record.namespaceName, record.rollout,
                               record.action)]
                += 1;
        } else {
            ++verdict.outcomes;
            outcomes[record.id] += 1;
            outcomeResults[AuditRecord::resultName(record.result)] += 1;
            for (const QByteArray &request : record.requests) {
                if (request.startsWith("PATCH "))
                    verdict.requestsByEnvironment[record.environment] += 1;
            }
        }
    }
    for (auto it = attempts.cbegin(); it != attempts.cend(); ++it) {
        if (it.value() != 1)
            verdict.problems.append(
                QStringLiteral("id %1: %2 attempts").arg(it.key()).arg(it.value()));
        if (outcomes.value(it.key()) != 1)
            verdict.problems.append(
                QStringLiteral("id %1: %2 outcomes").arg(it.key()).arg(outcomes.value(it.key())));
    }
    for (auto it = outcomes.cbegin(); it != outcomes.cend(); ++it) {
        if (!attempts.contains(it.key()))
            verdict.problems.append(
                QStringLiteral("id %1: an outcome without attempt").arg(it.key()));
    }
    if (clicked != attempted)
        verdict.problems.append(QStringLiteral("clicks (%1) and audit attempts (%2) differ")
                                    .arg(m_clicks.size())
                                    .arg(verdict.attempts));
    if (outcomeResults != m_results)
        verdict.problems.append(
            QStringLiteral("the runner's results and the audit outcomes differ"));
    verdict.ok = verdict.problems.isEmpty();
    return verdict;
}
