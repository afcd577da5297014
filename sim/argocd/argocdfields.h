// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QSet>
#include <QString>

namespace rdsim {

// The `fields` query parameter of Argo CD's API: a comma list of dotted paths, or with a
// leading '-' a list of paths to leave out.
struct FieldSelection
{
    QSet<QString> fields;
    bool exclude = false;
    bool isEmpty() const { return fields.isEmpty(); }
    static FieldSelection parse(const QString &query);
};

class ArgoCdFields
{
public:
    // One list item as the List endpoint projects it: only the paths of appFields
    // (pkg/apiclient/application/forwarder_overwrite.go) can be chosen, "items." prefixed.
    static QJsonObject listItem(const QJsonObject &app, const FieldSelection &selection);
    // The generic filter of argoproj/pkg's stream marshaler (processItem), applied to a
    // whole message such as {"result":{"type":...,"application":...}}.
    static QJsonObject filter(const QJsonObject &message, const FieldSelection &selection);

private:
    static QJsonValue filterValue(const QStringList &path, const QJsonValue &value,
                                  const FieldSelection &selection);
};

} // namespace rdsim
