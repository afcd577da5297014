// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

// How long the release history keeps what it recorded, and how large it may grow.
struct HistorySettings
{
    static constexpr int defaultRetentionDays = 90;
    static constexpr int defaultMaxSizeMB = 512;

    int retentionDays = defaultRetentionDays;
    int maxSizeMB = defaultMaxSizeMB;

    qint64 maxBytes() const { return qint64(maxSizeMB) * 1024 * 1024; }
    bool operator==(const HistorySettings &o) const
    {
        return retentionDays == o.retentionDays && maxSizeMB == o.maxSizeMB;
    }
};

// The `history:` block of the config file (the same YAML document as `environments:`):
//
//   history:
//     retentionDays: 90    # releases that ended longer ago are removed (1 to 3650)
//     maxSizeMB: 512       # then the oldest ended ones while the file is larger (16 to 65536)
//
// Releases in progress and each workload's newest are never removed. No block: the defaults.
// Every error names the file, the line and the field ("config.yaml:3: history.retentionDays:
// must be a whole number from 1 to 3650").
class HistoryConfig
{
    Q_DECLARE_TR_FUNCTIONS(HistoryConfig)

public:
    static bool fromYaml(const QByteArray &yaml, const QString &fileName, HistorySettings *out,
                         QString *error);
    static bool fromFile(const QString &path, HistorySettings *out, QString *error);
};
