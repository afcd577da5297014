// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What InformerLoop needs to know about the objects it delivers, apart from the loop.

#include "workloadkinds.h"

#include <QString>

namespace InformerObjects {

// Which objects of a kind the dashboard keeps. Events are listed for whole namespaces (the
// API cannot select them by the involved object's kind), but only those about the kinds it
// watches (WatchedKinds) can be shown in a detail, so only those go to the GUI thread.
template<typename T> bool isWanted(const T &)
{
    return true;
}
inline bool isWanted(const Event &event)
{
    return isWatchedKindName(event.involvedObject.kind);
}

// "namespace/name", as data warnings name an object.
template<typename T> QString name(const T &object)
{
    return object.metadata.namespaceName + QLatin1Char('/') + object.metadata.name;
}

} // namespace InformerObjects
