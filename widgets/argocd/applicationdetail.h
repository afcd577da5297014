// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "argoapplication.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

// One application's detail as rich text for the Applications window's lower pane: where it
// comes from (sources, destination, sync policy), its state (sync, health, the last
// operation with its initiator), conditions, the resources that differ from Git, and its
// deployment history with the commit behind each revision when known. Every value from the
// server is escaped.
class ApplicationDetail
{
    Q_DECLARE_TR_FUNCTIONS(ApplicationDetail)
public:
    using CommitLookup = std::function<ArgoRevisionMetadata(const QString &revision)>;
    static QString html(const ArgoApplication &app, const CommitLookup &commit,
                        const QString &historyProblem);

private:
    // Conditions and the resources that differ from Git.
    static QString problems(const ArgoApplication &app);
    static QString history(const ArgoApplication &app, const CommitLookup &commit,
                           const QString &historyProblem);
};
