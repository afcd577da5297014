// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/metricsignal.h"

#include <cmath>

namespace rdsim {

namespace {

constexpr double kTwoPi = 6.283185307179586;
// Subtracted from epoch seconds before the sines see them: smaller arguments keep more
// significant digits in the differences of cosines that the integrals are made of.
constexpr double kEpochOffset = 1.7e9;

quint64 splitMix(quint64 &state)
{
    state += 0x9E3779B97F4A7C15ULL;
    quint64 z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

double unitFraction(quint64 &state)
{
    return double(splitMix(state) >> 11) / double(1ULL << 53);
}

// Integral of cos(omega t + phase) over [t0, t1]; omega may be zero for a difference term.
double cosIntegral(double omega, double phase, double t0, double t1)
{
    if (std::abs(omega) < 1e-12)
        return std::cos(phase) * (t1 - t0);
    return (std::sin(omega * t1 + phase) - std::sin(omega * t0 + phase)) / omega;
}

} // namespace

MetricSignal::MetricSignal(const QString &podName, Channel channel)
{
    quint64 state = stableHash(podName) ^ (quint64(channel + 1) * 0xD6E8FEB86659FD93ULL);
    static constexpr double amplitudes[3] = {0.02, 0.015, 0.01};
    static constexpr double basePeriods[3] = {300.0, 97.0, 41.0};
    for (int k = 0; k < 3; ++k) {
        Term &term = m_terms[size_t(k)];
        term.amplitude = amplitudes[k];
        const double period = basePeriods[k] * (0.8 + 0.4 * unitFraction(state));
        term.omega = kTwoPi / period;
        term.phase = kTwoPi * unitFraction(state);
    }
}

quint64 MetricSignal::stableHash(const QString &text)
{
    // FNV-1a over UTF-8: the same name gives the same curve in every process.
    quint64 hash = 0xCBF29CE484222325ULL;
    const QByteArray bytes = text.toUtf8();
    for (const char c : bytes) {
        hash ^= quint64(quint8(c));
        hash *= 0x100000001B3ULL;
    }
    return hash;
}

double MetricSignal::value(double t) const
{
    const double x = t - kEpochOffset;
    double f = 1.0;
    for (const Term &term : m_terms)
        f += term.amplitude * std::sin(term.omega * x + term.phase);
    return f;
}

double MetricSignal::integral(double t0, double t1) const
{
    const double x0 = t0 - kEpochOffset;
    const double x1 = t1 - kEpochOffset;
    double sum = x1 - x0;
    for (const Term &term : m_terms) {
        sum += term.amplitude / term.omega
            * (std::cos(term.omega * x0 + term.phase) - std::cos(term.omega * x1 + term.phase));
    }
    return sum;
}

double MetricSignal::productIntegral(const MetricSignal &other, double t0, double t1) const
{
    // (1 + sum a sin x)(1 + sum b sin y) = 1 + sum a sin x + sum b sin y + sum ab sin x sin y,
    // and sin x sin y = (cos(x - y) - cos(x + y)) / 2.
    const double x0 = t0 - kEpochOffset;
    const double x1 = t1 - kEpochOffset;
    double sum = integral(t0, t1) + other.integral(t0, t1) - (x1 - x0);
    for (const Term &a : m_terms) {
        for (const Term &b : other.m_terms) {
            const double diff = cosIntegral(a.omega - b.omega, a.phase - b.phase, x0, x1);
            const double plus = cosIntegral(a.omega + b.omega, a.phase + b.phase, x0, x1);
            sum += 0.5 * a.amplitude * b.amplitude * (diff - plus);
        }
    }
    return sum;
}

namespace LatencyDistribution {

double cdf(double seconds, double p99Seconds)
{
    if (seconds <= 0 || p99Seconds <= 0)
        return seconds >= p99Seconds ? 1.0 : 0.0;
    const double mu = std::log(p99Seconds) - kSigma * kZ99;
    const double z = (std::log(seconds) - mu) / kSigma;
    return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

double mean(double p99Seconds)
{
    if (p99Seconds <= 0)
        return 0;
    const double mu = std::log(p99Seconds) - kSigma * kZ99;
    return std::exp(mu + kSigma * kSigma / 2);
}

} // namespace LatencyDistribution

} // namespace rdsim
