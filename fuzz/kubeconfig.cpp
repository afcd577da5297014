// SPDX-License-Identifier: GPL-3.0-or-later
// A kubeconfig as any company's tooling may write it (YAML or JSON).
#include "fuzzinput.h"
#include "kubeconfigparser.h"

RD_FUZZ_TARGET(data, size)
{
    KubeconfigFile file;
    QString error;
    const bool ok = KubeconfigParser::parse(fuzzBytes(data, size), QStringLiteral("/fuzz/config"),
                                            &file, &error);
    // Every refusal must say why: an empty message would reach the user as a blank error.
    RD_FUZZ_CHECK(ok || !error.isEmpty());
    return 0;
}
