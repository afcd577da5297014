// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonpatch.h"

#include <QJsonArray>
#include <QJsonObject>

#include <functional>
#include <optional>

namespace rdsim {

namespace {

using Edit = std::function<bool(QJsonValue &parent, const QString &last, QString *error)>;

// RFC 6901: an array index is "0" or digits without a leading zero.
std::optional<qsizetype> arrayIndex(const QString &token)
{
    if (token.isEmpty() || (token.size() > 1 && token.at(0) == u'0'))
        return std::nullopt;
    for (const QChar c : token) {
        if (!c.isDigit())
            return std::nullopt;
    }
    bool ok = false;
    const qlonglong index = token.toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return static_cast<qsizetype>(index);
}

QString pointerText(const QStringList &tokens)
{
    QString text;
    for (QString token : tokens)
        text
            += u'/' + token.replace(u'~', QStringLiteral("~0")).replace(u'/', QStringLiteral("~1"));
    return text;
}

std::optional<QJsonValue> valueAt(const QJsonValue &document, const QStringList &tokens)
{
    QJsonValue node = document;
    for (const QString &token : tokens) {
        if (node.isObject()) {
            const QJsonObject object = node.toObject();
            if (!object.contains(token))
                return std::nullopt;
            node = object.value(token);
        } else if (node.isArray()) {
            const QJsonArray array = node.toArray();
            const auto index = arrayIndex(token);
            if (!index || *index >= array.size())
                return std::nullopt;
            node = array.at(*index);
        } else {
            return std::nullopt;
        }
    }
    return node;
}

// Walks to the container holding the last token and lets `edit` change it; rebuilds the
// values on the way back up because Qt's JSON types are copy-on-write values.
bool editParent(QJsonValue &node, const QStringList &tokens, qsizetype depth, const QString &op,
                const Edit &edit, QString *error)
{
    if (depth == tokens.size() - 1)
        return edit(node, tokens.last(), error);
    const QString &token = tokens.at(depth);
    const QString missing = QStringLiteral("%1: path %2 does not exist")
                                .arg(op, pointerText(tokens.mid(0, depth + 1)));
    if (node.isObject()) {
        QJsonObject object = node.toObject();
        if (!object.contains(token)) {
            *error = missing;
            return false;
        }
        QJsonValue child = object.value(token);
        if (!editParent(child, tokens, depth + 1, op, edit, error))
            return false;
        object.insert(token, child);
        node = object;
        return true;
    }
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        const auto index = arrayIndex(token);
        if (!index || *index >= array.size()) {
            *error = missing;
            return false;
        }
        QJsonValue child = array.at(*index);
        if (!editParent(child, tokens, depth + 1, op, edit, error))
            return false;
        array.replace(*index, child);
        node = array;
        return true;
    }
    *error = missing;
    return false;
}

bool addValue(QJsonValue &document, const QStringList &tokens, const QJsonValue &value,
              const QString &op, QString *error)
{
    if (tokens.isEmpty()) {
        document = value;
        return true;
    }
    const QString path = pointerText(tokens);
    return editParent(
        document, tokens, 0, op,
        [&](QJsonValue &parent, const QString &last, QString *err) {
            if (parent.isObject()) {
                QJsonObject object = parent.toObject();
                object.insert(last, value);
                parent = object;
                return true;
            }
            if (parent.isArray()) {
                QJsonArray array = parent.toArray();
                if (last == QStringLiteral("-")) {
                    array.append(value);
                } else {
                    const auto index = arrayIndex(last);
                    if (!index || *index > array.size()) {
                        *err
                            = QStringLiteral("%1: array index in %2 is out of range").arg(op, path);
                        return false;
                    }
                    array.insert(*index, value);
                }
                parent = array;
                return true;
            }
            *err = QStringLiteral("%1: the parent of %2 is not an object or array").arg(op, path);
            return false;
        },
        error);
}

bool removeValue(QJsonValue &document, const QStringList &tokens, const QString &op, QString *error)
{
    const QString path = pointerText(tokens);
    if (tokens.isEmpty()) {
        *error = QStringLiteral("%1: cannot remove the whole document").arg(op);
        return false;
    }
    return editParent(
        document, tokens, 0, op,
        [&](QJsonValue &parent, const QString &last, QString *err) {
            if (parent.isObject()) {
                QJsonObject object = parent.toObject();
                if (object.contains(last)) {
                    object.remove(last);
                    parent = object;
                    return true;
                }
            } else if (parent.isArray()) {
                QJsonArray array = parent.toArray();
                const auto index = arrayIndex(last);
                if (index && *index < array.size()) {
                    array.removeAt(*index);
                    parent = array;
                    return true;
                }
            }
            *err = QStringLiteral("%1: path %2 does not exist").arg(op, path);
            return false;
        },
        error);
}

bool replaceValue(QJsonValue &document, const QStringList &tokens, const QJsonValue &value,
                  QString *error)
{
    if (!valueAt(document, tokens)) {
        *error = QStringLiteral("replace: path %1 does not exist").arg(pointerText(tokens));
        return false;
    }
    if (tokens.isEmpty()) {
        document = value;
        return true;
    }
    return editParent(
        document, tokens, 0, QStringLiteral("replace"),
        [&](QJsonValue &parent, const QString &last, QString *) {
            if (parent.isObject()) {
                QJsonObject object = parent.toObject();
                object.insert(last, value);
                parent = object;
            } else {
                QJsonArray array = parent.toArray();
                array.replace(*arrayIndex(last), value);
                parent = array;
            }
            return true;
        },
        error);
}

// Reads a pointer member ("path" or "from") of an operation.
bool pointerMember(const QJsonObject &operation, const QString &member, qsizetype position,
                   QStringList *tokens, QString *error)
{
    const QJsonValue value = operation.value(member);
    if (!value.isString()) {
        *error = QStringLiteral("operation %1: \"%2\" must be a string").arg(position).arg(member);
        return false;
    }
    QString pointerError;
    if (!JsonPatch::parsePointer(value.toString(), tokens, &pointerError)) {
        *error = QStringLiteral("operation %1: %2").arg(position).arg(pointerError);
        return false;
    }
    return true;
}

} // namespace

