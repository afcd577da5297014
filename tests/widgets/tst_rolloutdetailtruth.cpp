// SPDX-License-Identifier: GPL-3.0-or-later
// The detail view says only what the cluster shows (issue 9): a person's pause never counts
// down or "resumes" after the step's duration, a stale environment stops every countdown
// and says since when, the environment badge names the target, and on a dark palette the
// status colours and action icons stay readable.

#include "detailfixture.h"
#include "detailstyle.h"
#include "phasestyle.h"
#include "rolloutdetailview.h"
#include "rolloutheader.h"
#include "rolloutstepsmodel.h"
#include "rolloutstepsview.h"
#include "themecolours.h"
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLocale>
#include <QTest>
#include <QTimer>

namespace {

struct Setup
{
    explicit Setup(const QString &fixtureName) : fixture(DetailFixture::load(fixtureName))
    {
        now = fixture.now;
        view.setClock([this] { return now; });
        view.resize(1280, 450);
    }

    DetailFixture fixture;
    QDateTime now;
    RolloutDetailView view;
};

RolloutHeader *header(const RolloutDetailView &view)
{
    return view.findChild<RolloutHeader *>(QStringLiteral("rolloutHeader"));
}

RolloutStepsView *steps(const RolloutDetailView &view)
{
    return view.findChild<RolloutStepsView *>(QStringLiteral("stepsView"));
}

QString currentStepText(const RolloutDetailView &view)
{
    return steps(view)
        ->currentStepIndex()
        .siblingAtColumn(RolloutStepsModel::Text)
        .data()
        .toString();
}

QTimer *countdown(const RolloutDetailView &view)
{
    return view.findChild<QTimer *>(QStringLiteral("countdownTimer"));
}

// The darkest a glyph may be on a dark window and still be seen.
int darkestLightness(const QImage &image)
{
    int darkest = 255;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            if (pixel.alpha() > 200)
                darkest = std::min(darkest, pixel.lightness());
        }
    }
    return darkest;
}

} // namespace

class TestRolloutDetailTruth : public QObject
{
    Q_OBJECT

private slots:
    void manualPauseAfterThePauseDuration()
    {
        Setup setup(QStringLiteral("paused-canary.json"));
        RolloutDetail detail = setup.fixture.detail;
        // A person paused it during the step's 5m pause ...
        detail.rollout.spec.paused = true;
        detail.rollout.status.phase = QStringLiteral("Paused");
        detail.rollout.status.message = QStringLiteral("manually paused");
        detail.observations.manualPauseSeenAt = setup.now;
        setup.view.setDetail(detail);
        const QString since
            = QLocale().toString(setup.now.toLocalTime().time(), QStringLiteral("HH:mm"));
        const QString expected = QStringLiteral("Paused by a person since %1 \u2014 Resume "
                                                "continues at step 5 of 8")
                                     .arg(since);
        QCOMPARE(header(setup.view)->statusText(), expected);
        QVERIFY(!countdown(setup.view)->isActive());
        // ... and ten minutes later, long after the step's pause would have ended, it still
        // says so: no "resumes in 0s", no "resuming…".
        setup.now = setup.now.addSecs(600);
        setup.view.setDetail(detail);
        QCOMPARE(header(setup.view)->statusText(), expected);
        const QString step = currentStepText(setup.view);
        QVERIFY2(step.endsWith(QStringLiteral("\u2014 paused by a person: Resume continues here")),
                 qPrintable(step));
        QVERIFY(!step.contains(QStringLiteral("resuming")));
        QVERIFY(!countdown(setup.view)->isActive());
    }

    void staleEnvironmentStopsCountdowns()
    {
        Setup setup(QStringLiteral("paused-canary.json"));
        setup.view.setDetail(setup.fixture.detail);
        QVERIFY(countdown(setup.view)->isActive());
        QCOMPARE(header(setup.view)->staleText(), QString());

        RolloutDetail stale = setup.fixture.detail;
        stale.staleSince = setup.now;
        stale.staleReason = QStringLiteral("connection refused");
        setup.view.setDetail(stale);
        QVERIFY(!countdown(setup.view)->isActive());
        const QString text = header(setup.view)->staleText();
        QVERIFY2(text.startsWith(QStringLiteral("Stale since ")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("prod is not connected")));
        QVERIFY(text.contains(QStringLiteral("connection refused")));
        // The pause's end is shown as a time, never counted down on data that may be gone.
        QVERIFY(!header(setup.view)->statusText().contains(QStringLiteral("left")));
        const QString step = currentStepText(setup.view);
        QVERIFY2(step.contains(QStringLiteral("no countdown: not connected")), qPrintable(step));
        // Back live: the countdown runs again.
        setup.view.setDetail(setup.fixture.detail);
        QVERIFY(countdown(setup.view)->isActive());
        QCOMPARE(header(setup.view)->staleText(), QString());
    }

    void environmentBadgeNamesTheTarget()
    {
        Setup setup(QStringLiteral("paused-canary.json"));
        RolloutDetail detail = setup.fixture.detail;
        detail.environmentColour = QStringLiteral("#c0392b");
        setup.view.setDetail(detail);
        auto *badge = setup.view.findChild<QLabel *>(QStringLiteral("environmentBadge"));
        QVERIFY(badge);
        QCOMPARE(badge->text(), QStringLiteral("prod"));
        QVERIFY(badge->styleSheet().contains(QStringLiteral("#c0392b")));
        QVERIFY(badge->styleSheet().contains(QStringLiteral("#ffffff")));
        // Without a configured colour the name picks a steady one.
        QCOMPARE(DetailStyle::environmentColour(QStringLiteral("qa"), QColor()),
                 DetailStyle::environmentColour(QStringLiteral("qa"), QColor()));
    }

    void darkPaletteKeepsColoursReadable()
    {
        const QPalette light = QApplication::palette();
        const QColor pausedOnLight = PhaseStyle::colour(QStringLiteral("Paused"));
        QApplication::setPalette(ThemeColours::darkPalette());
        QVERIFY(ThemeColours::isDark());
        // Status colours are lightened, hue kept.
        const QColor paused = PhaseStyle::colour(QStringLiteral("Paused"));
        QVERIFY(paused.lightness() >= 165);
        QCOMPARE(paused.toHsl().hslHue(), pausedOnLight.toHsl().hslHue());
        QVERIFY(PhaseStyle::colour(QStringLiteral("Degraded")).lightness() >= 165);
        // Tints behind text are dark.
        QVERIFY(DetailStyle::warningTint().lightness() <= 60);
        QVERIFY(DetailStyle::failedTint().lightness() <= 60);
        // The action icons are redrawn in the light button text colour.
        RolloutDetailView view;
        const QImage icon = view.action(RolloutAction::Pause)->icon().pixmap(16, 16).toImage();
        QVERIFY2(darkestLightness(icon) > 150, "a black icon vanishes on a dark window");
        QApplication::setPalette(light);
        QVERIFY(!ThemeColours::isDark());
        QCOMPARE(PhaseStyle::colour(QStringLiteral("Paused")), pausedOnLight);
    }
};

QTEST_MAIN(TestRolloutDetailTruth)
#include "tst_rolloutdetailtruth.moc"
