// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultinjector.h"

namespace rdsim {

namespace {

struct KindName
{
    FaultRule::Kind kind;
    const char *name;
};

const KindName kKindNames[] = {
    {FaultRule::Kind::Drop, "drop"},           {FaultRule::Kind::Delay, "delay"},
    {FaultRule::Kind::Status, "status"},       {FaultRule::Kind::Truncate, "truncate"},
    {FaultRule::Kind::Malformed, "malformed"}, {FaultRule::Kind::Expire, "expire"},
};

} // namespace

std::optional<FaultRule::Kind> FaultRule::kindFromName(const QString &name)
{
    const QString wanted = name.trimmed().toLower();
    for (const KindName &entry : kKindNames) {
        if (wanted == QLatin1String(entry.name))
            return entry.kind;
    }
    return std::nullopt;
}

QString FaultRule::kindName(Kind kind)
{
    for (const KindName &entry : kKindNames) {
        if (entry.kind == kind)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

void FaultInjector::add(const FaultRule &rule)
{
    std::lock_guard lock(m_mutex);
    m_rules.append(Slot {rule, 0});
}

void FaultInjector::clear()
{
    std::lock_guard lock(m_mutex);
    m_rules.clear();
}

int FaultInjector::ruleCount() const
{
    std::lock_guard lock(m_mutex);
    return static_cast<int>(m_rules.size());
}

std::optional<FaultRule> FaultInjector::match(const QString &method, const QString &path,
                                              bool isWatch, bool isList)
{
    std::lock_guard lock(m_mutex);
    for (Slot &slot : m_rules) {
        FaultRule &rule = slot.rule;
        if (rule.remaining == 0)
            continue;
        if (!rule.method.isEmpty() && rule.method.compare(method, Qt::CaseInsensitive) != 0)
            continue;
        if (rule.watchOnly && !isWatch)
            continue;
        if (rule.listOnly && !isList)
            continue;
        // An empty pattern matches every path; a broken one matches none rather than all.
        if (!rule.path.pattern().isEmpty()
            && (!rule.path.isValid() || !rule.path.match(path).hasMatch()))
            continue;
        ++slot.seen;
        const int every = rule.everyNth > 1 ? rule.everyNth : 1;
        if (slot.seen % every != 0)
            continue;
        if (rule.remaining > 0)
            --rule.remaining;
        return rule;
    }
    return std::nullopt;
}

} // namespace rdsim
