// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <yaml-cpp/yaml.h>

#include <optional>

namespace rdsim {

// Thrown inside the scenario parser; fromYaml() turns it into its error string.
struct YamlError
{
    QString message;
};

// Where a value came from, for "file:line: path: what is wrong" messages.
class YamlSource
{
public:
    explicit YamlSource(QString fileName) : m_fileName(std::move(fileName)) { }
    QString fileName() const { return m_fileName; }
    QString location(int line) const;
    [[noreturn]] void fail(int line, const QString &path, const QString &what) const;

    // A value of the wanted type or YamlError naming `path` at `line` (the line of its key,
    // because yaml-cpp places an empty value on the line after it).
    QString string(const YAML::Node &node, const QString &path, int line) const;
    double number(const YAML::Node &node, const QString &path, int line) const;
    qint64 integer(const YAML::Node &node, const QString &path, int line) const;
    bool boolean(const YAML::Node &node, const QString &path, int line) const;
    // A sequence (an empty value counts as an empty one).
    void requireSequence(const YAML::Node &node, const QString &path, int line) const;
    QStringList stringList(const YAML::Node &node, const QString &path, int line) const;

    static QString join(const QString &path, const QString &key);
    static QString index(const QString &path, int i);

private:
    QString m_fileName;
};

// One YAML mapping with a closed set of keys: unknown keys are errors (typo protection),
// duplicate keys too, and each accessor reports the exact line of what it rejects.
class MapReader
{
public:
    MapReader(const YamlSource &source, const YAML::Node &node, const QString &path, int line,
              const QStringList &allowedKeys);

    bool has(const QString &key) const;
    YAML::Node value(const QString &key) const; // undefined when absent
    int keyLine(const QString &key) const; // the map's line when absent
    int line() const { return m_line; }
    QString path() const { return m_path; }
    QString childPath(const QString &key) const { return YamlSource::join(m_path, key); }
    void require(const QString &key) const;
    [[noreturn]] void fail(const QString &key, const QString &what) const;

    QString string(const QString &key, const QString &fallback = {}) const;
    double number(const QString &key, double fallback) const;
    qint64 integer(const QString &key, qint64 fallback) const;
    bool boolean(const QString &key, bool fallback) const;
    QStringList stringList(const QString &key) const;

private:
    struct Entry
    {
        QString key;
        YAML::Node value;
        int line = 0;
    };
    const Entry *find(const QString &key) const;

    const YamlSource &m_source;
    QString m_path;
    int m_line = 0;
    QList<Entry> m_entries;
};

} // namespace rdsim
