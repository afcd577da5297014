// SPDX-License-Identifier: GPL-3.0-or-later
// One line of the audit file (a file that may be torn or edited by hand). A record read from
// a line must survive a round trip: written back and read again, it writes the same line.
#include "auditrecord.h"
#include "fuzzinput.h"

RD_FUZZ_TARGET(data, size)
{
    AuditRecord record;
    QString error;
    if (!AuditRecord::fromJsonLine(fuzzBytes(data, size), &record, &error)) {
        RD_FUZZ_CHECK(!error.isEmpty());
        return 0;
    }
    const QByteArray line = record.toJsonLine();
    RD_FUZZ_CHECK(!line.contains('\n'));
    AuditRecord again;
    RD_FUZZ_CHECK(AuditRecord::fromJsonLine(line, &again, &error));
    RD_FUZZ_CHECK(again.toJsonLine() == line);
    return 0;
}
