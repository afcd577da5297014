// SPDX-License-Identifier: GPL-3.0-or-later
#include "yamlguard.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <QHash>
#include <QList>

#include <sstream>

namespace {

// Walks the event stream once: sizes of anchored nodes, aliases' expansion, depth.
class Counter : public YAML::EventHandler
{
public:
    QString problem;
    int problemLine = 0;
    const QByteArray *text = nullptr;

    void OnDocumentStart(const YAML::Mark &mark) override
    {
        // yaml-cpp reads a ',' outside [ ] or { } as an empty document that consumes nothing,
        // so the next document starts at the same place again, endlessly.
        if (mark.pos == m_lastDocumentPos)
            fail(mark,
                 mark.pos >= 0 && mark.pos < text->size() && text->at(mark.pos) == ','
                     ? YamlGuard::tr("a ',' outside [ ] or { }")
                     : YamlGuard::tr("the YAML parser makes no progress here"));
        m_lastDocumentPos = mark.pos;
    }
    void OnDocumentEnd() override { }
    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override { leaf(mark, anchor); }
    void OnScalar(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                  const std::string &) override
    {
        leaf(mark, anchor);
    }
    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        if (!problem.isEmpty())
            return;
        for (const Open &open : std::as_const(m_open)) {
            if (open.anchor == anchor) {
                fail(mark, YamlGuard::tr("an alias refers to the node it is in (a cycle)"));
                return;
            }
        }
        add(mark, m_sizes.value(anchor, 1));
    }
    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        start(mark, anchor);
    }
    void OnSequenceEnd() override { end(); }
    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override
    {
        start(mark, anchor);
    }
    void OnMapEnd() override { end(); }

private:
    struct Open
    {
        YAML::anchor_t anchor;
        qint64 startCount;
    };

    void fail(const YAML::Mark &mark, const QString &what)
    {
        if (!problem.isEmpty())
            return;
        problem = what;
        problemLine = mark.line + 1;
    }
    void add(const YAML::Mark &mark, qint64 nodes)
    {
        m_total += nodes;
        if (m_total > YamlGuard::maxExpandedNodes)
            fail(mark,
                 YamlGuard::tr("its aliases expand to more than %1 nodes")
                     .arg(YamlGuard::maxExpandedNodes));
    }
    void leaf(const YAML::Mark &mark, YAML::anchor_t anchor)
    {
        add(mark, 1);
        if (anchor != YAML::NullAnchor)
            m_sizes.insert(anchor, 1);
    }
    void start(const YAML::Mark &mark, YAML::anchor_t anchor)
    {
        add(mark, 1);
        m_open.append(Open {anchor, m_total});
        if (m_open.size() > YamlGuard::maxDepth)
            fail(mark,
                 YamlGuard::tr("it is nested more than %1 levels deep").arg(YamlGuard::maxDepth));
    }
    void end()
    {
        if (m_open.isEmpty())
            return;
        const Open open = m_open.takeLast();
        if (open.anchor != YAML::NullAnchor)
            m_sizes.insert(open.anchor, m_total - open.startCount + 1);
    }

    QList<Open> m_open;
    QHash<YAML::anchor_t, qint64> m_sizes;
    qint64 m_total = 0;
    int m_lastDocumentPos = -1;
};

} // namespace

bool YamlGuard::check(const QByteArray &yaml, const QString &fileName, QString *error)
{
    if (yaml.size() > maxBytes) {
        *error = tr("%1: the file is larger than %2 MiB").arg(fileName).arg(maxBytes / 1024 / 1024);
        return false;
    }
    std::istringstream stream(yaml.toStdString());
    Counter counter;
    counter.text = &yaml;
    try {
        YAML::Parser parser(stream);
        while (counter.problem.isEmpty() && parser.HandleNextDocument(counter)) { }
    } catch (const YAML::Exception &e) {
        // The loader reports syntax errors with its own words; only the limits are ours.
        Q_UNUSED(e)
        return true;
    }
    if (counter.problem.isEmpty())
        return true;
    *error
        = tr("%1:%2: not loaded: %3").arg(fileName).arg(counter.problemLine).arg(counter.problem);
    return false;
}
