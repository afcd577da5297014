// SPDX-License-Identifier: GPL-3.0-or-later
// The audit table: attempts joined with outcomes, newest first, a missing outcome shown.

#include "auditmodel.h"
#include <QAbstractItemModelTester>
#include <QTest>

namespace {

AuditRecord record(const char *id, AuditRecord::Stage stage, int minute, const char *action,
                   AuditRecord::Result result = AuditRecord::Result::None)
{
    AuditRecord r;
    r.id = QString::fromLatin1(id);
    r.stage = stage;
    r.time = QDateTime(QDate(2026, 11, 25), QTime(10, minute), Qt::UTC);
    r.environment = QStringLiteral("prod");
    r.namespaceName = QStringLiteral("shop");
    r.rollout = QStringLiteral("checkout");
    r.action = QString::fromLatin1(action);
    r.user = QStringLiteral("alice");
    r.result = result;
    r.message = QStringLiteral("message of ") + r.id;
    return r;
}

} // namespace

class TestAuditModel : public QObject
{
    Q_OBJECT

private slots:
    void joinsAttemptsWithOutcomesNewestFirst()
    {
        AuditModel model;
        QAbstractItemModelTester tester(&model);
        AuditFile file;
        file.records
            = {record("a", AuditRecord::Stage::Attempt, 1, "pause"),
               record("a", AuditRecord::Stage::Outcome, 1, "pause", AuditRecord::Result::Succeeded),
               record("b", AuditRecord::Stage::Attempt, 5, "abort"),
               record("c", AuditRecord::Stage::Attempt, 3, "promote"),
               record("c", AuditRecord::Stage::Outcome, 3, "promote", AuditRecord::Result::Denied)};
        file.problems = {QStringLiteral("line 9: not a JSON object")};
        model.setFile(file);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.problems(), file.problems);
        auto cell = [&](int row, int column) { return model.index(row, column).data().toString(); };
        QCOMPARE(cell(0, AuditModel::ActionColumn), QStringLiteral("abort"));
        QCOMPARE(cell(0, AuditModel::ResultColumn), QStringLiteral("No outcome recorded"));
        QCOMPARE(cell(1, AuditModel::ActionColumn), QStringLiteral("promote"));
        QCOMPARE(cell(1, AuditModel::ResultColumn), QStringLiteral("Denied"));
        QCOMPARE(cell(1, AuditModel::MessageColumn), QStringLiteral("message of c"));
        QCOMPARE(cell(2, AuditModel::ResultColumn), QStringLiteral("Succeeded"));
        QCOMPARE(cell(2, AuditModel::RolloutColumn), QStringLiteral("shop/checkout"));
        QCOMPARE(cell(2, AuditModel::UserColumn), QStringLiteral("alice"));
        QCOMPARE(model.index(1, AuditModel::ResultColumn).data(AuditModel::ResultRole).toInt(),
                 int(AuditRecord::Result::Denied));
    }

    void recordsRoundTripThroughJsonLines()
    {
        AuditRecord outcome
            = record("x", AuditRecord::Stage::Outcome, 7, "undo", AuditRecord::Result::Failed);
        outcome.revision = 3;
        outcome.httpStatus = 409;
        outcome.requests = {QByteArrayLiteral("PATCH /a application/json-patch+json [...]")};
        const QByteArray line = outcome.toJsonLine();
        QVERIFY(!line.contains('\n'));
        AuditRecord back;
        QString error;
        QVERIFY2(AuditRecord::fromJsonLine(line, &back, &error), qPrintable(error));
        QCOMPARE(back.revision, 3);
        QCOMPARE(back.httpStatus, 409);
        QCOMPARE(back.result, AuditRecord::Result::Failed);
        QCOMPARE(back.requests, outcome.requests);
        QCOMPARE(back.time, outcome.time);
        QVERIFY(!AuditRecord::fromJsonLine("{\"id\":\"x\"", &back, &error));
        QCOMPARE(error, QStringLiteral("not a JSON object"));
        QVERIFY(!AuditRecord::fromJsonLine("{\"id\":\"x\"}", &back, &error));
        QCOMPARE(error, QStringLiteral("not an audit record (id, stage or time missing)"));
    }
};

QTEST_GUILESS_MAIN(TestAuditModel)
#include "tst_auditmodel.moc"
