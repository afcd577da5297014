// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to PromDecoder: reads the `data` of Prometheus API answers from simdjson's DOM.

#include "jsonreader_p.h"
#include "promresult.h"

#include <QCoreApplication>

// Reads the parts of `data` shared by every result type, collecting issues (with their
// paths) instead of failing: an unreadable element is left out and the rest is used.
class PromReader
{
    Q_DECLARE_TR_FUNCTIONS(PromDecoder)

public:
    using Path = JsonRead::Path;
    using Element = simdjson::dom::element;

    explicit PromReader(QList<DecodeIssue> &issues) : m_issues(issues) { }

    static QString text(std::string_view s)
    {
        return QString::fromUtf8(s.data(), qsizetype(s.size()));
    }

    void issue(const Path &path, const QString &message);
    bool timestamp(Element value, const Path &path, qint64 &ms);

    // [t, "s"]: the time and the raw string.
    bool pair(Element value, const Path &path, qint64 &ms, std::string_view &string);
    bool sample(Element value, const Path &path, PromSample &out);

    void labels(Element value, const Path &path, StringMap &out);
    void strings(Element value, const Path &path, QStringList &out);

    // The elements of a vector or matrix result.
    void series(Element value, const Path &path, bool matrix, PromQueryResult &out);

    // The `data` of each answer kind; a wrong shape sets out.error.
    void queryData(Element data, PromQueryResult &out);
    void seriesData(Element data, PromSeriesList &out);
    void stringsData(Element data, PromStringList &out);
    void buildInfoData(Element data, PromBuildInfo &out);

private:
    void samples(Element value, const Path &path, QList<PromSample> &out);

    QList<DecodeIssue> &m_issues;
};
