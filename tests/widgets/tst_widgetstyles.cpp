// SPDX-License-Identifier: GPL-3.0-or-later
// The words, colours and short forms the widgets show for states, phases and images.
#include "connectionstatestyle.h"
#include "imagesdelegate.h"
#include "phasestyle.h"

#include <QTest>

class TestWidgetStyles : public QObject
{
    Q_OBJECT

private slots:
    void connectionLabels_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("retry");
        QTest::addColumn<QString>("label");
        QTest::addRow("connecting") << int(ConnectionState::Connecting) << 0 << "Connecting…";
        QTest::addRow("live") << int(ConnectionState::Live) << 0 << "Live";
        QTest::addRow("retrying") << int(ConnectionState::Retrying) << 4 << "Retrying in 4 s";
        QTest::addRow("retrying now") << int(ConnectionState::Retrying) << 0 << "Retrying";
        QTest::addRow("unauthorized") << int(ConnectionState::Unauthorized) << 0 << "Unauthorized";
        QTest::addRow("unauthorized, retry")
            << int(ConnectionState::Unauthorized) << 30 << "Unauthorized, retrying in 30 s";
        QTest::addRow("forbidden") << int(ConnectionState::Forbidden) << 0 << "Forbidden";
        QTest::addRow("unreachable")
            << int(ConnectionState::Unreachable) << 8 << "Unreachable, retrying in 8 s";
        QTest::addRow("config") << int(ConnectionState::ConfigError) << 0 << "Configuration error";
    }

    void connectionLabels()
    {
        QFETCH(int, kind);
        QFETCH(int, retry);
        QFETCH(QString, label);
        ConnectionState state;
        state.kind = ConnectionState::Kind(kind);
        state.retryInSeconds = retry;
        QCOMPARE(ConnectionStateStyle::label(state), label);
        QVERIFY(ConnectionStateStyle::colour(state.kind).isValid());
        QVERIFY(!ConnectionStateStyle::icon(state.kind).isNull());
    }

    void connectionDescription()
    {
        ConnectionState state;
        state.kind = ConnectionState::Retrying;
        state.retryInSeconds = 2;
        state.reason = QStringLiteral("Cannot reach the server: Connection refused");
        QCOMPARE(ConnectionStateStyle::description(state),
                 QStringLiteral("Retrying in 2 s: Cannot reach the server: Connection refused"));
        state.kind = ConnectionState::Live;
        state.reason.clear();
        QCOMPARE(ConnectionStateStyle::description(state), QStringLiteral("Live"));
        QCOMPARE(ConnectionStateStyle::colour(ConnectionState::Live),
                 PhaseStyle::colour(QStringLiteral("Healthy")));
    }

    void phases()
    {
        QCOMPARE(PhaseStyle::displayName(QStringLiteral("Degraded")), QStringLiteral("Degraded"));
        QCOMPARE(PhaseStyle::displayName(QString()), QStringLiteral("Unknown"));
        QCOMPARE(PhaseStyle::displayName(QStringLiteral("ScaledDown")),
                 QStringLiteral("ScaledDown"));
        QCOMPARE(PhaseStyle::colour(QStringLiteral("Degraded")), QColor(0xc6, 0x28, 0x28));
        QCOMPARE(PhaseStyle::colour(QStringLiteral("Nonsense")), QColor(0x75, 0x75, 0x75));
        const QImage icon
            = PhaseStyle::icon(QStringLiteral("Healthy"), 14).pixmap(14, 14).toImage();
        // The middle of the tick's circle is painted (not transparent).
        QVERIFY(qAlpha(icon.pixel(icon.width() / 2, icon.height() / 4)) > 0);
    }

    void iconsAreReusedNotDrawnAgain()
    {
        // Painted on every repaint of the environment list and every detail update: a new
        // QIcon each time left a new scaled pixmap in QPixmapCache each time (a slow memory
        // creep in the soak until the cache was full).
        const QIcon live = ConnectionStateStyle::icon(ConnectionState::Live, 12);
        QCOMPARE(ConnectionStateStyle::icon(ConnectionState::Live, 12).cacheKey(), live.cacheKey());
        QVERIFY(ConnectionStateStyle::icon(ConnectionState::Retrying, 12).cacheKey()
                != live.cacheKey());
        QVERIFY(ConnectionStateStyle::icon(ConnectionState::Live, 14).cacheKey()
                != live.cacheKey());
        const QIcon healthy = PhaseStyle::icon(QStringLiteral("Healthy"), 16);
        QCOMPARE(PhaseStyle::icon(QStringLiteral("Healthy"), 16).cacheKey(), healthy.cacheKey());
        QVERIFY(PhaseStyle::icon(QStringLiteral("Degraded"), 16).cacheKey() != healthy.cacheKey());
    }

    void images_data()
    {
        QTest::addColumn<QString>("image");
        QTest::addColumn<QString>("shortName");
        QTest::addRow("registry") << "ghcr.io/acme/checkout:1.4.2"
                                  << "checkout:1.4.2";
        QTest::addRow("port") << "registry:5000/team/api:2"
                              << "api:2";
        QTest::addRow("plain") << "nginx"
                               << "nginx";
        QTest::addRow("digest") << "quay.io/x/y@sha256:abc"
                                << "y@sha256:abc";
    }

    void images()
    {
        QFETCH(QString, image);
        QFETCH(QString, shortName);
        QCOMPARE(ImagesDelegate::shortName(image), shortName);
    }

    void imagesText()
    {
        QCOMPARE(ImagesDelegate::shortText({QStringLiteral("a/b/c:1"), QStringLiteral("a/b/c:2")}),
                 QStringLiteral("c:1, c:2"));
        QCOMPARE(ImagesDelegate::shortText({}), QString());
    }
};

QTEST_MAIN(TestWidgetStyles)
#include "tst_widgetstyles.moc"
