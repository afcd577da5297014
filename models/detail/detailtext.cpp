// SPDX-License-Identifier: GPL-3.0-or-later
#include "detailtext.h"

#include "durationparser.h"

#include <QStringList>

QString DetailText::analysisSymbolPhase(const QString &analysisPhase)
{
    if (analysisPhase == QLatin1String("Successful"))
        return QStringLiteral("Healthy");
    if (analysisPhase == QLatin1String("Failed") || analysisPhase == QLatin1String("Error"))
        return QStringLiteral("Degraded");
    if (analysisPhase == QLatin1String("Inconclusive"))
        return QStringLiteral("Paused");
    if (analysisPhase == QLatin1String("Running") || analysisPhase == QLatin1String("Pending"))
        return QStringLiteral("Progressing");
    return QStringLiteral("Unknown");
}

DetailText::Tone DetailText::analysisPhaseTone(const QString &analysisPhase)
{
    if (analysisPhase == QLatin1String("Failed") || analysisPhase == QLatin1String("Error"))
        return Tone::Failed;
    if (analysisPhase == QLatin1String("Inconclusive"))
        return Tone::Warning;
    return Tone::Default;
}

QString DetailText::analysisPhaseName(const QString &analysisPhase)
{
    if (analysisPhase == QLatin1String("Successful"))
        return tr("Successful");
    if (analysisPhase == QLatin1String("Failed"))
        return tr("Failed");
    if (analysisPhase == QLatin1String("Error"))
        return tr("Error");
    if (analysisPhase == QLatin1String("Inconclusive"))
        return tr("Inconclusive");
    if (analysisPhase == QLatin1String("Running"))
        return tr("Running");
    if (analysisPhase == QLatin1String("Pending") || analysisPhase.isEmpty())
        return tr("Pending");
    return analysisPhase;
}

QString DetailText::healthSymbolPhase(const QString &health)
{
    if (health == QLatin1String("Healthy") || health == QLatin1String("Progressing"))
        return health;
    if (health == QLatin1String("ReplicaFailure"))
        return QStringLiteral("Degraded");
    return QStringLiteral("Unknown"); // ScaledDown: a grey symbol
}

QString DetailText::healthName(const QString &health)
{
    if (health == QLatin1String("Healthy"))
        return tr("Healthy");
    if (health == QLatin1String("Progressing"))
        return tr("Progressing");
    if (health == QLatin1String("ReplicaFailure"))
        return tr("Replica failure");
    if (health == QLatin1String("ScaledDown"))
        return tr("Scaled down");
    return health;
}

QString DetailText::roleName(const QString &tag)
{
    if (tag == QLatin1String("stable"))
        return tr("stable");
    if (tag == QLatin1String("canary"))
        return tr("canary");
    if (tag == QLatin1String("active"))
        return tr("active");
    if (tag == QLatin1String("preview"))
        return tr("preview");
    return tag; // ping, pong: names of services
}

DetailText::Tone DetailText::roleTone(const QString &tag)
{
    if (tag == QLatin1String("stable") || tag == QLatin1String("active"))
        return Tone::Ok;
    if (tag == QLatin1String("canary") || tag == QLatin1String("preview"))
        return Tone::Active;
    return Tone::Default;
}

QString DetailText::podStatusName(const QString &status)
{
    if (status == QLatin1String("Running"))
        return tr("Running");
    if (status == QLatin1String("Pending"))
        return tr("Pending");
    if (status == QLatin1String("Completed"))
        return tr("Completed");
    if (status == QLatin1String("Terminating"))
        return tr("Terminating");
    if (status == QLatin1String("Unknown"))
        return tr("Unknown");
    return status;
}

DetailText::Tone DetailText::podStatusTone(const QString &status)
{
    if (status == QLatin1String("Running") || status == QLatin1String("Completed"))
        return Tone::Default;
    static const QStringList pending = {
        QStringLiteral("Pending"),         QStringLiteral("ContainerCreating"),
        QStringLiteral("PodInitializing"), QStringLiteral("NotReady"),
        QStringLiteral("Terminating"),     QStringLiteral("SchedulingGated"),
        QStringLiteral("Unknown"),
    };
    if (pending.contains(status))
        return Tone::Warning;
    // Init:1/2 is progress; Init:CrashLoopBackOff or Init:ExitCode:1 is a failure.
    if (status.startsWith(QLatin1String("Init:"))) {
        const QStringView rest = QStringView(status).mid(5);
        if (!rest.isEmpty() && rest.front().isDigit())
            return Tone::Warning;
    }
    return Tone::Failed;
}

QString DetailText::shortImage(const QString &image)
{
    // The digest may contain no '/', but the tag or name may not either: cut at the last
    // '/' before any '@'.
    const qsizetype digest = image.indexOf(QLatin1Char('@'));
    const qsizetype slash = image.lastIndexOf(QLatin1Char('/'), digest < 0 ? -1 : digest);
    return slash < 0 ? image : image.mid(slash + 1);
}

QString DetailText::age(const QDateTime &time, const QDateTime &now)
{
    if (!time.isValid())
        return QStringLiteral("\u2013");
    return humanDuration(time.msecsTo(now));
}

QString DetailText::ago(const QDateTime &time, const QDateTime &now)
{
    return time.isValid() ? tr("%1 ago").arg(age(time, now)) : QString();
}

QString DetailText::timestamp(const QDateTime &time)
{
    if (!time.isValid())
        return QString();
    // ISO order with the zone: unambiguous in an incident channel whatever the locale.
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss t"));
}
