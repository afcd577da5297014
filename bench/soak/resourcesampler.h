// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QString>

class QTimer;

// Resident memory and thread count of this process (/proc/self/status) every few seconds.
// A leak or a thread that is started per reconnect shows as growth over the run's second
// half; the first half is warm-up (caches, pools, the first fault of each kind).
class ResourceSampler : public QObject
{
    Q_OBJECT
public:
    struct Sample
    {
        qint64 ms = 0; // since start()
        double rssMiB = 0;
        int threads = 0;
        double heapMiB = 0; // malloc's bytes in use (mallinfo2): a leak grows it, fragmentation not
    };
    struct Verdict
    {
        bool passed = false;
        Sample first, half, last;
        double maxRssMiB = 0;
        int maxThreads = 0;
        QString text;
    };

    explicit ResourceSampler(int intervalMs, QObject *parent = nullptr);
    void start();
    void stop();
    void sampleNow();
    QList<Sample> samples() const { return m_samples; }
    // Flat: the last samples' RSS at most (1 + rssTolerance) × the RSS at half time, and at
    // most threadTolerance more threads than then.
    Verdict verdict(double rssTolerance = 0.10, int threadTolerance = 2) const;

    static double rssMiB();
    static int threadCount();
    static double heapInUseMiB();

private:
    QTimer *m_timer;
    qint64 m_startMs = 0;
    QList<Sample> m_samples;
};
