// SPDX-License-Identifier: GPL-3.0-or-later
#include "rolloutprinter.h"

#include "durationparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <algorithm>

namespace {

const QString apiVersion = QStringLiteral("release-dashboard/v1");

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

QString number(const std::optional<qint32> &value)
{
    return value ? QString::number(*value) : QStringLiteral("-");
}

} // namespace

// kubectl's age format; the rules live with the other duration helpers in domain/.
QString RolloutPrinter::humanDuration(qint64 seconds)
{
    return ::humanDuration(seconds * 1000);
}

QString RolloutPrinter::imagesText(const QList<ImageInfo> &images)
{
    QStringList parts;
    for (const ImageInfo &image : images) {
        parts.append(image.tags.isEmpty() ? image.image
                                          : QStringLiteral("%1 (%2)").arg(
                                              image.image, image.tags.join(QLatin1Char(','))));
    }
    return parts.join(QStringLiteral(", "));
}

QString RolloutPrinter::table(const QList<RolloutSummary> &rollouts, bool wide,
                              const QDateTime &now)
{
    QList<QStringList> rows;
    QStringList header = {
        QStringLiteral("ENVIRONMENT"), QStringLiteral("NAMESPACE"),     QStringLiteral("NAME"),
        QStringLiteral("STRATEGY"),    QStringLiteral("STATUS"),        QStringLiteral("STEP"),
        QStringLiteral("SET-WEIGHT"),  QStringLiteral("ACTUAL-WEIGHT"), QStringLiteral("READY"),
        QStringLiteral("AGE"),
    };
    if (wide)
        header
            += {QStringLiteral("REVISION"), QStringLiteral("IMAGES"), QStringLiteral("SITUATION")};
    rows.append(header);
    for (const RolloutSummary &r : rollouts) {
        const QString age = r.creationTimestamp.isValid()
            ? humanDuration(r.creationTimestamp.secsTo(now))
            : QStringLiteral("<unknown>");
        QStringList row = {
            r.environment,
            r.namespaceName,
            r.name,
            orDash(r.strategy),
            orDash(r.phase),
            orDash(r.step),
            number(r.setWeight),
            number(r.actualWeight),
            QStringLiteral("%1/%2").arg(r.counts.ready).arg(r.counts.desired),
            age,
        };
        if (wide) {
            row += {r.revision > 0 ? QString::number(r.revision) : QStringLiteral("-"),
                    orDash(imagesText(r.images)), orDash(r.situation)};
        }
        rows.append(row);
    }

    return columns(rows);
}

QString RolloutPrinter::columns(const QList<QStringList> &rows)
{
    QList<qsizetype> widths(rows.value(0).size(), 0);
    for (const QStringList &row : rows) {
        for (qsizetype c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], row.at(c).size());
    }
    QString text;
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c) {
            // The last column is not padded: no trailing blanks (as kubectl).
            line += c + 1 < row.size() ? row.at(c).leftJustified(widths.at(c) + 3) : row.at(c);
        }
        text += line + QLatin1Char('\n');
    }
    return text;
}

QByteArray RolloutPrinter::jsonList(const QList<RolloutSummary> &rollouts,
                                    const QList<QPair<QString, QString>> &errors)
{
    QJsonArray items;
    for (const RolloutSummary &r : rollouts)
        items.append(r.toJson());
    QJsonArray errorItems;
    for (const auto &error : errors) {
        errorItems.append(QJsonObject {{QStringLiteral("environment"), error.first},
                                       {QStringLiteral("message"), error.second}});
    }
    const QJsonObject list {
        {QStringLiteral("apiVersion"), apiVersion},
        {QStringLiteral("kind"), QStringLiteral("RolloutList")},
        {QStringLiteral("items"), items},
        {QStringLiteral("errors"), errorItems},
    };
    return QJsonDocument(list).toJson(QJsonDocument::Indented);
}

QByteArray RolloutPrinter::jsonObject(const RolloutSummary &rollout)
{
    QJsonObject object = rollout.toJson();
    object.insert(QStringLiteral("apiVersion"), apiVersion);
    object.insert(QStringLiteral("kind"), QStringLiteral("RolloutSummary"));
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}
