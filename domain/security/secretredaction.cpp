// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretredaction.h"

#include <QList>
#include <QRegularExpression>

#include <algorithm>
#include <mutex>

namespace {

constexpr qsizetype MinRememberedLength = 6;
constexpr qsizetype MaxRemembered = 256;

std::mutex g_mutex;
QList<QString> g_secrets; // oldest first

struct Shape
{
    QRegularExpression pattern;
    QString replacement;
};

// Per thread: a QRegularExpression is reentrant, not documented thread-safe.
const QList<Shape> &shapes()
{
    using RE = QRegularExpression;
    const auto nocase = RE::CaseInsensitiveOption;
    thread_local const QList<Shape> list {
        // A private key, whole or cut off at the end of the text.
        {RE(QStringLiteral("-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----.*?"
                           "(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)"),
            RE::DotMatchesEverythingOption),
         QStringLiteral("[private key redacted]")},
        // user:password@ (or a token as user) in any URL.
        {RE(QStringLiteral("\\b([a-z][a-z0-9+.-]*://)[^/\\s@]+@"), nocase),
         QStringLiteral("\\1[redacted]@")},
        {RE(QStringLiteral("\\b(Bearer|Basic)\\s+[A-Za-z0-9._~+/=-]{6,}"), nocase),
         QStringLiteral("\\1 [redacted]")},
        // JSON Web Tokens: service account tokens, OIDC id tokens.
        {RE(QStringLiteral("\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*")),
         QStringLiteral("[redacted]")},
        // Prefixes that only tokens have: GitHub, GitLab, Slack, AWS access keys, Google
        // OAuth access tokens.
        {RE(QStringLiteral("\\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}"
                           "|glpat-[A-Za-z0-9_-]{16,}|xox[abprs]-[A-Za-z0-9-]{10,}"
                           "|AKIA[0-9A-Z]{16}|ya29\\.[A-Za-z0-9_-]{20,})")),
         QStringLiteral("[redacted]")},
    };
    return list;
}

// name=value, name: value, "name": "value" where the name says it is secret.
const QRegularExpression &namedValue()
{
    thread_local const QRegularExpression pattern(
        // Names start at a word boundary and are bounded, so a long run of letters costs
        // linear time, not quadratic (hostile bodies and plugin output reach here).
        QStringLiteral("((?<![A-Za-z0-9_.-])(?:\"|')?[A-Za-z0-9_.-]{0,40}(?:token|secret"
                       "|passw(?:or)?d|pwd|credential|api[_-]?key|private[_-]?key|access[_-]?key"
                       "|authorization|cookie)[A-Za-z0-9_.-]{0,40}(?:\"|')?\\s*[:=]\\s*)(\"|')?(?!"
                       "\\[redacted\\]|(?:Bearer|Basic)\\s)"
                       "[^\\s\"',;&}]+"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern;
}

QString replaceRemembered(QString text)
{
    QList<QString> secrets;
    {
        std::lock_guard lock(g_mutex);
        secrets = g_secrets;
    }
    // Longest first, so a secret that contains another is replaced whole.
    std::stable_sort(secrets.begin(), secrets.end(),
                     [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (const QString &secret : secrets)
        text.replace(secret, SecretRedaction::marker);
    return text;
}

} // namespace

void SecretRedaction::remember(const QString &secret)
{
    if (secret.size() < MinRememberedLength)
        return;
    std::lock_guard lock(g_mutex);
    if (g_secrets.contains(secret))
        return;
    if (g_secrets.size() >= MaxRemembered)
        g_secrets.removeFirst();
    g_secrets.append(secret);
}

void SecretRedaction::rememberAuthorization(const QByteArray &headerValue)
{
    const qsizetype space = headerValue.indexOf(' ');
    const QByteArray credential = headerValue.mid(space + 1).trimmed();
    remember(QString::fromUtf8(credential));
    if (headerValue.left(space).compare("Basic", Qt::CaseInsensitive) == 0) {
        const QByteArray pair = QByteArray::fromBase64(credential);
        remember(QString::fromUtf8(pair.mid(pair.indexOf(':') + 1)));
    }
}

void SecretRedaction::forgetAll()
{
    std::lock_guard lock(g_mutex);
    g_secrets.clear();
}

QString SecretRedaction::redact(const QString &text)
{
    QString result = replaceRemembered(text);
    for (const Shape &shape : shapes())
        result.replace(shape.pattern, shape.replacement);
    return result;
}

QString SecretRedaction::redactForeign(const QString &text)
{
    QString result = redact(text);
    result.replace(namedValue(), QStringLiteral("\\1\\2[redacted]"));
    return result;
}

QString SecretRedaction::url(const QString &text)
{
    const qsizetype at = text.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return redact(text);
    const qsizetype scheme = text.indexOf(QStringLiteral("://"));
    const qsizetype start = scheme >= 0 && scheme < at ? scheme + 3 : 0;
    return redact(text.left(start) + marker + text.mid(at));
}
