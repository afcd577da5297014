// SPDX-License-Identifier: GPL-3.0-or-later
// release-dashboard: the window by default, `get rollouts` / `get rollout NAME` headless.
// See docs/cli.md.
#include "application.h"

int main(int argc, char *argv[])
{
    return Application::main(argc, argv);
}
