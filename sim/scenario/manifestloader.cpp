// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenario/scenario.h"

#include "core/resourcecatalog.h"
#include "scenario/scenarioguard.h"
#include "scenario/yamlconvert.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <yaml-cpp/yaml.h>

namespace rdsim {

namespace {

const QString kItems = QStringLiteral("items");

int lineAtOffset(const QByteArray &text, qsizetype offset)
{
    return int(text.left(offset).count('\n')) + 1;
}

// Start offsets of the elements of the top-level object's "items" array. Qt's JSON parser
// keeps no positions, so this small scan recovers them for errors that name a line.
QList<qsizetype> jsonItemOffsets(const QByteArray &json)
{
    QList<qsizetype> offsets;
    int depth = 0;
    int itemsDepth = -1; // depth inside the items array while in it
    bool atElementStart = false;
    bool keyIsItems = false;
    QByteArray lastString;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
            continue;
        if (atElementStart && depth == itemsDepth && c != ']') {
            offsets.append(i);
            atElementStart = false;
        }
        switch (c) {
        case '"': {
            const qsizetype start = i + 1;
            for (++i; i < json.size() && json.at(i) != '"'; ++i) {
                if (json.at(i) == '\\')
                    ++i;
            }
            if (depth == 1)
                lastString = json.mid(start, i - start);
            break;
        }
        case ':':
            if (depth == 1)
                keyIsItems = lastString == "items";
            break;
        case '[':
        case '{':
            ++depth;
            if (c == '[' && depth == 2 && keyIsItems) {
                itemsDepth = depth;
                atElementStart = true;
            }
            keyIsItems = false;
            break;
        case ']':
        case '}':
            if (depth == itemsDepth)
                itemsDepth = -1;
            --depth;
            break;
        case ',':
            if (depth == itemsDepth)
                atElementStart = true;
            break;
        default:
            break;
        }
    }
    return offsets;
}

class Collector
{
public:
    explicit Collector(QString path) : m_path(std::move(path)) { }

    // False with *error ("file:line: [items[i]: ]what") when the object is not loadable.
    bool add(QJsonObject object, int line, const QString &itemPath, QString *error)
    {
        const QString problem = ManifestLoader::checkObject(&object);
        if (!problem.isEmpty())
            return fail(line, itemPath, problem, error);
        m_objects.append(object);
        m_origins.append(m_path + QLatin1Char(':') + QString::number(line));
        return true;
    }

    bool fail(int line, const QString &itemPath, const QString &what, QString *error) const
    {
        if (error) {
            *error = m_path + QLatin1Char(':') + QString::number(line) + QStringLiteral(": ")
                + (itemPath.isEmpty() ? QString() : itemPath + QStringLiteral(": ")) + what;
        }
        return false;
    }

