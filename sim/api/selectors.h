// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace rdsim {

struct ResourceType;

// A Kubernetes label selector: `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`,
// joined by commas (AND). `!=` and `notin` also match objects without the label, as in
// Kubernetes.
class LabelSelector
{
public:
    struct Requirement
    {
        enum class Op { Equals, NotEquals, In, NotIn, Exists, DoesNotExist };
        QString key;
        Op op = Op::Exists;
        QStringList values;
    };

    // nullopt + *error ("unable to parse requirement: ...") when malformed.
    static std::optional<LabelSelector> parse(const QString &text, QString *error);

    bool isEmpty() const { return m_requirements.isEmpty(); }
    QList<Requirement> requirements() const { return m_requirements; }
    bool matches(const QJsonObject &labels) const;
    bool matchesObject(const QJsonObject &object) const; // reads metadata.labels

private:
    QList<Requirement> m_requirements;
};

// A field selector: `field=value`, `field==value`, `field!=value`, joined by commas. Every kind
// supports metadata.name and metadata.namespace; a few kinds add the fields real servers
// index (pod status.phase and spec.nodeName, event involvedObject.*).
class FieldSelector
{
public:
    struct Requirement
    {
        QString field;
        bool negated = false;
        QString value;
    };

    // nullopt + *error when malformed or naming a field the kind does not support.
    static std::optional<FieldSelector> parse(const QString &text, const ResourceType &type,
                                              QString *error);
    static QStringList supportedFields(const ResourceType &type);

    bool isEmpty() const { return m_requirements.isEmpty(); }
    QList<Requirement> requirements() const { return m_requirements; }
    bool matches(const QJsonObject &object) const;

private:
    QList<Requirement> m_requirements;
};

} // namespace rdsim
