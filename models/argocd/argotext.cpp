// SPDX-License-Identifier: GPL-3.0-or-later
#include "argotext.h"

#include <QRegularExpression>

QString ArgoText::syncStatus(const QString &code)
{
    if (code == QLatin1String("Synced"))
        return tr("✓ Synced");
    if (code == QLatin1String("OutOfSync"))
        return tr("⟳ Out of sync");
    if (code.isEmpty() || code == QLatin1String("Unknown"))
        return tr("? Unknown");
    return code;
}

QString ArgoText::health(const QString &code)
{
    if (code == QLatin1String("Healthy"))
        return tr("Healthy");
    if (code == QLatin1String("Progressing"))
        return tr("Progressing");
    if (code == QLatin1String("Degraded"))
        return tr("Degraded");
    if (code == QLatin1String("Suspended"))
        return tr("Suspended");
    if (code == QLatin1String("Missing"))
        return tr("Missing");
    if (code.isEmpty() || code == QLatin1String("Unknown"))
        return tr("Unknown");
    return code;
}

QString ArgoText::initiator(const ArgoInitiator &initiator)
{
    if (initiator.automated)
        return tr("auto-sync");
    return initiator.username.isEmpty() ? tr("unknown") : initiator.username;
}

QString ArgoText::operation(const ArgoOperation &operation)
{
    if (!operation.isValid())
        return QString();
    const QString who = initiator(operation.initiatedBy);
    const QString &phase = operation.phase;
    if (phase == QLatin1String("Running"))
        return tr("↻ Syncing (%1)").arg(who);
    if (phase == QLatin1String("Terminating"))
        return tr("↻ Terminating (%1)").arg(who);
    if (phase == QLatin1String("Succeeded"))
        return tr("Synced by %1").arg(who);
    if (phase == QLatin1String("Failed") || phase == QLatin1String("Error"))
        return tr("✕ Sync failed (%1)").arg(who);
    return phase;
}

QString ArgoText::operation(const ArgoApplication &app)
{
    if (app.operationRequested && !app.operation.isRunning())
        return tr("↻ Sync requested (%1)").arg(initiator(app.requestedBy));
    return operation(app.operation);
}

QColor ArgoText::syncColour(const QString &code)
{
    if (code == QLatin1String("Synced"))
        return QColor(0x2e, 0x7d, 0x32);
    if (code == QLatin1String("OutOfSync"))
        return QColor(0xb2, 0x6a, 0x00);
    return QColor(0x61, 0x61, 0x61);
}

QColor ArgoText::healthColour(const QString &code)
{
    if (code == QLatin1String("Healthy"))
        return QColor(0x2e, 0x7d, 0x32);
    if (code == QLatin1String("Progressing"))
        return QColor(0x15, 0x65, 0xc0);
    if (code == QLatin1String("Degraded") || code == QLatin1String("Missing"))
        return QColor(0xc6, 0x28, 0x28);
    if (code == QLatin1String("Suspended"))
        return QColor(0x6a, 0x1b, 0x9a);
    return QColor(0x61, 0x61, 0x61);
}

QString ArgoText::shortRevision(const QString &revision)
{
    static const QRegularExpression sha(QStringLiteral("^[0-9a-f]{40}$"));
    return sha.match(revision).hasMatch() ? revision.left(7) : revision;
}

QString ArgoText::source(const ArgoSource &source)
{
    if (!source.chart.isEmpty())
        return tr("Helm chart %1 %2").arg(source.chart, source.targetRevision);
    const QString where
        = source.path.isEmpty() ? source.repoUrl : source.repoUrl + QLatin1Char(' ') + source.path;
    if (source.isHelm)
        return tr("Helm: %1").arg(where);
    if (source.isKustomize)
        return tr("Kustomize: %1").arg(where);
    return where;
}
