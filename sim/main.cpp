// SPDX-License-Identifier: GPL-3.0-or-later
// rd-sim: placeholder until the fleet composition lands (being written now).
int main()
{
    return 0;
}
