// SPDX-License-Identifier: GPL-3.0-or-later
// Anchor for the lower layers' shared precompiled header (rd_qtcore_pch, cmake/pch.cmake).
