// SPDX-License-Identifier: GPL-3.0-or-later
// An HTTP error body (a Kubernetes Status, a proxy's HTML page, API Priority and Fairness'
// plain text): the first two bytes pick the status, the rest is the body.
#include "neterror.h"
#include "fuzzinput.h"

RD_FUZZ_TARGET(data, size)
{
    if (size < 2)
        return 0;
    const int status = 100 + (data[0] << 8 | data[1]) % 500;
    const NetError error = NetError::fromHttp(status, fuzzBytes(data + 2, size - 2));
    RD_FUZZ_CHECK(error.isError() || status < 300);
    RD_FUZZ_CHECK(!error.message.isEmpty()); // the user always reads something
    return 0;
}
