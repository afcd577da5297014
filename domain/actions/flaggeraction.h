// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "flaggercanary.h"
#include "flaggergate.h"
#include "rolloutactionrules.h"

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

// The operator controls of a Flagger canary (anchors.md 3.4). Flagger has no pause or abort
// field of its own: suspend is a merge patch of spec.suspend, and promotion and rollback are
// gates of Flagger's load tester that the canary's webhooks ask, opened and closed by a POST
// through the API server's service proxy.
enum class FlaggerAction : quint8 {
    Pause, // spec.suspend = true: Flagger stops reconciling the canary
    Resume, // spec.suspend = false
    Promote, // POST /gate/open to the confirm-promotion webhook's load tester
    Halt, // POST /gate/close: the gating webhooks hold the canary again
    Rollback, // POST /rollback/open to the rollback webhook's load tester
};

// The canary an action is meant for, as the person saw and confirmed it: the window carries it
// from the confirmation into the request (FlaggerActionRequest), so that the action goes to
// exactly that canary whatever is selected by the time it is sent.
struct FlaggerCanaryTarget
{
    QString environment;
    QString namespaceName;
    QString name;
    QString uid;
    bool isNull() const { return uid.isEmpty(); }
};

// What one action sends: a merge patch of the canary, or a POST to a load tester gate.
struct FlaggerActionPlan
{
    bool enabled = false;
    QString reason; // translated, when !enabled: why the action does not fit the canary
    // Pause and Resume: the merge patch of the canary ({"spec":{"suspend":true}}).
    QByteArray patch;
    // The gates: where the POST goes and what it carries ({"name":..,"namespace":..}).
    FlaggerGateEndpoint endpoint;
    QString gatePath; // "/gate/open", the load tester's path below the proxy
    QByteArray gateBody;
    bool isGate() const { return !gatePath.isEmpty(); }
};

// How to tell from the watched canary that an action took effect. A gate's own state lives in
// the load tester, so a gate action is observable only where the canary's phase must change
// (a promotion from WaitingPromotion, a rollback to Failed); otherwise the caller says it was
// sent and Flagger acts on its next check.
struct FlaggerActionExpectation
{
    FlaggerAction action = FlaggerAction::Pause;
    bool observable = false;
    QString phaseBefore; // status.phase when the action was sent
    QString interval; // the analysis interval as written, "1m" when unset
};

class FlaggerActions
{
    Q_DECLARE_TR_FUNCTIONS(FlaggerActions)

public:
    // Every action, in the order an action bar shows them.
    static QList<FlaggerAction> all();
    // The audit file's and the command line's id: "canary-pause", "canary-resume",
    // "canary-promote", "canary-halt", "canary-rollback".
    static QString id(FlaggerAction action);
    static std::optional<FlaggerAction> fromId(const QString &id);
    // Translated button text: "Suspend", "Resume", "Promote", "Close gate", "Roll back".
    static QString label(FlaggerAction action);

    // Whether the action fits the canary now, and what it sends; a disabled plan's reason
    // says why ("This canary has no confirm-promotion webhook: Flagger promotes by itself
    // when the analysis passes").
    static FlaggerActionPlan plan(FlaggerAction action, const FlaggerCanary &canary);
    // The permission the plan needs, checked in its namespace (namespaceOf): patch
    // canaries.flagger.app in the canary's, or create services/proxy in the load tester's.
    static ResourcePermission permission(const FlaggerActionPlan &plan);
    // Every permission a plan may need (a canary's patch, a gate's POST), for an action bar
    // that asks before the person clicks.
    static QList<ResourcePermission> permissions();
    static QString namespaceOf(const FlaggerActionPlan &plan, const FlaggerCanary &canary);

    static FlaggerActionExpectation expectation(FlaggerAction action, const FlaggerCanary &canary);
    // True once the canary shows the effect: the suspend flag as asked, a promotion that left
    // WaitingPromotion, a rollback that reached Failed. Never for an unobservable expectation.
    static bool confirmed(const FlaggerActionExpectation &expectation, const FlaggerCanary &canary);
    // Translated: "sent; Flagger acts on its next check (interval 1m)".
    static QString sentText(const FlaggerActionExpectation &expectation);
};

Q_DECLARE_METATYPE(FlaggerAction)
Q_DECLARE_METATYPE(FlaggerCanaryTarget)
