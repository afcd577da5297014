// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenario/scenarioguard.h"

#include <QFile>
#include <QHash>
#include <QList>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <sstream>

namespace rdsim {

namespace {

QString tooLarge(const QString &fileName)
{
    return QStringLiteral("%1: the file is larger than %2 MiB")
        .arg(fileName, QString::number(ScenarioGuard::maxBytes / (1024 * 1024)));
}

// Sizes every node as if its aliases were copied in, from yaml-cpp's event stream (no
// nodes are built). An open collection is a frame; when it closes, its size is known and,
// if it has an anchor, remembered for the aliases that follow.
class Limits : public YAML::EventHandler
{
public:
    explicit Limits(const QByteArray &text) : m_text(text) { }

    QString problem;
    int line = 0;

    void OnDocumentStart(const YAML::Mark &mark) override
    {
        // yaml-cpp reads a ',' outside [ ] or { } as an empty document and stays where it is:
        // every following document starts at the same place and LoadAll() never returns.
        if (mark.pos == m_documentStart) {
            const bool comma
                = mark.pos >= 0 && mark.pos < m_text.size() && m_text.at(mark.pos) == ',';
            return refuse(mark,
                          comma ? QStringLiteral("a ',' outside [ ] or { }")
                                : QStringLiteral("the YAML parser makes no progress here"));
        }
        m_documentStart = mark.pos;
        // yaml-cpp numbers anchors per document.
        m_open.clear();
        m_anchorSizes.clear();
        m_expanded = 0;
    }
    void OnDocumentEnd() override { }
    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override { node(mark, anchor, 1); }
    void OnScalar(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                  const std::string &) override
    {
        node(mark, anchor, 1);
    }
    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        for (const Frame &frame : std::as_const(m_open)) {
            if (frame.anchor == anchor)
                return refuse(mark,
                              QStringLiteral("an alias refers to the node it is in (a cycle)"));
        }
        node(mark, YAML::NullAnchor, m_anchorSizes.value(anchor, 1));
    }
    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        open(mark, anchor);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override
    {
        open(mark, anchor);
    }
    void OnMapEnd() override { close(); }

private:
    struct Frame
    {
        YAML::anchor_t anchor;
        qint64 expandedBefore; // m_expanded when the collection opened
    };

    void refuse(const YAML::Mark &mark, const QString &what)
    {
        if (!problem.isEmpty())
            return; // the first problem is the one to fix
        problem = what;
        line = mark.line + 1;
    }
    void node(const YAML::Mark &mark, YAML::anchor_t anchor, qint64 size)
    {
        m_expanded += size;
        if (anchor != YAML::NullAnchor)
            m_anchorSizes.insert(anchor, size);
        if (m_expanded > ScenarioGuard::maxExpandedNodes)
            refuse(mark,
                   QStringLiteral("its aliases expand to more than %1 nodes")
                       .arg(ScenarioGuard::maxExpandedNodes));
    }
    void open(const YAML::Mark &mark, YAML::anchor_t anchor)
    {
        m_open.append(Frame {anchor, m_expanded});
        node(mark, YAML::NullAnchor, 1);
        if (m_open.size() > ScenarioGuard::maxDepth)
            refuse(mark,
                   QStringLiteral("it is nested more than %1 levels deep")
                       .arg(ScenarioGuard::maxDepth));
    }
    void close()
    {
        if (m_open.isEmpty())
            return;
        const Frame frame = m_open.takeLast();
        if (frame.anchor != YAML::NullAnchor)
            m_anchorSizes.insert(frame.anchor, m_expanded - frame.expandedBefore);
    }

    const QByteArray &m_text;
    int m_documentStart = -1;
    QList<Frame> m_open;
    QHash<YAML::anchor_t, qint64> m_anchorSizes;
    qint64 m_expanded = 0;
};

} // namespace

bool ScenarioGuard::readFile(const QString &path, QByteArray *text, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read: %2").arg(path, file.errorString());
        return false;
    }
    *text = file.read(maxBytes + 1);
    if (text->size() > maxBytes) {
        text->clear();
        *error = tooLarge(path);
        return false;
    }
    return true;
}

bool ScenarioGuard::check(const QByteArray &yaml, const QString &fileName, QString *error)
{
    if (yaml.size() > maxBytes) {
        *error = tooLarge(fileName);
        return false;
    }
    std::istringstream stream(yaml.toStdString());
    Limits limits(yaml);
    try {
        YAML::Parser parser(stream);
        while (limits.problem.isEmpty() && parser.HandleNextDocument(limits)) { }
    } catch (const YAML::Exception &) {
        // A syntax error: the loader reports it (with the same line) when it reads the text.
    }
    if (limits.problem.isEmpty())
        return true;
    *error = QStringLiteral("%1:%2: not loaded: %3")
                 .arg(fileName, QString::number(limits.line), limits.problem);
    return false;
}

} // namespace rdsim
