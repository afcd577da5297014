// SPDX-License-Identifier: GPL-3.0-or-later
#include "environmentmodel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>
#include <QTest>

class TestEnvironmentModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<EnvironmentModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    static QList<EnvironmentSpec> specs()
    {
        return {EnvironmentSpec {QStringLiteral("staging"),
                                 QStringLiteral("stg"),
                                 {},
                                 QStringLiteral("#3366cc"),
                                 false,
                                 2,
                                 {}},
                EnvironmentSpec {QStringLiteral("prod"),
                                 QStringLiteral("prod-eu"),
                                 {QStringLiteral("shop")},
                                 QStringLiteral("#cc0000"),
                                 true,
                                 1,
                                 {}}};
    }

private slots:
    void init()
    {
        m_model = std::make_unique<EnvironmentModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get());
        m_model->setEnvironments(specs());
    }
    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
    }

    void rowsInConfiguredOrder()
    {
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_model->index(0).data(EnvironmentModel::NameRole).toString(),
                 QStringLiteral("prod"));
        QCOMPARE(m_model->index(0).data().toString(), QStringLiteral("prod — connecting"));
        QCOMPARE(m_model->index(0).data(EnvironmentModel::ColourRole).value<QColor>(),
                 QColor(0xcc, 0, 0));
        QCOMPARE(m_model->index(0).data(EnvironmentModel::ReadOnlyRole).toBool(), true);
        QCOMPARE(m_model->index(0).data(EnvironmentModel::ContextRole).toString(),
                 QStringLiteral("prod-eu"));
        QCOMPARE(m_model->index(1).data(EnvironmentModel::ReadOnlyRole).toBool(), false);
        QCOMPARE(m_model->rowOf(QStringLiteral("staging")), 1);
        QCOMPARE(m_model->rowOf(QStringLiteral("qa")), -1);
    }

    void statesShowAsText_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<int>("retry");
        QTest::addColumn<QString>("text");
        QTest::addRow("live") << int(ConnectionState::Live) << QString() << 0
                              << QStringLiteral("staging — live");
        QTest::addRow("retrying") << int(ConnectionState::Retrying)
                                  << QStringLiteral("connection refused") << 4
                                  << QStringLiteral(
                                         "staging — retrying in 4 s: connection refused");
        QTest::addRow("unreachable")
            << int(ConnectionState::Unreachable) << QStringLiteral("Cannot reach the server") << 30
            << QStringLiteral("staging — unreachable, retrying in 30 s: Cannot reach the server");
        QTest::addRow("forbidden") << int(ConnectionState::Forbidden)
                                   << QStringLiteral("Permission denied (HTTP 403)") << 0
                                   << QStringLiteral("staging — access denied: Permission denied "
                                                     "(HTTP 403)");
        QTest::addRow("unauthorized") << int(ConnectionState::Unauthorized) << QString() << 0
                                      << QStringLiteral("staging — not authorised");
        QTest::addRow("config") << int(ConnectionState::ConfigError)
                                << QStringLiteral("context \"x\" not found") << 0
                                << QStringLiteral("staging — configuration error: context \"x\" "
                                                  "not found");
    }
    void statesShowAsText()
    {
        QFETCH(int, kind);
        QFETCH(QString, reason);
        QFETCH(int, retry);
        QFETCH(QString, text);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        ConnectionState state;
        state.kind = ConnectionState::Kind(kind);
        state.reason = reason;
        state.retryInSeconds = retry;
        state.insecure = true;
        state.lastUpdated = QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC);
        m_model->setState(QStringLiteral("staging"), state);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        const QModelIndex index = m_model->index(1);
        QCOMPARE(index.data().toString(), text);
        QCOMPARE(index.data(EnvironmentModel::StateRole).toInt(), kind);
        QCOMPARE(index.data(EnvironmentModel::ReasonRole).toString(), reason);
        QCOMPARE(index.data(EnvironmentModel::RetryRole).toInt(), retry);
        QCOMPARE(index.data(EnvironmentModel::InsecureRole).toBool(), true);
        QCOMPARE(index.data(EnvironmentModel::LastUpdatedRole).toDateTime(), state.lastUpdated);
        QCOMPARE(m_model->state(QStringLiteral("staging")), state);

        // The same state again changes nothing; an unknown environment is ignored.
        m_model->setState(QStringLiteral("staging"), state);
        m_model->setState(QStringLiteral("qa"), state);
        QCOMPARE(changed.size(), 1);
    }

    void workloadCountAndReconfiguration()
    {
        m_model->setWorkloadCount(QStringLiteral("prod"), 12);
        ConnectionState live;
        live.kind = ConnectionState::Live;
        m_model->setState(QStringLiteral("prod"), live);
        QCOMPARE(m_model->index(0).data(EnvironmentModel::WorkloadCountRole).toInt(), 12);
        // A new configuration keeps the state of environments that stay.
        QList<EnvironmentSpec> next = specs();
        next.append(
            EnvironmentSpec {QStringLiteral("dev"), QString(), {}, QString(), false, 0, {}});
        m_model->setEnvironments(next);
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(m_model->index(0).data().toString(), QStringLiteral("dev — connecting"));
        QCOMPARE(m_model->index(0).data(EnvironmentModel::ColourRole), QVariant());
        QCOMPARE(m_model->index(1).data().toString(), QStringLiteral("prod — live"));
        QCOMPARE(m_model->index(1).data(EnvironmentModel::WorkloadCountRole).toInt(), 12);
    }
};

QTEST_GUILESS_MAIN(TestEnvironmentModel)
#include "tst_environmentmodel.moc"
