// SPDX-License-Identifier: GPL-3.0-or-later
// A Flagger MetricTemplate's query (read from the cluster) rendered with the canary's values,
// as the Charts tab renders it: any text ends in a rendered query or an error, never a crash
// or a hang, and a rendered query never outgrows the template by more than its values do.
#include "flaggerquerytemplate.h"
#include "fuzzinput.h"

RD_FUZZ_TARGET(data, size)
{
    const QString query = QString::fromUtf8(fuzzBytes(data, size));
    FlaggerQueryModel model;
    model.name = QStringLiteral("podinfo");
    model.namespaceName = QStringLiteral("test");
    model.target = QStringLiteral("podinfo-primary");
    model.service = model.ingress = model.route = QStringLiteral("podinfo");
    model.interval = QStringLiteral("1m");
    model.variables.insert(QStringLiteral("window"), QStringLiteral("5m"));
    QString rendered;
    QString error;
    if (FlaggerQueryTemplate::render(query, model, &rendered, &error)) {
        // Each action is replaced by at most the longest value ("podinfo-primary").
        RD_FUZZ_CHECK(rendered.size() <= query.size() * 16 + 16);
    } else {
        RD_FUZZ_CHECK(!error.isEmpty());
    }
    return 0;
}