bool JsonPatch::parsePointer(const QString &pointer, QStringList *tokens, QString *error)
{
    tokens->clear();
    if (pointer.isEmpty())
        return true;
    if (!pointer.startsWith(u'/')) {
        *error = QStringLiteral("JSON pointer \"%1\" must start with '/'").arg(pointer);
        return false;
    }
    const QStringList parts = pointer.mid(1).split(u'/');
    for (const QString &part : parts) {
        QString token;
        for (qsizetype i = 0; i < part.size(); ++i) {
            if (part.at(i) != u'~') {
                token += part.at(i);
                continue;
            }
            const QChar next = i + 1 < part.size() ? part.at(i + 1) : QChar();
            if (next != u'0' && next != u'1') {
                *error = QStringLiteral("JSON pointer \"%1\" has a '~' not followed by 0 or 1")
                             .arg(pointer);
                return false;
            }
            token += next == u'0' ? u'~' : u'/';
            ++i;
        }
        tokens->append(token);
    }
    return true;
}

JsonPatch::Outcome JsonPatch::apply(QJsonValue *document, const QJsonValue &patch, QString *error)
{
    if (!patch.isArray()) {
        *error = QStringLiteral("a JSON patch must be an array of operations");
        return Outcome::Malformed;
    }
    QJsonValue result = *document;
    const QJsonArray operations = patch.toArray();
    for (qsizetype i = 0; i < operations.size(); ++i) {
        if (!operations.at(i).isObject()) {
            *error = QStringLiteral("operation %1 is not an object").arg(i);
            return Outcome::Malformed;
        }
        const QJsonObject operation = operations.at(i).toObject();
        const QString op = operation.value(QStringLiteral("op")).toString();
        QStringList path;
        if (!pointerMember(operation, QStringLiteral("path"), i, &path, error))
            return Outcome::Malformed;
        const bool needsValue = op == QStringLiteral("add") || op == QStringLiteral("replace")
            || op == QStringLiteral("test");
        if (needsValue && !operation.contains(QStringLiteral("value"))) {
            *error = QStringLiteral("operation %1 (%2) has no \"value\"").arg(i).arg(op);
            return Outcome::Malformed;
        }
        const QJsonValue value = operation.value(QStringLiteral("value"));
        QStringList from;
        const bool needsFrom = op == QStringLiteral("move") || op == QStringLiteral("copy");
        if (needsFrom && !pointerMember(operation, QStringLiteral("from"), i, &from, error))
            return Outcome::Malformed;

        bool ok = true;
        if (op == QStringLiteral("add")) {
            ok = addValue(result, path, value, op, error);
        } else if (op == QStringLiteral("remove")) {
            ok = removeValue(result, path, op, error);
        } else if (op == QStringLiteral("replace")) {
            ok = replaceValue(result, path, value, error);
        } else if (op == QStringLiteral("test")) {
            const auto current = valueAt(result, path);
            if (!current || *current != value) {
                *error
                    = QStringLiteral("test: value at %1 is not as expected").arg(pointerText(path));
                ok = false;
            }
        } else if (needsFrom) {
            const auto moved = valueAt(result, from);
            if (!moved) {
                *error
                    = QStringLiteral("%1: from path %2 does not exist").arg(op, pointerText(from));
                ok = false;
            } else if (op == QStringLiteral("move")) {
                // A value cannot be moved into itself (RFC 6902 section 4.4).
                if (path.size() > from.size() && path.mid(0, from.size()) == from) {
                    *error = QStringLiteral("move: cannot move %1 into its own child %2")
                                 .arg(pointerText(from), pointerText(path));
                    ok = false;
                } else {
                    ok = removeValue(result, from, op, error)
                        && addValue(result, path, *moved, op, error);
                }
            } else {
                ok = addValue(result, path, *moved, op, error);
            }
        } else {
            *error = QStringLiteral("operation %1 has an unknown op \"%2\"").arg(i).arg(op);
            return Outcome::Malformed;
        }
        if (!ok)
            return Outcome::Failed;
    }
    *document = result;
    return Outcome::Applied;
}

} // namespace rdsim
