// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>

// One row of the promotion view that the config names: the workload it shows per environment.
struct PromotionRowSpec
{
    QString name;
    QMap<QString, QString> workloads; // environment -> "namespace/name"
    int line = 0; // in the config file

    bool operator==(const PromotionRowSpec &o) const
    {
        return name == o.name && workloads == o.workloads;
    }
};

struct PromotionSettings
{
    QList<PromotionRowSpec> rows;

    bool operator==(const PromotionSettings &o) const { return rows == o.rows; }
};

// The `promotion:` block of the config file (the same YAML document as `environments:`), for
// workloads whose names differ between environments:
//
//   promotion:
//     rows:
//       - name: checkout                 # the row's name, unique
//         workloads:                     # ENVIRONMENT: NAMESPACE/NAME
//           dev: shop/checkout
//           staging: shop/checkout-v2
//           prod: shop/checkout
//
// Workloads no row names keep a row of their own, by namespace/name. A workload is in one
// row at most. Every error names the file, the line and the field ("config.yaml:5:
// promotion.rows[0].workloads.dev: 'checkout' is not of the form NAMESPACE/NAME").
class PromotionConfig
{
    Q_DECLARE_TR_FUNCTIONS(PromotionConfig)

public:
    static bool fromYaml(const QByteArray &yaml, const QString &fileName, PromotionSettings *out,
                         QString *error);
    static bool fromFile(const QString &path, PromotionSettings *out, QString *error);
};
