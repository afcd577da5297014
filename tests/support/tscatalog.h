// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFile>
#include <QLibraryInfo>
#include <QList>
#include <QProcess>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QXmlStreamReader>

// A message of a Qt Linguist catalog (translations/*.ts), read by the tests of the catalogs.
struct TsMessage
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    // The translation, or a numerus message's forms in the order of the language's rules
    // (English: one, other).
    QStringList translations;
    bool unfinished = false;

    QString key() const { return context + u'|' + source + u'|' + comment; }
};

inline QList<TsMessage> readTsCatalog(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QXmlStreamReader xml(&file);
    QList<TsMessage> messages;
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        const auto name = xml.name();
        if (xml.isEndElement() && name == QLatin1String("message")) {
            messages.append(message);
            continue;
        }
        if (!xml.isStartElement())
            continue;
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = TsMessage();
            message.context = context;
            message.numerus
                = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            message.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.unfinished
                = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
            if (!message.numerus)
                message.translations.append(xml.readElementText());
        } else if (name == QLatin1String("numerusform")) {
            message.translations.append(xml.readElementText());
        }
    }
    if (xml.hasError())
        qFatal("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    return messages;
}

// lupdate over the client layers' folders into ts (a new file), as the update_translations
// target runs it (app/CMakeLists.txt) with options such as -pluralonly. Empty, or why not.
inline QString runLupdateOverClientLayers(const QString &ts, const QStringList &options = {})
{
    const QString lupdate
        = QLibraryInfo::path(QLibraryInfo::BinariesPath) + QStringLiteral("/lupdate");
    if (!QFile::exists(lupdate))
        return lupdate + QStringLiteral(" is missing");
    QStringList arguments = {QStringLiteral("-silent"), QStringLiteral("-no-obsolete"),
                             QStringLiteral("-locations"), QStringLiteral("none")};
    arguments += options;
    for (const char *layer :
         {"domain", "net", "fetchers", "store", "history", "models", "widgets", "app"})
        arguments.append(QStringLiteral(RD_SOURCE_DIR "/") + QLatin1String(layer));
    arguments += {QStringLiteral("-ts"), ts};
    QProcess process;
    process.start(lupdate, arguments);
    if (!process.waitForFinished(120000))
        return QStringLiteral("lupdate did not finish: ") + process.errorString();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return QStringLiteral("lupdate failed: ")
            + QString::fromLocal8Bit(process.readAllStandardError());
    return QString();
}

// What a committed catalog lacks against a fresh lupdate run of the sources ("not in the
// .ts") and what it holds that the sources no longer have ("gone from the sources"), by
// context, source and comment; empty when both hold the same messages.
inline QString tsCatalogDifference(const QString &freshTs, const QString &committedTs)
{
    QSet<QString> expected;
    for (const TsMessage &message : readTsCatalog(freshTs))
        expected.insert(message.key());
    QSet<QString> committed;
    for (const TsMessage &message : readTsCatalog(committedTs))
        committed.insert(message.key());
    QStringList missing = QSet<QString>(expected).subtract(committed).values();
    QStringList stale = QSet<QString>(committed).subtract(expected).values();
    missing.sort();
    stale.sort();
    QString difference;
    if (!missing.isEmpty())
        difference += QStringLiteral("not in the .ts:\n") + missing.join(u'\n') + u'\n';
    if (!stale.isEmpty())
        difference += QStringLiteral("gone from the sources:\n") + stale.join(u'\n') + u'\n';
    return difference;
}
