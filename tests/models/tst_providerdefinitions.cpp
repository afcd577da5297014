// SPDX-License-Identifier: GPL-3.0-or-later
// AnalysisRunsModel over an AnalysisRun using every Argo Rollouts metric provider
// (tests/data/domain/traffic/analysisrun-providers.json): each metric's definition names its
// provider and settings and what it asks with the run's arguments filled in, the
// measurements still show, and no text, tooltip or copied value of any row holds a Web
// header's value, the Web body or a plugin's config value.
#include "analysisrunsmodel.h"
#include "jsondecoder.h"

#include "../domain/testdata.h"
#include "../support/modelrows.h"

#include <QAbstractItemModelTester>
#include <QTest>

namespace {

using M = AnalysisRunsModel;

const QDateTime now = QDateTime::fromString(QStringLiteral("2024-05-02T10:20:00Z"), Qt::ISODate);
const QString runName = QStringLiteral("checkout-7f9c6d5b8-4-1");

// Every role's text of every cell below parent, depth first.
void collectTexts(const QAbstractItemModel &model, const QModelIndex &parent, QStringList &out)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        for (int column = 0; column < model.columnCount(parent); ++column) {
            const QModelIndex index = model.index(row, column, parent);
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(M::LabelRole),
                             int(M::ValueRole), int(M::CopyRole)})
                out.append(index.data(role).toString());
        }
        collectTexts(model, model.index(row, 0, parent), out);
    }
}

} // namespace

class TestProviderDefinitions : public QObject
{
    Q_OBJECT

private:
    QList<AnalysisRun> m_runs;

    static QString definition(const M &model, const QString &metric, M::Definition part)
    {
        const QModelIndex index = model.indexOfMetric(model.indexOfRun(runName), metric);
        return text(model.indexOfDefinition(index, part), M::Name);
    }

private slots:
    void initTestCase()
    {
        m_runs = decodeList<AnalysisRun>(
                     domainTestData(QStringLiteral("traffic/analysisrun-providers.json")))
                     .items;
        QCOMPARE(m_runs.size(), 1);
    }

    void definitionsNameEachProvider()
    {
        M model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRuns(m_runs, now);
        QCOMPARE(definition(model, QStringLiteral("smoke-test"), M::Definition::Request),
                 QStringLiteral("Command: sh -c ./run.sh --target checkout-canary"));
        QCOMPARE(definition(model, QStringLiteral("health"), M::Definition::Provider),
                 QStringLiteral("Provider: Web \u00b7 method POST \u00b7 headers Authorization, "
                                "X-Scope \u00b7 jsonPath {$.status} \u00b7 timeoutSeconds 20"));
        QCOMPARE(definition(model, QStringLiteral("health"), M::Definition::Request),
                 QStringLiteral("URL: https://checkout-canary.shop.svc/healthz?service="
                                "checkout-canary"));
        QCOMPARE(definition(model, QStringLiteral("kayenta-judge"), M::Definition::Request),
                 QStringLiteral("Canary config: checkout-canary-config"));
        QCOMPARE(definition(model, QStringLiteral("cw-errors"), M::Definition::Request),
                 QStringLiteral("Metric data queries: rate: errors / requests \u00b7 errors: "
                                "AWS/ApplicationELB HTTPCode_Target_5XX_Count Sum"));
        // A plugin is asked nothing the dashboard can show: no request row.
        QVERIFY(!model
                     .indexOfDefinition(model.indexOfMetric(model.indexOfRun(runName),
                                                            QStringLiteral("plugin-metric")),
                                        M::Definition::Request)
                     .isValid());
        // The Datadog metric's measurements are listed with their values.
        QStringList texts;
        collectTexts(model,
                     model.indexOfMetric(model.indexOfRun(runName), QStringLiteral("dd-errors")),
                     texts);
        QVERIFY(texts.contains(QStringLiteral("0.004")));
        QVERIFY(texts.contains(QStringLiteral("0.006")));
    }

    void noSecretInAnyText()
    {
        M model;
        model.setRuns(m_runs, now);
        QStringList texts;
        collectTexts(model, QModelIndex(), texts);
        QVERIFY(texts.size() > 100);
        for (const QString &secret :
             {QStringLiteral("s3cr3t"), QStringLiteral("tenant-42-secret"),
              QStringLiteral("hunter2"), QStringLiteral("plugin-secret-token")}) {
            for (const QString &text : std::as_const(texts))
                QVERIFY2(!text.contains(secret), qPrintable(text));
        }
    }
};

QTEST_MAIN(TestProviderDefinitions)
#include "tst_providerdefinitions.moc"
