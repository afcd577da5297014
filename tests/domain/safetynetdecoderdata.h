// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "testdata.h"

#include <QDateTime>

// Reads tests/data/safetynets/<name> (beside tests/data/domain/).
inline QByteArray safetyNetData(const QString &name)
{
    return domainTestData(QStringLiteral("../safetynets/") + name);
}

// An RFC 3339 time as the decoders give it (Unix milliseconds).
inline qint64 msOf(const char *rfc3339)
{
    return QDateTime::fromString(QString::fromLatin1(rfc3339), Qt::ISODate).toMSecsSinceEpoch();
}
