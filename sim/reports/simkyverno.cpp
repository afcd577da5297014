// SPDX-License-Identifier: GPL-3.0-or-later
#include "simkyverno.h"

#include "controllers/jsonutil.h"

#include <QJsonArray>

namespace rdsim {

namespace {

struct Container
{
    QString name {};
    QString image {};
    bool privileged = false;
};

struct RuleOutcome
{
    bool pass = true;
    QString message {};
};

QList<Container> containersOf(const QJsonObject &resource, const QString &kind)
{
    const QJsonObject spec = kind == QStringLiteral("Pod")
        ? resource.value(QStringLiteral("spec")).toObject()
        : JsonUtil::objectAt(resource, "spec.template.spec");
    QList<Container> out;
    for (const QJsonValue &value : spec.value(QStringLiteral("containers")).toArray()) {
        const QJsonObject c = value.toObject();
        out << Container {c.value(QStringLiteral("name")).toString(),
                          c.value(QStringLiteral("image")).toString(),
                          JsonUtil::boolAt(c, "securityContext.privileged")};
    }
    return out;
}

bool isSigned(const QString &image, const QList<ImageScan> &scans)
{
    for (const ImageScan &scan : scans) {
        if (scan.image == image)
            return scan.signedImage;
    }
    return true;
}

// Kyverno's message for a failed validate rule: the policy's message and the failing path.
QString validationError(const QString &message, const QString &rule, int index, const char *field)
{
    return QStringLiteral("validation error: %1 rule %2 failed at path /spec/containers/%3/%4/")
        .arg(message, rule, QString::number(index), QLatin1String(field));
}

RuleOutcome requireTag(const QList<Container> &containers)
{
    for (int i = 0; i < containers.size(); ++i) {
        if (!containers.at(i).image.section(u'/', -1).contains(u':'))
            return {false,
                    validationError(QStringLiteral("An image tag is required."),
                                    QStringLiteral("require-image-tag"), i, "image")};
    }
    return {true, QStringLiteral("validation rule 'require-image-tag' passed.")};
}

RuleOutcome validateTag(const QList<Container> &containers)
{
    for (int i = 0; i < containers.size(); ++i) {
        if (containers.at(i).image.endsWith(QStringLiteral(":latest")))
            return {false,
                    validationError(QStringLiteral("Using a mutable image tag e.g. 'latest' is "
                                                   "not allowed."),
                                    QStringLiteral("validate-image-tag"), i, "image")};
    }
    return {true, QStringLiteral("validation rule 'validate-image-tag' passed.")};
}

RuleOutcome checkSignature(const QList<Container> &containers, const QList<ImageScan> &scans)
{
    for (const Container &c : containers) {
        if (!isSigned(c.image, scans))
            return {false,
                    QStringLiteral("failed to verify image %1: .attestors[0].entries[0]."
                                   "keys: no matching signatures found")
                        .arg(c.image)};
    }
    return {true, QStringLiteral("verified image signatures")};
}

RuleOutcome privileged(const QList<Container> &containers)
{
    for (int i = 0; i < containers.size(); ++i) {
        if (containers.at(i).privileged)
            return {false,
                    validationError(QStringLiteral("Privileged mode is disallowed."),
                                    QStringLiteral("privileged-containers"), i,
                                    "securityContext/privileged")};
    }
    return {true, QStringLiteral("validation rule 'privileged-containers' passed.")};
}

QJsonObject result(const char *policy, const char *rule, const char *category, const char *severity,
                   const RuleOutcome &outcome, qint64 nowSeconds)
{
    return QJsonObject {
        {QStringLiteral("source"), QStringLiteral("kyverno")},
        {QStringLiteral("policy"), QLatin1String(policy)},
        {QStringLiteral("rule"), QLatin1String(rule)},
        {QStringLiteral("category"), QLatin1String(category)},
        {QStringLiteral("severity"), QLatin1String(severity)},
        {QStringLiteral("result"), outcome.pass ? QStringLiteral("pass") : QStringLiteral("fail")},
        {QStringLiteral("message"), outcome.message},
        {QStringLiteral("scored"), true},
        {QStringLiteral("timestamp"),
         QJsonObject {{QStringLiteral("seconds"), nowSeconds}, {QStringLiteral("nanos"), 0}}}};
}

} // namespace

QJsonObject SimKyverno::policyReport(const QJsonObject &resource, const QString &apiVersion,
                                     const QString &kind, const QList<ImageScan> &scans,
                                     qint64 nowSeconds)
{
    const QList<Container> containers = containersOf(resource, kind);
    const char *bestPractices = "Best Practices";
    const QJsonArray results {
        result("disallow-latest-tag", "require-image-tag", bestPractices, "medium",
               requireTag(containers), nowSeconds),
        result("disallow-latest-tag", "validate-image-tag", bestPractices, "medium",
               validateTag(containers), nowSeconds),
        result("verify-image-signatures", "check-signature", "Software Supply Chain Security",
               "high", checkSignature(containers, scans), nowSeconds),
        result("disallow-privileged-containers", "privileged-containers",
               "Pod Security Standards (Baseline)", "medium", privileged(containers), nowSeconds),
    };
    int pass = 0;
    for (const QJsonValue &r : results)
        pass += r.toObject().value(QStringLiteral("result")).toString() == QStringLiteral("pass");
    const QString name = JsonUtil::name(resource);
    const QString ns = JsonUtil::nameSpace(resource);
    const QString uid = JsonUtil::uid(resource);
    const QJsonObject owner {{QStringLiteral("apiVersion"), apiVersion},
                             {QStringLiteral("kind"), kind},
                             {QStringLiteral("name"), name},
                             {QStringLiteral("uid"), uid}};
    QJsonObject scope = owner;
    scope.insert(QStringLiteral("namespace"), ns);
    return QJsonObject {{QStringLiteral("apiVersion"), QStringLiteral("wgpolicyk8s.io/v1alpha2")},
                        {QStringLiteral("kind"), QStringLiteral("PolicyReport")},
                        {QStringLiteral("metadata"),
                         QJsonObject {{QStringLiteral("name"), uid},
                                      {QStringLiteral("namespace"), ns},
                                      {QStringLiteral("labels"),
                                       QJsonObject {{QStringLiteral("app.kubernetes.io/managed-by"),
                                                     QStringLiteral("kyverno")}}},
                                      {QStringLiteral("ownerReferences"), QJsonArray {owner}}}},
                        {QStringLiteral("scope"), scope},
                        {QStringLiteral("summary"),
                         QJsonObject {{QStringLiteral("pass"), pass},
                                      {QStringLiteral("fail"), int(results.size()) - pass},
                                      {QStringLiteral("warn"), 0},
                                      {QStringLiteral("error"), 0},
                                      {QStringLiteral("skip"), 0}}},
                        {QStringLiteral("results"), results}};
}

QJsonObject SimKyverno::comparable(const QJsonObject &report)
{
    QJsonArray results;
    for (const QJsonValue &value : report.value(QStringLiteral("results")).toArray()) {
        QJsonObject r = value.toObject();
        r.remove(QStringLiteral("timestamp"));
        results.append(r);
    }
    return QJsonObject {{QStringLiteral("scope"), report.value(QStringLiteral("scope"))},
                        {QStringLiteral("results"), results}};
}

} // namespace rdsim
