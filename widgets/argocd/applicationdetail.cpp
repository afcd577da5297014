// SPDX-License-Identifier: GPL-3.0-or-later
#include "applicationdetail.h"

#include "argotext.h"

#include <QDateTime>
#include <QLocale>

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString when(qint64 ms)
{
    return ms > 0 ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat)
                  : QString();
}

QString row(const QString &label, const QString &value)
{
    return QStringLiteral("<tr><td style='color:palette(mid); padding-right:12px'>%1</td>"
                          "<td>%2</td></tr>")
        .arg(esc(label), value);
}

} // namespace

QString ApplicationDetail::html(const ArgoApplication &app, const CommitLookup &commit,
                                const QString &historyProblem)
{
    QString out = QStringLiteral("<h3>%1 <span style='font-weight:normal'>· %2 · %3</span></h3>")
                      .arg(esc(app.name), esc(app.environment), esc(app.instance));
    out += QStringLiteral("<table>");
    out += row(tr("Sync"),
               esc(ArgoText::syncStatus(app.syncStatus)) + QStringLiteral(" · ")
                   + esc(ArgoText::shortRevision(app.syncRevision)));
    QString health = esc(ArgoText::health(app.health));
    if (!app.healthMessage.isEmpty())
        health += QStringLiteral(" — ") + esc(app.healthMessage);
    out += row(tr("Health"), health);
    for (const ArgoSource &source : app.sources) {
        QString text = esc(ArgoText::source(source));
        if (!source.targetRevision.isEmpty() && source.chart.isEmpty())
            text += QStringLiteral(" @ ") + esc(source.targetRevision);
        if (!source.kustomizeImages.isEmpty())
            text += QStringLiteral("<br>")
                + tr("images: %1").arg(esc(source.kustomizeImages.join(QStringLiteral(", "))));
        out += row(tr("Source"), text);
    }
    const QString destination
        = app.destinationName.isEmpty() ? app.destinationServer : app.destinationName;
    out += row(tr("Destination"),
               esc(destination + QStringLiteral(" / ") + app.destinationNamespace));
    QString policy = app.autoSync ? tr("automated") : tr("manual");
    if (app.autoSync && app.selfHeal)
        policy += QStringLiteral(", ") + tr("self-heal");
    if (app.autoSync && app.autoPrune)
        policy += QStringLiteral(", ") + tr("prune");
    out += row(tr("Sync policy"), esc(policy));
    if (app.operation.isValid()) {
        QString op = esc(ArgoText::operation(app.operation));
        if (!app.operation.message.isEmpty())
            op += QStringLiteral(" — ") + esc(app.operation.message);
        op += QStringLiteral("<br>")
            + esc(tr("started %1, finished %2")
                      .arg(when(app.operation.startedAtMs),
                           when(app.operation.finishedAtMs).isEmpty()
                               ? tr("not yet")
                               : when(app.operation.finishedAtMs)));
        out += row(tr("Last operation"), op);
    }
    if (!app.images.isEmpty())
        out += row(tr("Images"), esc(app.images.join(QStringLiteral(", "))));
    out += QStringLiteral("</table>");

    out += problems(app);
    out += history(app, commit, historyProblem);
    return out;
}

QString ApplicationDetail::problems(const ArgoApplication &app)
{
    QString out;
    if (!app.conditions.isEmpty()) {
        out += QStringLiteral("<h4>%1</h4><ul>").arg(esc(tr("Conditions")));
        for (const ArgoCondition &condition : app.conditions) {
            const QString colour
                = condition.isError() ? QStringLiteral("#c62828") : QStringLiteral("#b26a00");
            out += QStringLiteral("<li><span style='color:%1'>%2</span>: %3</li>")
                       .arg(colour, esc(condition.type), esc(condition.message));
        }
        out += QStringLiteral("</ul>");
    }
    QStringList differing;
    for (const ArgoResource &resource : app.resources) {
        if (resource.syncStatus == QLatin1String("OutOfSync") || resource.requiresPruning)
            differing.append(esc(QStringLiteral("%1 %2/%3")
                                     .arg(resource.kind, resource.namespaceName, resource.name))
                             + (resource.requiresPruning
                                    ? QStringLiteral(" (") + esc(tr("to prune")) + QLatin1Char(')')
                                    : QString()));
    }
    if (!differing.isEmpty())
        out += QStringLiteral("<h4>%1</h4><ul><li>%2</li></ul>")
                   .arg(esc(tr("Out of sync")), differing.join(QStringLiteral("</li><li>")));

    return out;
}

QString ApplicationDetail::history(const ArgoApplication &app, const CommitLookup &commit,
                                   const QString &historyProblem)
{
    QString out;
    out += QStringLiteral("<h4>%1</h4>").arg(esc(tr("History")));
    if (!historyProblem.isEmpty())
        out += QStringLiteral("<p>%1</p>").arg(esc(historyProblem));
    else if (!app.hasHistory)
        out += QStringLiteral("<p>%1</p>").arg(esc(tr("Loading…")));
    else if (app.history.isEmpty())
        out += QStringLiteral("<p>%1</p>").arg(esc(tr("Never deployed")));
    else {
        out += QStringLiteral("<table>");
        out += QStringLiteral("<tr><th align=left>%1</th><th align=left>%2</th><th "
                              "align=left>%3</th><th align=left>%4</th></tr>")
                   .arg(esc(tr("ID")), esc(tr("Deployed")), esc(tr("Revision")), esc(tr("By")));
        for (auto it = app.history.crbegin(); it != app.history.crend(); ++it) {
            const ArgoRevisionMetadata meta = commit(it->revision);
            QString revision = esc(ArgoText::shortRevision(it->revision));
            if (!meta.message.isEmpty())
                revision += QStringLiteral(" ") + esc(meta.subject()) + QStringLiteral(" <i>(")
                    + esc(meta.author) + QStringLiteral(")</i>");
            out += QStringLiteral("<tr><td>%1&nbsp;&nbsp;</td><td>%2&nbsp;&nbsp;</"
                                  "td><td>%3&nbsp;&nbsp;</td><td>%4</td></tr>")
                       .arg(it->id)
                       .arg(esc(when(it->deployedAtMs)), revision,
                            esc(ArgoText::initiator(it->initiatedBy)));
        }
        out += QStringLiteral("</table>");
    }
    return out;
}
