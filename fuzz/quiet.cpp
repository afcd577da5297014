// SPDX-License-Identifier: GPL-3.0-or-later
// Linked into every target as an object file (libFuzzer looks this hook up weakly, so a
// static library's copy would never be pulled in).
#include <QtGlobal>

#include <cstdlib>

namespace {

void dropMessage(QtMsgType, const QMessageLogContext &, const QString &) { }

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    // A parser's qWarning for a hostile input is expected; printing millions of them would
    // only slow the run down. RD_FUZZ_VERBOSE=1 keeps them (reproducing a crash).
    if (qEnvironmentVariableIntValue("RD_FUZZ_VERBOSE") == 0)
        qInstallMessageHandler(dropMessage);
    return 0;
}
