// SPDX-License-Identifier: GPL-3.0-or-later
#include "flaggerquerytemplate.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace {

// A template variable's value by key, as Go's map lookup with missingkey=error.
bool variableValue(const FlaggerQueryModel &model, const QString &key, QString *out, QString *error)
{
    if (!model.variables.contains(key)) {
        *error = QCoreApplication::translate("FlaggerQueryTemplate",
                                             "map has no entry for key \"%1\" (templateVariables)")
                     .arg(key);
        return false;
    }
    *out = model.variables.value(key);
    return true;
}

// One action's text, without its braces and trim markers.
bool evaluate(const QString &action, const FlaggerQueryModel &model, QString *out, QString *error)
{
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    static const QRegularExpression field(QStringLiteral("^variables\\.([A-Za-z0-9_]+)$"));
    static const QRegularExpression index(
        QStringLiteral("^index\\s+variables\\s+\"([^\"\\\\]*)\"$"));
    const QString text = action.trimmed();
    if (text.startsWith(QLatin1String("/*")) && text.endsWith(QLatin1String("*/"))) {
        out->clear();
        return true;
    }
    if (const QRegularExpressionMatch m = field.match(text); m.hasMatch())
        return variableValue(model, m.captured(1), out, error);
    if (const QRegularExpressionMatch m = index.match(text); m.hasMatch())
        return variableValue(model, m.captured(1), out, error);
    const std::initializer_list<std::pair<const char *, const QString *>> functions {
        {"name", &model.name},        {"namespace", &model.namespaceName},
        {"target", &model.target},    {"service", &model.service},
        {"ingress", &model.ingress},  {"route", &model.route},
        {"interval", &model.interval}};
    for (const auto &[name, value] : functions) {
        if (text == QLatin1String(name)) {
            *out = *value;
            return true;
        }
    }
    const QString first = text.section(QRegularExpression(QStringLiteral("[\\s.(|]")), 0, 0);
    if (identifier.match(first).hasMatch() && first != QLatin1String("variables")
        && first != QLatin1String("index"))
        *error
            = QCoreApplication::translate("FlaggerQueryTemplate", "function \"%1\" is not defined")
                  .arg(first);
    else
        *error = QCoreApplication::translate(
                     "FlaggerQueryTemplate",
                     "\"{{ %1 }}\" is more than the dashboard renders (a function of the "
                     "canary or a template variable)")
                     .arg(text);
    return false;
}

} // namespace

namespace FlaggerQueryTemplate {

bool render(const QString &query, const FlaggerQueryModel &model, QString *out, QString *error)
{
    QString result;
    qsizetype position = 0;
    while (true) {
        const qsizetype open = query.indexOf(QLatin1String("{{"), position);
        if (open < 0) {
            result += query.mid(position);
            break;
        }
        const qsizetype close = query.indexOf(QLatin1String("}}"), open + 2);
        if (close < 0) {
            *error = QCoreApplication::translate("FlaggerQueryTemplate",
                                                 "unclosed action: \"{{\" without \"}}\"");
            return false;
        }
        QString action = query.mid(open + 2, close - open - 2);
        QString before = query.mid(position, open - position);
        // Go's trim markers: "{{- " and " -}}" remove the white space beside the action.
        if (action.startsWith(QLatin1String("- "))) {
            action = action.mid(2);
            while (!before.isEmpty() && before.back().isSpace())
                before.chop(1);
        }
        qsizetype next = close + 2;
        if (action.endsWith(QLatin1String(" -"))) {
            action.chop(2);
            while (next < query.size() && query.at(next).isSpace())
                ++next;
        }
        QString value;
        if (!evaluate(action, model, &value, error))
            return false;
        result += before + value;
        position = next;
    }
    *out = result;
    return true;
}

} // namespace FlaggerQueryTemplate
