// SPDX-License-Identifier: GPL-3.0-or-later
// FleetModel's Safety nets column (models/fleetmodelsafetynets.cpp): the summary of a rollout's
// safety nets in the worst finding's colour, when it was read and a line per source in the
// tooltip, greyed once old or when nothing was read; empty for the others; what it signals;
// sorting worst first.
#include "fleetmodel.h"
#include "safetynetstext.h"
#include "workloadbuilders.h"

#include "../support/safetynetsfixture.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>
#include <QTest>

namespace {

const QString Prod = QStringLiteral("prod");
constexpr int Column = FleetModel::SafetyNetsColumn;

// The fixture's nets, read a minute after its base time.
constexpr qint64 readAtMs = SafetyNetsFixture::baseMs + 60'000;

} // namespace

class TestFleetModelSafetyNets : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FleetModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    qint64 m_nowMs = readAtMs + 30'000;

    QModelIndex cell(const QString &name) const
    {
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (m_model->index(row, 0).data(FleetModel::NameRole).toString() == name)
                return m_model->index(row, Column);
        }
        return QModelIndex();
    }
    QString uidOf(const QString &name) const
    {
        return cell(name).siblingAtColumn(0).data(FleetModel::UidRole).toString();
    }

private slots:
    void init()
    {
        m_model = std::make_unique<FleetModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get());
        m_nowMs = readAtMs + 30'000;
        m_model->setClock([this] { return QDateTime::fromMSecsSinceEpoch(m_nowMs, Qt::UTC); });
        m_model->setEnvironments(
            {EnvironmentSpec {Prod, QStringLiteral("prod-ctx"), {}, {}, false, 0, {}}});
        m_model->applyBatch(
            Prod,
            Build::upsert(
                {Build::canary(QStringLiteral("shop"), QStringLiteral("checkout"),
                               QStringLiteral("Paused"), QStringLiteral("CanaryPauseStep")),
                 Build::blueGreen(QStringLiteral("shop"), QStringLiteral("web"),
                                  QStringLiteral("Healthy"))},
                {}));
        QCOMPARE(m_model->rowCount(), 2);
    }
    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
    }

    void headerAndEmptyCells()
    {
        QCOMPARE(m_model->headerData(Column, Qt::Horizontal).toString(),
                 QStringLiteral("Safety nets"));
        QCOMPARE(cell(QStringLiteral("checkout")).data().toString(), QString());
        QVERIFY(!cell(QStringLiteral("checkout")).data(Qt::ToolTipRole).isValid());
        QCOMPARE(cell(QStringLiteral("web")).data(FleetModel::SortRole).toInt(), -1);
    }

    void summaryInTheWorstFindingsColour()
    {
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        const SafetyNets nets = SafetyNetsFixture::checkout();
        m_model->setSafetyNets(Prod, uidOf(QStringLiteral("checkout")), nets, readAtMs);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex(), cell(QStringLiteral("checkout")));
        QCOMPARE(changed.at(0).at(1).toModelIndex(), cell(QStringLiteral("checkout")));

        const QModelIndex checkout = cell(QStringLiteral("checkout"));
        QCOMPARE(checkout.data().toString(), SafetyNetsText::summary(nets));
        QVERIFY2(checkout.data().toString().contains(QStringLiteral("critical")),
                 qPrintable(checkout.data().toString()));
        // A critical CVE and a new policy failure: red, as the Status column's Degraded.
        QCOMPARE(checkout.data(Qt::ForegroundRole).value<QColor>(), QColor(0xc6, 0x28, 0x28));
        const QStringList tip = checkout.data(Qt::ToolTipRole).toString().split(QLatin1Char('\n'));
        QVERIFY2(tip.first().startsWith(QStringLiteral("Read ")), qPrintable(tip.first()));
        QCOMPARE(tip.size(), 1 + safetyNetSourceCount); // when, then a line per source
        QVERIFY2(tip.at(1).startsWith(QStringLiteral("Image vulnerabilities (Trivy): read")),
                 qPrintable(tip.at(1)));
        // The other row is untouched and empty.
        QCOMPARE(cell(QStringLiteral("web")).data().toString(), QString());

        // Worst first when ascending.
        SafetyNets clean = SafetyNetsFixture::checkout();
        clean.vulnerabilities.added.clear();
        clean.vulnerabilities.canary = clean.vulnerabilities.stable;
        clean.policy = {};
        clean.falco = {};
        m_model->setSafetyNets(Prod, uidOf(QStringLiteral("web")), clean, readAtMs);
        QVERIFY(checkout.data(FleetModel::SortRole).toInt()
                < cell(QStringLiteral("web")).data(FleetModel::SortRole).toInt());

        // Cleared when the rollout has no canary any more; clearing again says nothing.
        changed.clear();
        m_model->setSafetyNets(Prod, uidOf(QStringLiteral("checkout")), std::nullopt);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(checkout.data().toString(), QString());
        m_model->setSafetyNets(Prod, uidOf(QStringLiteral("checkout")), std::nullopt);
        QCOMPARE(changed.size(), 1);
    }

    void oldOrUnreadIsGrey()
    {
        const QModelIndex checkout = cell(QStringLiteral("checkout"));
        m_model->setSafetyNets(Prod, uidOf(QStringLiteral("checkout")),
                               SafetyNetsFixture::checkout(), readAtMs);
        QCOMPARE(checkout.data(Qt::ForegroundRole).value<QColor>(), QColor(0xc6, 0x28, 0x28));
        // Nothing newer for longer than the monitor's rounds: greyed, and the tooltip says so.
        m_nowMs = readAtMs + FleetModel::safetyNetsStaleAfterMs + 1000;
        QCOMPARE(checkout.data(Qt::ForegroundRole).value<QColor>(), QColor(0x8a, 0x8a, 0x8a));
        QVERIFY2(checkout.data(Qt::ToolTipRole)
                     .toString()
                     .section(QLatin1Char('\n'), 0, 0)
                     .endsWith(QStringLiteral("not read again since")),
                 qPrintable(checkout.data(Qt::ToolTipRole).toString()));
        QVERIFY(!checkout.data().toString().isEmpty()); // still what was read

        // Nothing could be read: never green, grey.
        m_nowMs = readAtMs;
        SafetyNets unread = SafetyNetsFixture::unread();
        unread.sources[int(SafetyNetSource::FeatureFlags)].state
            = SafetyNetSourceState::State::Forbidden;
        m_model->setSafetyNets(Prod, uidOf(QStringLiteral("checkout")), unread, readAtMs);
        QCOMPARE(checkout.data(Qt::ForegroundRole).value<QColor>(), QColor(0x8a, 0x8a, 0x8a));
        QCOMPARE(checkout.data().toString(), SafetyNetsText::summary(unread));
    }
};

QTEST_MAIN(TestFleetModelSafetyNets)
#include "tst_fleetmodelsafetynets.moc"
