// SPDX-License-Identifier: GPL-3.0-or-later
#include "intorstring.h"

IntOrString IntOrString::fromInt(qint32 value)
{
    IntOrString result;
    result.kind = Kind::Int;
    result.intValue = value;
    return result;
}

IntOrString IntOrString::fromString(const QString &value)
{
    IntOrString result;
    result.kind = Kind::String;
    result.stringValue = value;
    return result;
}

QString IntOrString::toString() const
{
    switch (kind) {
    case Kind::Int:
        return QString::number(intValue);
    case Kind::String:
        return stringValue;
    case Kind::Unset:
        break;
    }
    return QString();
}
