// SPDX-License-Identifier: GPL-3.0-or-later
// Anchor for the tests' shared precompiled headers (see tests/CMakeLists.txt).
