// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonsyntax.h"

#include <QCoreApplication>

#include <cctype>
#include <vector>

namespace {

constexpr size_t maxJsonDepth = 1024; // simdjson's default depth limit

class Checker
{
public:
    Checker(const char *data, qsizetype size) :
        m_data(reinterpret_cast<const unsigned char *>(data)), m_size(size)
    { }

    std::optional<JsonSyntaxError> run();

private:
    enum class Problem {
        EmptyInput,
        UnexpectedEnd,
        UnexpectedCharacter,
        ExpectedKey,
        ExpectedColon,
        ExpectedObjectSeparator,
        ExpectedArraySeparator,
        InvalidEscape,
        UnterminatedString,
        ControlCharacter,
        InvalidNumber,
        InvalidLiteral,
        TrailingCharacters,
        InvalidUtf8,
        TooDeep,
    };

    bool atEnd() const { return m_pos >= m_size; }
    unsigned char peek() const { return m_data[m_pos]; }
    void skipWhitespace();
    bool fail(Problem problem);
    bool fail(Problem problem, qsizetype offset);
    bool scanString();
    bool scanNumber();
    bool scanLiteral(const char *word);
    bool scanUtf8();
    bool expectKey();
    bool value(bool *opened);
    bool open(unsigned char bracket, bool *opened);
    bool toNextValue();
    QString describe(Problem problem, qsizetype offset) const;

    const unsigned char *m_data;
    qsizetype m_size;
    qsizetype m_pos = 0;
    std::vector<char> m_stack; // the open '{' and '[', innermost last
    std::optional<JsonSyntaxError> m_error;
};

void Checker::skipWhitespace()
{
    while (!atEnd()) {
        const unsigned char c = peek();
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            return;
        ++m_pos;
    }
}

bool Checker::fail(Problem problem)
{
    if (atEnd() && problem != Problem::EmptyInput && problem != Problem::UnterminatedString)
        problem = Problem::UnexpectedEnd;
    return fail(problem, m_pos);
}

bool Checker::fail(Problem problem, qsizetype offset)
{
    m_error = JsonSyntaxError {offset, describe(problem, offset)};
    return false;
}

QString Checker::describe(Problem problem, qsizetype offset) const
{
    const char *context = "JsonSyntax";
    switch (problem) {
    case Problem::EmptyInput:
        return QCoreApplication::translate(context, "empty input");
    case Problem::UnexpectedEnd:
        return QCoreApplication::translate(context, "unexpected end of input");
    case Problem::UnexpectedCharacter: {
        const unsigned char c = m_data[offset];
        if (c >= 0x20 && c < 0x7f) {
            return QCoreApplication::translate(context, "unexpected character '%1'")
                .arg(QLatin1Char(char(c)));
        }
        return QCoreApplication::translate(context, "unexpected byte 0x%1")
            .arg(uint(c), 2, 16, QLatin1Char('0'));
    }
    case Problem::ExpectedKey:
        return QCoreApplication::translate(context, "expected a string key");
    case Problem::ExpectedColon:
        return QCoreApplication::translate(context, "expected ':' after an object key");
    case Problem::ExpectedObjectSeparator:
        return QCoreApplication::translate(context, "expected ',' or '}' after an object member");
    case Problem::ExpectedArraySeparator:
        return QCoreApplication::translate(context, "expected ',' or ']' after an array element");
    case Problem::InvalidEscape:
        return QCoreApplication::translate(context, "invalid escape sequence in a string");
    case Problem::UnterminatedString:
        return QCoreApplication::translate(context, "unterminated string");
    case Problem::ControlCharacter:
        return QCoreApplication::translate(context, "unescaped control character in a string");
    case Problem::InvalidNumber:
        return QCoreApplication::translate(context, "invalid number");
    case Problem::InvalidLiteral:
        return QCoreApplication::translate(context, "invalid literal");
    case Problem::TrailingCharacters:
        return QCoreApplication::translate(context, "trailing characters after the JSON value");
    case Problem::InvalidUtf8:
        return QCoreApplication::translate(context, "invalid UTF-8");
    case Problem::TooDeep:
        return QCoreApplication::translate(context, "nesting deeper than %1 levels")
            .arg(maxJsonDepth);
    }
    return QString();
}

bool Checker::scanUtf8()
{
    // One multi-byte sequence starting at m_pos (RFC 3629: no overlongs, no surrogates).
    const qsizetype start = m_pos;
    const unsigned char c = m_data[m_pos];
    int length;
    unsigned char low = 0x80, high = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) {
        length = 2;
    } else if (c >= 0xe0 && c <= 0xef) {
        length = 3;
        if (c == 0xe0)
            low = 0xa0;
        else if (c == 0xed)
            high = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
        length = 4;
        if (c == 0xf0)
            low = 0x90;
        else if (c == 0xf4)
            high = 0x8f;
    } else {
        return fail(Problem::InvalidUtf8, start);
    }
    for (int i = 1; i < length; ++i) {
        if (start + i >= m_size)
            return fail(Problem::UnterminatedString, start + i);
        const unsigned char next = m_data[start + i];
        const unsigned char min = i == 1 ? low : 0x80;
        const unsigned char max = i == 1 ? high : 0xbf;
        if (next < min || next > max)
            return fail(Problem::InvalidUtf8, start);
    }
    m_pos = start + length;
    return true;
}

