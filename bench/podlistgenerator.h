// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

// A realistic PodList body (about 3 KB per pod, the shape a Deployment's pods have: labels,
// annotations, owner references, managed fields, two containers with probes, resources and
// env, and full status), compact JSON as the API server sends it.
QByteArray generatePodList(int pods);
