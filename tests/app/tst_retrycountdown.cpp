// SPDX-License-Identifier: GPL-3.0-or-later
// The countdown between the fetcher and the environment model: states pass through at
// once, and a retry is re-sent each second with the seconds left.
#include "retrycountdown.h"

#include <QSignalSpy>
#include <QTest>

class TestRetryCountdown : public QObject
{
    Q_OBJECT

private:
    QDateTime m_now = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);

    static QList<int> seconds(const QSignalSpy &spy)
    {
        QList<int> result;
        for (const QList<QVariant> &args : spy)
            result.append(args.at(1).value<ConnectionState>().retryInSeconds);
        return result;
    }

private slots:
    void initTestCase() { qRegisterMetaType<ConnectionState>(); }

    void passesThrough()
    {
        RetryCountdown countdown;
        countdown.setClock([this] { return m_now; });
        QSignalSpy spy(&countdown, &RetryCountdown::stateChanged);
        ConnectionState live;
        live.kind = ConnectionState::Live;
        countdown.setState(QStringLiteral("dev"), live);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("dev"));
        QCOMPARE(spy.at(0).at(1).value<ConnectionState>(), live);
        QVERIFY(!countdown.isCounting());
        countdown.tick();
        QCOMPARE(spy.size(), 1);
    }

    void countsDown()
    {
        RetryCountdown countdown;
        countdown.setClock([this] { return m_now; });
        QSignalSpy spy(&countdown, &RetryCountdown::stateChanged);
        ConnectionState retrying;
        retrying.kind = ConnectionState::Unreachable;
        retrying.reason = QStringLiteral("Cannot reach the server");
        retrying.retryInSeconds = 3;
        retrying.retryAt = m_now.addMSecs(2500);
        countdown.setState(QStringLiteral("qa"), retrying);
        QVERIFY(countdown.isCounting());
        QCOMPARE(seconds(spy), QList<int>({3}));

        countdown.tick(); // 2.5 s left: shown as 3, unchanged
        QCOMPARE(seconds(spy), QList<int>({3}));
        m_now = m_now.addMSecs(600);
        countdown.tick();
        QCOMPARE(seconds(spy), QList<int>({3, 2}));
        m_now = m_now.addMSecs(1000);
        countdown.tick();
        m_now = m_now.addMSecs(1000);
        countdown.tick();
        QCOMPARE(seconds(spy), QList<int>({3, 2, 1, 0}));
        QCOMPARE(spy.last().at(1).value<ConnectionState>().kind, ConnectionState::Unreachable);
        QCOMPARE(spy.last().at(1).value<ConnectionState>().reason,
                 QStringLiteral("Cannot reach the server"));
        QVERIFY(!countdown.isCounting());
        m_now = m_now.addMSecs(5000);
        countdown.tick();
        QCOMPARE(spy.size(), 4);
    }

    void withoutRetryAt()
    {
        // Counted from arrival when the fetcher gives only the seconds.
        RetryCountdown countdown;
        countdown.setClock([this] { return m_now; });
        QSignalSpy spy(&countdown, &RetryCountdown::stateChanged);
        ConnectionState retrying;
        retrying.kind = ConnectionState::Retrying;
        retrying.retryInSeconds = 2;
        countdown.setState(QStringLiteral("dev"), retrying);
        m_now = m_now.addSecs(1);
        countdown.tick();
        QCOMPARE(seconds(spy), QList<int>({2, 1}));
        // A new state replaces the countdown.
        ConnectionState live;
        live.kind = ConnectionState::Live;
        countdown.setState(QStringLiteral("dev"), live);
        m_now = m_now.addSecs(1);
        countdown.tick();
        QCOMPARE(seconds(spy), QList<int>({2, 1, 0}));
        QCOMPARE(spy.last().at(1).value<ConnectionState>().kind, ConnectionState::Live);
    }

    void timerDrivesIt()
    {
        RetryCountdown countdown;
        QSignalSpy spy(&countdown, &RetryCountdown::stateChanged);
        ConnectionState retrying;
        retrying.kind = ConnectionState::Retrying;
        retrying.retryInSeconds = 1;
        retrying.retryAt = QDateTime::currentDateTimeUtc().addMSecs(900);
        countdown.setState(QStringLiteral("dev"), retrying);
        QTRY_COMPARE_WITH_TIMEOUT(seconds(spy), QList<int>({1, 0}), 5000);
        QVERIFY(!countdown.isCounting());
    }
};

QTEST_GUILESS_MAIN(TestRetryCountdown)
#include "tst_retrycountdown.moc"