    void appendTo(QList<QJsonObject> *objects, QStringList *origins) const
    {
        if (objects)
            objects->append(m_objects);
        if (origins)
            origins->append(m_origins);
    }

private:
    QString m_path;
    QList<QJsonObject> m_objects;
    QStringList m_origins;
};

QString itemPath(int index)
{
    return kItems + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

bool loadYaml(const QByteArray &text, Collector *collector, QString *error)
{
    std::vector<YAML::Node> documents;
    try {
        documents = YAML::LoadAll(text.toStdString());
    } catch (const YAML::Exception &e) {
        return collector->fail(YamlConvert::errorLine(e, text), QString(),
                               YamlConvert::toQString(e.msg), error);
    }
    const QString notObject = QStringLiteral("expected a Kubernetes object (a mapping)");
    for (const YAML::Node &document : documents) {
        if (document.IsNull())
            continue; // "---" with nothing, or only comments
        const int line = qMax(1, YamlConvert::lineOf(document));
        if (!document.IsMap())
            return collector->fail(line, QString(), notObject, error);
        const QJsonObject object = YamlConvert::toJson(document).toObject();
        if (!ManifestLoader::isList(object)) {
            if (!collector->add(object, line, QString(), error))
                return false;
            continue;
        }
        const YAML::Node items = document[std::string("items")];
        for (std::size_t i = 0; i < items.size(); ++i) {
            const int itemLine = qMax(line, YamlConvert::lineOf(items[i]));
            if (!items[i].IsMap())
                return collector->fail(itemLine, itemPath(int(i)), notObject, error);
            if (!collector->add(YamlConvert::toJson(items[i]).toObject(), itemLine,
                                itemPath(int(i)), error))
                return false;
        }
    }
    return true;
}

bool loadJson(const QByteArray &text, Collector *collector, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return collector->fail(lineAtOffset(text, parseError.offset), QString(),
                               QStringLiteral("invalid JSON: ") + parseError.errorString(), error);
    const int line = lineAtOffset(text, qMax<qsizetype>(0, text.indexOf('{')));
    if (!document.isObject())
        return collector->fail(
            1, QString(), QStringLiteral("expected a Kubernetes object (a JSON object)"), error);
    const QJsonObject object = document.object();
    if (!ManifestLoader::isList(object))
        return collector->add(object, line, QString(), error);
    const QJsonArray items = object.value(kItems).toArray();
    const QList<qsizetype> offsets = jsonItemOffsets(text);
    for (int i = 0; i < items.size(); ++i) {
        const int itemLine = i < offsets.size() ? lineAtOffset(text, offsets.at(i)) : line;
        if (!items.at(i).isObject())
            return collector->fail(itemLine, itemPath(i),
                                   QStringLiteral("expected a Kubernetes object (a JSON object)"),
                                   error);
        if (!collector->add(items.at(i).toObject(), itemLine, itemPath(i), error))
            return false;
    }
    return true;
}

} // namespace

bool ManifestLoader::loadDirectory(const QString &dir, QList<QJsonObject> *objects, QString *error,
                                   QStringList *origins)
{
    const QDir directory(dir);
    if (!QFileInfo(dir).isDir()) {
        if (error)
            *error = QStringLiteral("%1: no such directory").arg(dir);
        return false;
    }
    const QStringList names = directory.entryList(
        {QStringLiteral("*.yaml"), QStringLiteral("*.yml"), QStringLiteral("*.json")}, QDir::Files,
        QDir::Name);
    QList<QJsonObject> loaded;
    QStringList loadedOrigins;
    for (const QString &name : names) {
        const QString path = dir.endsWith(QLatin1Char('/'))
            ? QString(dir + name)
            : QString(dir + QLatin1Char('/') + name);
        if (!loadFile(path, &loaded, error, &loadedOrigins))
            return false;
    }
    if (objects)
        objects->append(loaded);
    if (origins)
        origins->append(loadedOrigins);
    return true;
}

bool ManifestLoader::loadFile(const QString &path, QList<QJsonObject> *objects, QString *error,
                              QStringList *origins)
{
    QByteArray text;
    QString problem;
    if (!ScenarioGuard::readFile(path, &text, &problem)) {
        if (error)
            *error = problem;
        return false;
    }
    Collector collector(path);
    const bool json
        = QFileInfo(path).suffix().compare(QLatin1String("json"), Qt::CaseInsensitive) == 0;
    // QJsonDocument has its own nesting limit and knows no aliases; YAML needs the guard.
    if (!json && !ScenarioGuard::check(text, path, &problem)) {
        if (error)
            *error = problem;
        return false;
    }
    if (!(json ? loadJson(text, &collector, error) : loadYaml(text, &collector, error)))
        return false;
    collector.appendTo(objects, origins);
    return true;
}

bool ManifestLoader::isList(const QJsonObject &object)
{
    const QString kind = object.value(QStringLiteral("kind")).toString();
    if (kind == QLatin1String("List"))
        return true;
    return kind.endsWith(QLatin1String("List")) && object.value(kItems).isArray();
}

QString ManifestLoader::checkObject(QJsonObject *object)
{
    const QString apiVersion = object->value(QStringLiteral("apiVersion")).toString();
    const QString kind = object->value(QStringLiteral("kind")).toString();
    if (apiVersion.isEmpty())
        return QStringLiteral("missing 'apiVersion'");
    if (kind.isEmpty())
        return QStringLiteral("missing 'kind'");
    QJsonObject metadata = object->value(QStringLiteral("metadata")).toObject();
    if (metadata.value(QStringLiteral("name")).toString().isEmpty())
        return QStringLiteral("missing 'metadata.name'");
    const QJsonValue ns = metadata.value(QStringLiteral("namespace"));
    if (!ns.isUndefined() && !ns.isNull() && !ns.isString())
        return QStringLiteral("'metadata.namespace' must be a string");
    const ResourceType *type = ResourceCatalog::findByKind(apiVersion, kind);
    if (!type || type->isReview)
        return QStringLiteral("kind '%1' of apiVersion '%2' is not served by rd-sim")
            .arg(kind, apiVersion);
    if (type->namespaced && ns.toString().isEmpty()) {
        metadata.insert(QStringLiteral("namespace"), QStringLiteral("default"));
        object->insert(QStringLiteral("metadata"), metadata);
    }
    return QString();
}

} // namespace rdsim
