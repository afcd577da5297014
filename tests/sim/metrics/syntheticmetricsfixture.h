// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The simulated metrics of a Rollout "web" in namespace "shop" for the SyntheticMetrics tests
// (tst_syntheticmetricsvalues, tst_metricexposition, tst_syntheticmetricsquery): its
// behaviour, the objects of a store its pods are found in, and a strict parser of the
// exposition's text format.

#include "core/objectstore.h"
#include "core/resourcecatalog.h"
#include "core/virtualclock.h"
#include "metrics/syntheticmetrics.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QTest>

#include <limits>

using namespace rdsim;

namespace SyntheticMetricsTest {

inline const qint64 kT0 = VirtualClock::fromRfc3339(QStringLiteral("2026-11-25T17:00:00Z"));

inline MetricBehaviour webBehaviour()
{
    MetricBehaviour b;
    b.ns = QStringLiteral("shop");
    b.rollout = QStringLiteral("web");
    b.requestRate = 40;
    b.errorRatio = 0.002;
    b.latencyP99Ms = 120;
    b.cpuCores = 0.12;
    b.memoryMiB = 180;
    b.canaryErrorRatio = 0.08;
    b.canaryLatencyP99Ms = 900;
    b.regressAfterSeconds = 120;
    return b;
}

inline const ResourceType &type(const char *group, const char *plural)
{
    return *ResourceCatalog::find(QString::fromLatin1(group), QString::fromLatin1(plural));
}

inline QJsonObject meta(const QString &name, qint64 createdMs, const QJsonObject &extra = {})
{
    QJsonObject m = extra;
    m.insert(QStringLiteral("name"), name);
    m.insert(QStringLiteral("namespace"), QStringLiteral("shop"));
    m.insert(QStringLiteral("creationTimestamp"), VirtualClock::toRfc3339(createdMs));
    return m;
}

inline QJsonArray owner(const QString &kind, const QString &name)
{
    return QJsonArray {QJsonObject {{QStringLiteral("kind"), kind},
                                    {QStringLiteral("name"), name},
                                    {QStringLiteral("controller"), true}}};
}

inline void addRollout(ObjectStore &store, const QString &stable, const QString &current)
{
    QJsonObject rollout {{QStringLiteral("metadata"), meta(QStringLiteral("web"), kT0 - 3600000)},
                         {QStringLiteral("spec"),
                          QJsonObject {{QStringLiteral("strategy"),
                                        QJsonObject {{QStringLiteral("canary"), QJsonObject {}}}}}},
                         {QStringLiteral("status"),
                          QJsonObject {{QStringLiteral("stableRS"), stable},
                                       {QStringLiteral("currentPodHash"), current}}}};
    QVERIFY(store.load(type("argoproj.io", "rollouts"), rollout).ok());
}

inline void addReplicaSet(ObjectStore &store, const QString &hash, qint64 createdMs)
{
    QJsonObject rs {{QStringLiteral("metadata"),
                     meta(QStringLiteral("web-") + hash, createdMs,
                          {{QStringLiteral("ownerReferences"),
                            owner(QStringLiteral("Rollout"), QStringLiteral("web"))}})}};
    QVERIFY(store.load(type("apps", "replicasets"), rs).ok());
}

inline void addPod(ObjectStore &store, const QString &name, const QString &rsName,
                   const QString &hashLabel, const QString &hash, qint64 startMs,
                   const QJsonArray &containerStatuses = {})
{
    QJsonObject pod {
        {QStringLiteral("metadata"),
         meta(name, startMs,
              {{QStringLiteral("ownerReferences"), owner(QStringLiteral("ReplicaSet"), rsName)},
               {QStringLiteral("labels"), QJsonObject {{hashLabel, hash}}}})},
        {QStringLiteral("status"),
         QJsonObject {{QStringLiteral("phase"), QStringLiteral("Running")},
                      {QStringLiteral("startTime"), VirtualClock::toRfc3339(startMs)},
                      {QStringLiteral("containerStatuses"), containerStatuses}}}};
    QVERIFY(store.load(type("", "pods"), pod).ok());
}

// A sample line of the text format, parsed.
struct ParsedSample
{
    QString name;
    QList<QPair<QString, QString>> labels;
    double value = 0;
    QString label(const QString &key) const
    {
        for (const auto &[k, v] : labels) {
            if (k == key)
                return v;
        }
        return {};
    }
};

// Parses and validates the 0.0.4 text format: TYPE before samples, families not split, names
// and label names well-formed, escapes valid, values parse. Fails the test on any violation.
inline QList<ParsedSample> parseExposition(const QByteArray &text, QMap<QString, QString> *types)
{
    static const QRegularExpression metricName(QStringLiteral("^[a-zA-Z_:][a-zA-Z0-9_:]*$"));
    static const QRegularExpression labelName(QStringLiteral("^[a-zA-Z_][a-zA-Z0-9_]*$"));
    QList<ParsedSample> samples;
    QStringList finishedFamilies;
    QString family;
    [&]() {
        QVERIFY(text.endsWith('\n'));
        const QList<QByteArray> lines = text.split('\n');
        for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
            const QString line = QString::fromUtf8(lines.at(i));
            if (line.startsWith(QLatin1String("# HELP ")))
                continue;
            if (line.startsWith(QLatin1String("# TYPE "))) {
                const QStringList parts = line.split(u' ');
                QCOMPARE(parts.size(), 4);
                QVERIFY2(!finishedFamilies.contains(parts[2]), qPrintable(parts[2]));
                if (!family.isEmpty())
                    finishedFamilies << family;
                family = parts[2];
                QVERIFY(metricName.match(family).hasMatch());
                types->insert(family, parts[3]);
                continue;
            }
            ParsedSample s;
            qsizetype pos = 0;
            while (pos < line.size() && line[pos] != u'{' && line[pos] != u' ')
                ++pos;
            s.name = line.left(pos);
            QVERIFY2(metricName.match(s.name).hasMatch(), qPrintable(line));
            QVERIFY2(s.name == family || s.name == family + QLatin1String("_bucket")
                         || s.name == family + QLatin1String("_sum")
                         || s.name == family + QLatin1String("_count"),
                     qPrintable(line));
            if (line[pos] == u'{') {
                ++pos;
                while (line[pos] != u'}') {
                    const qsizetype eq = line.indexOf(u'=', pos);
                    const QString key = line.mid(pos, eq - pos);
                    QVERIFY2(labelName.match(key).hasMatch(), qPrintable(line));
                    QCOMPARE(line[eq + 1], u'"');
                    QString value;
                    pos = eq + 2;
                    while (line[pos] != u'"') {
                        if (line[pos] == u'\\') {
                            const QChar next = line[pos + 1];
                            QVERIFY2(next == u'\\' || next == u'"' || next == u'n',
                                     qPrintable(line));
                            value += next == u'n' ? u'\n' : next;
                            pos += 2;
                        } else {
                            value += line[pos++];
                        }
                    }
                    s.labels.append({key, value});
                    ++pos;
                    if (line[pos] == u',')
                        ++pos;
                }
                ++pos;
            }
            QCOMPARE(line[pos], u' ');
            const QString valueText = line.mid(pos + 1);
            if (valueText == QLatin1String("+Inf")) {
                s.value = std::numeric_limits<double>::infinity();
            } else {
                bool ok = false;
                s.value = valueText.toDouble(&ok);
                QVERIFY2(ok, qPrintable(line));
            }
            samples.append(s);
        }
    }();
    return samples;
}

} // namespace SyntheticMetricsTest
