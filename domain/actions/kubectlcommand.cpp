// SPDX-License-Identifier: GPL-3.0-or-later
#include "kubectlcommand.h"

#include <QRegularExpression>
#include <QStringList>

namespace {

QString target(const QString &context, const QString &namespaceName)
{
    QString text = QStringLiteral(" -n ") + KubectlCommand::quote(namespaceName);
    if (!context.isEmpty())
        text += QStringLiteral(" --context ") + KubectlCommand::quote(context);
    return text;
}

} // namespace

QString KubectlCommand::quote(const QString &word)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_./:@=+-]+$"));
    if (safe.match(word).hasMatch())
        return word;
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString KubectlCommand::forAction(RolloutAction action, const QString &context,
                                  const QString &namespaceName, const QString &name,
                                  qint64 revision)
{
    const QString plugin = QStringLiteral("kubectl argo rollouts ");
    const QString rollout = quote(name);
    const QString where = target(context, namespaceName);
    switch (action) {
    case RolloutAction::Pause:
        return plugin + QStringLiteral("pause ") + rollout + where;
    case RolloutAction::Resume:
        return QStringLiteral("kubectl patch rollouts.argoproj.io ") + rollout + where
            + QStringLiteral(" --type merge -p '{\"spec\":{\"paused\":false}}'");
    case RolloutAction::Promote:
        return plugin + QStringLiteral("promote ") + rollout + where;
    case RolloutAction::PromoteFull:
        return plugin + QStringLiteral("promote ") + rollout + where + QStringLiteral(" --full");
    case RolloutAction::Abort:
        return plugin + QStringLiteral("abort ") + rollout + where;
    case RolloutAction::Retry:
        return plugin + QStringLiteral("retry rollout ") + rollout + where;
    case RolloutAction::Restart:
        return plugin + QStringLiteral("restart ") + rollout + where;
    case RolloutAction::Undo:
        return plugin + QStringLiteral("undo ") + rollout + where
            + (revision > 0 ? QStringLiteral(" --to-revision=%1").arg(revision) : QString());
    }
    return QString();
}

QString KubectlCommand::getRollout(const QString &context, const QString &namespaceName,
                                   const QString &name)
{
    return QStringLiteral("kubectl argo rollouts get rollout ") + quote(name)
        + target(context, namespaceName);
}
