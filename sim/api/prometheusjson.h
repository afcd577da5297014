// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/promqlengine.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace rdsim {

// The bodies of Prometheus' HTTP API, byte for byte as v2.42 writes them: keys in its order,
// timestamps as seconds with up to three decimals ("1700000000.5" is written "1700000000.500"
// as jsonutil.MarshalTimestamp does), sample values as strings in Go's strconv format ('f',
// or 'e' below 1e-6 and from 1e21; "NaN", "+Inf", "-Inf"), strings escaped like Go's
// encoding/json (<, > and & as \u003c, \u003e, \u0026). Written by hand rather than through
// QJsonDocument, which would write numbers and keys its own way.
namespace PrometheusJson {

QByteArray formatValue(double value);
QByteArray formatTimestamp(qint64 ms);
QByteArray quote(const QString &text);
QByteArray labels(const promql::Labels &labels);

// {"resultType":...,"result":...} of a query.
QByteArray queryData(const promql::QueryResult &result);
QByteArray stringArray(const QStringList &values);
QByteArray labelSets(const QList<promql::Labels> &sets);

// {"status":"success","data":DATA[,"warnings":[...]]}
QByteArray success(const QByteArray &data, const QStringList &warnings = {});
// {"status":"error","errorType":TYPE,"error":MESSAGE}
QByteArray error(const QString &type, const QString &message);
// The HTTP status Prometheus 2.42 answers an errorType with.
int httpStatus(const QString &errorType);

} // namespace PrometheusJson

} // namespace rdsim
