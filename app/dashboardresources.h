// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Registers resources/dashboard.qrc (the window's icons). The resources live in the static
// library rd_app, whose initializer a linker may drop; every user calls this first.
// Idempotent and cheap.
void initDashboardResources();
