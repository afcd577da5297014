// SPDX-License-Identifier: GPL-3.0-or-later
#include "selectors.h"

#include "core/resourcecatalog.h"

#include <QJsonValue>
#include <QRegularExpression>

namespace rdsim {

namespace {

struct Token
{
    enum class Type { End, Identifier, Not, Equals, DoubleEquals, NotEquals, Open, Close, Comma };
    Type type = Type::End;
    QString text;
};

QString describe(const Token &token)
{
    return token.type == Token::Type::End ? QStringLiteral("end of string") : token.text;
}

// Splits a label selector into tokens the way Kubernetes' selector lexer does: identifiers
// run until whitespace or one of the special characters.
QList<Token> tokenize(const QString &text)
{
    QList<Token> tokens;
    qsizetype i = 0;
    const auto special = [](QChar c) {
        return c == u'(' || c == u')' || c == u',' || c == u'=' || c == u'!' || c.isSpace();
    };
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        const QChar next = i + 1 < text.size() ? text.at(i + 1) : QChar();
        if (c == u'!' && next == u'=') {
            tokens.append({Token::Type::NotEquals, QStringLiteral("!=")});
            i += 2;
        } else if (c == u'!') {
            tokens.append({Token::Type::Not, QStringLiteral("!")});
            ++i;
        } else if (c == u'=' && next == u'=') {
            tokens.append({Token::Type::DoubleEquals, QStringLiteral("==")});
            i += 2;
        } else if (c == u'=') {
            tokens.append({Token::Type::Equals, QStringLiteral("=")});
            ++i;
        } else if (c == u'(' || c == u')' || c == u',') {
            const Token::Type type = c == u'(' ? Token::Type::Open
                : c == u')'                    ? Token::Type::Close
                                               : Token::Type::Comma;
            tokens.append({type, QString(c)});
            ++i;
        } else {
            const qsizetype start = i;
            while (i < text.size() && !special(text.at(i)))
                ++i;
            tokens.append({Token::Type::Identifier, text.mid(start, i - start)});
        }
    }
    tokens.append({Token::Type::End, {}});
    return tokens;
}

bool validKey(const QString &key, QString *why)
{
    static const QRegularExpression name(
        QStringLiteral("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$"));
    static const QRegularExpression prefix(
        QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"));
    const qsizetype slash = key.indexOf(u'/');
    const QString namePart = slash < 0 ? key : key.mid(slash + 1);
    if (slash >= 0 && (!prefix.match(key.left(slash)).hasMatch() || slash > 253)) {
        *why = QStringLiteral("invalid label key \"%1\": the prefix must be a DNS subdomain")
                   .arg(key);
        return false;
    }
    if (namePart.size() > 63 || !name.match(namePart).hasMatch()) {
        *why = QStringLiteral("invalid label key \"%1\": name part must consist of alphanumeric "
                              "characters, '-', '_' or '.', and must start and end with an "
                              "alphanumeric character (at most 63 characters)")
                   .arg(key);
        return false;
    }
    return true;
}

bool validValue(const QString &value, QString *why)
{
    static const QRegularExpression pattern(
        QStringLiteral("^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$"));
    if (value.size() > 63 || !pattern.match(value).hasMatch()) {
        *why = QStringLiteral("invalid label value \"%1\": must be 63 characters or less and "
                              "consist of alphanumeric characters, '-', '_' or '.', starting "
                              "and ending with an alphanumeric character")
                   .arg(value);
        return false;
    }
    return true;
}

class Parser
{
public:
    explicit Parser(const QString &text) : m_tokens(tokenize(text)) { }

    bool parse(QList<LabelSelector::Requirement> *out, QString *error)
    {
        if (peek().type == Token::Type::End)
            return true;
        for (;;) {
            LabelSelector::Requirement requirement;
            if (!requirementAt(&requirement, error))
                return false;
            out->append(requirement);
            const Token separator = take();
            if (separator.type == Token::Type::End)
                return true;
            if (separator.type != Token::Type::Comma)
                return fail(error,
                            QStringLiteral("found '%1', expected: ',' or 'end of string'")
                                .arg(describe(separator)));
        }
    }

private:
    const Token &peek() const { return m_tokens.at(m_pos); }
    Token take() { return m_tokens.at(m_pos < m_tokens.size() - 1 ? m_pos++ : m_pos); }

    static bool fail(QString *error, const QString &message)
    {
        *error = QStringLiteral("unable to parse requirement: ") + message;
        return false;
    }

    bool requirementAt(LabelSelector::Requirement *requirement, QString *error)
    {
        using Op = LabelSelector::Requirement::Op;
        Token first = take();
        bool negated = false;
        if (first.type == Token::Type::Not) {
            negated = true;
            first = take();
        }
        if (first.type != Token::Type::Identifier)
            return fail(error,
                        QStringLiteral("found '%1', expected: !, identifier").arg(describe(first)));
        QString why;
        if (!validKey(first.text, &why))
            return fail(error, why);
        requirement->key = first.text;
        const Token &next = peek();
        if (negated || next.type == Token::Type::Comma || next.type == Token::Type::End) {
            requirement->op = negated ? Op::DoesNotExist : Op::Exists;
            return true;
        }
        const Token op = take();
        switch (op.type) {
        case Token::Type::Equals:
        case Token::Type::DoubleEquals:
        case Token::Type::NotEquals: {
            requirement->op = op.type == Token::Type::NotEquals ? Op::NotEquals : Op::Equals;
            QString value; // "a=" selects the empty value, as in Kubernetes
            if (peek().type == Token::Type::Identifier)
                value = take().text;
            else if (peek().type != Token::Type::Comma && peek().type != Token::Type::End)
                return fail(
                    error,
                    QStringLiteral("found '%1', expected: identifier").arg(describe(peek())));
            if (!validValue(value, &why))
                return fail(error, why);
            requirement->values = {value};
            return true;
        }
        case Token::Type::Identifier:
            if (op.text == QStringLiteral("in") || op.text == QStringLiteral("notin")) {
                requirement->op = op.text == QStringLiteral("in") ? Op::In : Op::NotIn;
                return valueSet(requirement, op.text, error);
            }
            break;
        default:
            break;
        }
        return fail(error,
                    QStringLiteral("found '%1', expected: '=', '!=', '==', 'in', 'notin'")
                        .arg(describe(op)));
    }

    bool valueSet(LabelSelector::Requirement *requirement, const QString &op, QString *error)
    {
        const Token open = take();
        if (open.type != Token::Type::Open)
            return fail(error, QStringLiteral("found '%1', expected: '('").arg(describe(open)));
        for (;;) {
            const Token value = take();
            if (value.type == Token::Type::Close && requirement->values.isEmpty())
                return fail(error,
                            QStringLiteral("for '%1', the set of values can't be empty").arg(op));
            if (value.type != Token::Type::Identifier)
                return fail(
                    error, QStringLiteral("found '%1', expected: identifier").arg(describe(value)));
            QString why;
            if (!validValue(value.text, &why))
                return fail(error, why);
            requirement->values.append(value.text);
            const Token after = take();
            if (after.type == Token::Type::Close)
                return true;
            if (after.type != Token::Type::Comma)
                return fail(
                    error, QStringLiteral("found '%1', expected: ',' or ')'").arg(describe(after)));
        }
    }

    QList<Token> m_tokens;
    qsizetype m_pos = 0;
};

// A field as a selector compares it: strings as is, numbers as integers, booleans as words.
QString fieldText(const QJsonObject &object, const QString &path)
{
    QJsonValue node = object;
    for (const QString &part : path.split(u'.'))
        node = node.toObject().value(part);
    if (node.isDouble())
        return QString::number(node.toInteger());
    if (node.isBool())
        return node.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return node.toString();
}

} // namespace

std::optional<LabelSelector> LabelSelector::parse(const QString &text, QString *error)
{
    LabelSelector selector;
    Parser parser(text);
    if (!parser.parse(&selector.m_requirements, error))
        return std::nullopt;
    return selector;
}

bool LabelSelector::matches(const QJsonObject &labels) const
{
    using Op = Requirement::Op;
    for (const Requirement &requirement : m_requirements) {
        const bool has = labels.contains(requirement.key);
        const QString value = labels.value(requirement.key).toString();
        bool ok = false;
        switch (requirement.op) {
        case Op::Exists:
            ok = has;
            break;
        case Op::DoesNotExist:
            ok = !has;
            break;
        case Op::Equals:
        case Op::In:
            ok = has && requirement.values.contains(value);
            break;
        case Op::NotEquals:
        case Op::NotIn:
            ok = !has || !requirement.values.contains(value);
            break;
        }
        if (!ok)
            return false;
    }
    return true;
}

bool LabelSelector::matchesObject(const QJsonObject &object) const
{
    if (m_requirements.isEmpty())
        return true;
    const QJsonObject metadata = object.value(QStringLiteral("metadata")).toObject();
    return matches(metadata.value(QStringLiteral("labels")).toObject());
}

QStringList FieldSelector::supportedFields(const ResourceType &type)
{
    QStringList fields {QStringLiteral("metadata.name"), QStringLiteral("metadata.namespace")};
    if (type.group.isEmpty() && type.plural == QStringLiteral("pods")) {
        fields << QStringLiteral("spec.nodeName") << QStringLiteral("spec.restartPolicy")
               << QStringLiteral("spec.schedulerName") << QStringLiteral("spec.serviceAccountName")
               << QStringLiteral("status.phase") << QStringLiteral("status.podIP");
    } else if (type.group.isEmpty() && type.plural == QStringLiteral("events")) {
        for (const char *field :
             {"kind", "namespace", "name", "uid", "apiVersion", "resourceVersion", "fieldPath"})
            fields << QStringLiteral("involvedObject.") + QLatin1String(field);
        fields << QStringLiteral("reason") << QStringLiteral("type");
    } else if (type.group.isEmpty() && type.plural == QStringLiteral("namespaces")) {
        fields << QStringLiteral("status.phase");
    } else if (type.group == QStringLiteral("apps")
               && type.plural == QStringLiteral("replicasets")) {
        fields << QStringLiteral("status.replicas");
    }
    return fields;
}

std::optional<FieldSelector> FieldSelector::parse(const QString &text, const ResourceType &type,
                                                  QString *error)
{
    FieldSelector selector;
    if (text.trimmed().isEmpty())
        return selector;
    const QStringList supported = supportedFields(type);
    for (const QString &part : text.split(u',')) {
        Requirement requirement;
        qsizetype at = part.indexOf(QStringLiteral("!="));
        qsizetype width = 2;
        if (at >= 0) {
            requirement.negated = true;
        } else if ((at = part.indexOf(QStringLiteral("=="))) >= 0) {
            width = 2;
        } else if ((at = part.indexOf(u'=')) >= 0) {
            width = 1;
        } else {
            *error
                = QStringLiteral("invalid selector: '%1'; can't understand '%2'").arg(text, part);
            return std::nullopt;
        }
        requirement.field = part.left(at).trimmed();
        requirement.value = part.mid(at + width).trimmed();
        if (!supported.contains(requirement.field)) {
            *error = QStringLiteral("field label not supported: %1").arg(requirement.field);
            return std::nullopt;
        }
        selector.m_requirements.append(requirement);
    }
    return selector;
}

bool FieldSelector::matches(const QJsonObject &object) const
{
    for (const Requirement &requirement : m_requirements) {
        const bool equal = fieldText(object, requirement.field) == requirement.value;
        if (equal == requirement.negated)
            return false;
    }
    return true;
}

} // namespace rdsim
