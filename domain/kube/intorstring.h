// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

// Kubernetes intstr.IntOrString: pause durations ("30s" or 30), maxSurge, analysis limits.
struct IntOrString
{
    enum class Kind : quint8 { Unset, Int, String };

    Kind kind = Kind::Unset;
    qint32 intValue = 0;
    QString stringValue;

    static IntOrString fromInt(qint32 value);
    static IntOrString fromString(const QString &value);

    bool isSet() const { return kind != Kind::Unset; }
    bool isInt() const { return kind == Kind::Int; }
    bool isString() const { return kind == Kind::String; }
    // As Go's IntOrString.String(): the decimal number, or the string unchanged.
    QString toString() const;

    bool operator==(const IntOrString &o) const
    {
        return kind == o.kind && intValue == o.intValue && stringValue == o.stringValue;
    }
    bool operator!=(const IntOrString &o) const { return !(*this == o); }
};

Q_DECLARE_METATYPE(IntOrString)
