// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <array>

namespace rdsim {

// A smooth multiplicative wobble around 1: f(t) = 1 + sum a_k sin(w_k t + phi_k) with three
// terms whose amplitudes add up to 4.5 %, so a base value never strays more than 5 %. The
// phases and periods come from a stable hash of the pod name and a channel number (qHash is
// seeded per process, so it would not give the same curve twice). Because f is a sum of
// sines, integrals of f and of a product f*g have closed forms: counters are exact, not
// summed step by step, and any two reads at the same virtual time agree.
class MetricSignal
{
public:
    // Channels keep the wobbles of one pod's metrics independent of each other. New ones go
    // last: a channel's number seeds its curve.
    enum Channel { RequestRate = 0, ErrorRatio, Latency, Cpu, Memory, OrderRate, OrderFailure };

    MetricSignal(const QString &podName, Channel channel);

    // Times are virtual seconds since the Unix epoch.
    double value(double t) const;
    // Integral of f over [t0, t1].
    double integral(double t0, double t1) const;
    // Integral of f * other over [t0, t1].
    double productIntegral(const MetricSignal &other, double t0, double t1) const;

    static constexpr double maxDeviation() { return 0.045; }
    static quint64 stableHash(const QString &text);

private:
    struct Term
    {
        double amplitude = 0;
        double omega = 0; // radians per second
        double phase = 0;
    };
    std::array<Term, 3> m_terms;
};

// The latency distribution behind the histogram: log-normal with a fixed shape sigma, scaled
// so that its 99th percentile is exactly the behaviour's p99. Log-normal because request
// latencies are skewed right with a long tail, and its CDF and mean are closed-form.
namespace LatencyDistribution {
constexpr double kSigma = 0.5;
constexpr double kZ99 = 2.3263478740408408; // standard normal quantile at 0.99
// Fraction of requests at or below `seconds` for a distribution with the given p99.
double cdf(double seconds, double p99Seconds);
double mean(double p99Seconds);
} // namespace LatencyDistribution

} // namespace rdsim
