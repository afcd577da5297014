// SPDX-License-Identifier: GPL-3.0-or-later
#include "datawarnings.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace {

const QRegularExpression &objectPrefix()
{
    thread_local const QRegularExpression pattern(
        QStringLiteral("^(?:items\\[(\\d+)\\]|object)\\."));
    return pattern;
}

} // namespace

QString DataWarnings::text(const QString &resource, const QString &object, const DecodeIssue &issue)
{
    DecodeIssue field = issue;
    field.path.remove(objectPrefix());
    return QCoreApplication::translate("DataWarnings", "%1 %2: %3", "resource object: issue")
        .arg(resource, object, field.text());
}

qsizetype DataWarnings::itemIndex(const DecodeIssue &issue)
{
    const QRegularExpressionMatch match = objectPrefix().match(issue.path);
    return match.hasMatch() && match.hasCaptured(1) ? match.captured(1).toLongLong() : -1;
}

bool DataWarnings::set(const QString &object, const QStringList &texts)
{
    const auto before = m_entries;
    m_entries.removeIf(
        [&object](const QPair<QString, QString> &entry) { return entry.first == object; });
    for (const QString &text : texts) {
        if (!m_entries.contains(QPair<QString, QString>(object, text)))
            m_entries.append({object, text});
    }
    while (m_entries.size() > Max)
        m_entries.removeFirst();
    return m_entries != before;
}

QStringList DataWarnings::texts() const
{
    QStringList result;
    for (const auto &[object, text] : m_entries)
        result.append(text);
    return result;
}
