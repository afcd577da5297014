// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTest>

// Reads tests/data/domain/<name>; fails the calling test when it is missing.
inline QByteArray domainTestData(const QString &name)
{
    QFile file(QStringLiteral(RD_TEST_DATA_DIR "/domain/") + name);
    if (!file.open(QIODevice::ReadOnly)) {
        QTest::qFail(qPrintable(QStringLiteral("cannot open test data ") + file.fileName()),
                     __FILE__, __LINE__);
        return QByteArray();
    }
    return file.readAll();
}