bool Checker::scanString()
{
    ++m_pos; // opening quote
    while (true) {
        if (atEnd())
            return fail(Problem::UnterminatedString);
        const unsigned char c = peek();
        if (c == '"') {
            ++m_pos;
            return true;
        }
        if (c < 0x20)
            return fail(Problem::ControlCharacter);
        if (c >= 0x80) {
            if (!scanUtf8())
                return false;
            continue;
        }
        if (c != '\\') {
            ++m_pos;
            continue;
        }
        const qsizetype escape = m_pos;
        ++m_pos;
        if (atEnd())
            return fail(Problem::UnterminatedString);
        const unsigned char e = peek();
        if (e == 'u') {
            for (int i = 1; i <= 4; ++i) {
                if (m_pos + i >= m_size)
                    return fail(Problem::UnterminatedString, m_size);
                if (!isxdigit(m_data[m_pos + i]))
                    return fail(Problem::InvalidEscape, escape);
            }
            m_pos += 5;
        } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r'
                   || e == 't') {
            ++m_pos;
        } else {
            return fail(Problem::InvalidEscape, escape);
        }
    }
}

bool Checker::scanNumber()
{
    const auto digit = [this] { return !atEnd() && peek() >= '0' && peek() <= '9'; };
    if (peek() == '-')
        ++m_pos;
    if (!digit())
        return fail(Problem::InvalidNumber);
    if (peek() == '0') {
        ++m_pos;
        if (digit())
            return fail(Problem::InvalidNumber);
    } else {
        while (digit())
            ++m_pos;
    }
    if (!atEnd() && peek() == '.') {
        ++m_pos;
        if (!digit())
            return fail(Problem::InvalidNumber);
        while (digit())
            ++m_pos;
    }
    if (!atEnd() && (peek() == 'e' || peek() == 'E')) {
        ++m_pos;
        if (!atEnd() && (peek() == '+' || peek() == '-'))
            ++m_pos;
        if (!digit())
            return fail(Problem::InvalidNumber);
        while (digit())
            ++m_pos;
    }
    return true;
}

bool Checker::scanLiteral(const char *word)
{
    const qsizetype start = m_pos;
    for (const char *w = word; *w; ++w) {
        if (atEnd() || peek() != static_cast<unsigned char>(*w))
            return fail(atEnd() ? Problem::UnexpectedEnd : Problem::InvalidLiteral, start);
        ++m_pos;
    }
    return true;
}

bool Checker::expectKey()
{
    if (atEnd() || peek() != '"')
        return fail(Problem::ExpectedKey);
    if (!scanString())
        return false;
    skipWhitespace();
    if (atEnd() || peek() != ':')
        return fail(Problem::ExpectedColon);
    ++m_pos;
    skipWhitespace();
    return true;
}

// A value starts here. *opened is set when it opened a non-empty object or array, whose
// first value comes next.
bool Checker::value(bool *opened)
{
    if (atEnd())
        return fail(Problem::UnexpectedEnd);
    const unsigned char c = peek();
    if (c == '{' || c == '[')
        return open(c, opened);
    if (c == '"')
        return scanString();
    if (c == '-' || (c >= '0' && c <= '9'))
        return scanNumber();
    if (c == 't')
        return scanLiteral("true");
    if (c == 'f')
        return scanLiteral("false");
    if (c == 'n')
        return scanLiteral("null");
    return fail(Problem::UnexpectedCharacter);
}

bool Checker::open(unsigned char bracket, bool *opened)
{
    if (m_stack.size() >= maxJsonDepth)
        return fail(Problem::TooDeep);
    m_stack.push_back(char(bracket));
    ++m_pos;
    skipWhitespace();
    if (!atEnd() && peek() == (bracket == '{' ? '}' : ']')) {
        ++m_pos;
        m_stack.pop_back();
        return true;
    }
    *opened = true;
    return bracket != '{' || expectKey();
}

// After a value: close containers or move to the next member. False when the input is
// over, well formed or not (m_error tells), or on an error.
bool Checker::toNextValue()
{
    while (true) {
        skipWhitespace();
        if (m_stack.empty()) {
            if (!atEnd())
                fail(Problem::TrailingCharacters);
            return false;
        }
        const bool inObject = m_stack.back() == '{';
        if (atEnd())
            return fail(Problem::UnexpectedEnd);
        const unsigned char next = peek();
        if (next == ',') {
            ++m_pos;
            skipWhitespace();
            return !inObject || expectKey();
        }
        if (next == (inObject ? '}' : ']')) {
            ++m_pos;
            m_stack.pop_back();
            continue;
        }
        return fail(inObject ? Problem::ExpectedObjectSeparator : Problem::ExpectedArraySeparator);
    }
}

std::optional<JsonSyntaxError> Checker::run()
{
    skipWhitespace();
    if (atEnd()) {
        fail(Problem::EmptyInput);
        return m_error;
    }
    while (true) {
        bool opened = false;
        if (!value(&opened))
            return m_error;
        if (!opened && !toNextValue())
            return m_error;
    }
}

} // namespace

std::optional<JsonSyntaxError> findJsonSyntaxError(const char *data, qsizetype size)
{
    return Checker(data, size).run();
}
