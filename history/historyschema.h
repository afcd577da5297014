// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The history database's schema version: PRAGMA user_version of a current database. Each
// step up has a migration (historydatabase.cpp).
constexpr int historySchemaVersion = 1;
