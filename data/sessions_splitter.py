"""Statement splitting for make_sessions.py: a line-for-line port of the library's rule
(src/AttackClassifier/Normalization/StatementSplitter.cs and ShellDialects.Detect in ShellDialect.cs), so that the
`statement` column of the session corpus is exactly what the library produces from the `command` column.
SessionCorpusTests re-derives every statement with the C# splitter; a drift between the two fails there.

Standard library only.
"""

POSIX, CMD, POWERSHELL = "posix", "cmd", "powershell"

# Stack contexts (StatementSplitter.Context).
SINGLE, ANSIC, DOUBLE, SUBST, PAREN, BACKTICK, BRACE, HERE_SINGLE, HERE_DOUBLE = range(9)
_CODE = (SUBST, PAREN, BRACE)


def _is_space(c):
    # char.IsWhiteSpace for the characters this corpus uses.
    return c in " \t\n\r\v\f\u00a0"


def split(text, dialect):
    """The statements of `text`: trimmed, non-empty, in order (StatementSplitter.Split)."""
    pieces = []
    stack = []
    piece_start = 0
    i = 0
    n = len(text)

    def close(end, nxt):
        nonlocal piece_start
        a, b = piece_start, end
        while a < b and _is_space(text[a]):
            a += 1
        while b > a and _is_space(text[b - 1]):
            b -= 1
        if b > a:
            pieces.append(text[a:b])
        piece_start = nxt

    while i < n:
        c = text[i]
        nx = text[i + 1] if i + 1 < n else "\0"
        if stack and stack[-1] not in _CODE:
            i = _step_inside_string(text, i, stack, dialect)
            continue
        if _is_escape(c, dialect):
            i += 2
            continue
        after = _try_open(text, i, dialect, stack)
        if after is not None:
            i = after
            continue
        if stack:
            top = stack[-1]
            if top in (SUBST, PAREN) and c == "(":
                stack.append(PAREN)
            elif top in (SUBST, PAREN) and c == ")":
                stack.pop()
            elif top == BRACE and c == "}":
                stack.pop()
            i += 1
            continue
        prev = text[i - 1] if i > 0 else "\0"
        width = 0
        if c == "\n":
            width = 1
        elif c == ";" and dialect != CMD:
            width = 1
        elif c == "&" and nx == "&":
            width = 2
        elif c == "&" and dialect != POWERSHELL and prev not in "><" and nx != ">":
            width = 1
        elif c == "|" and nx == "|":
            width = 2
        elif c == "|" and prev != ">":
            width = 2 if nx == "&" and dialect == POSIX else 1
        if width == 0:
            i += 1
            continue
        close(i, i + width)
        i += width
    close(n, n)
    return pieces


def _is_escape(c, dialect):
    if dialect == POSIX:
        return c == "\\"
    if dialect == CMD:
        return c == "^"
    return c == "`"


def _try_open(text, i, dialect, stack):
    c = text[i]
    nx = text[i + 1] if i + 1 < len(text) else "\0"
    if c == '"':
        stack.append(DOUBLE)
        return i + 1
    if dialect == CMD:
        return None
    if c == "@" and nx in "'\"":
        newline = _here_string_line_end(text, i + 2)
        if newline is not None:
            stack.append(HERE_SINGLE if nx == "'" else HERE_DOUBLE)
            return newline
    if c == "'":
        stack.append(SINGLE)
        return i + 1
    if dialect == POSIX:
        if c == "$" and nx == "'":
            stack.append(ANSIC)
            return i + 2
        if c == "`":
            stack.append(BACKTICK)
            return i + 1
        if c in "$<>" and nx == "(":
            stack.append(SUBST)
            return i + 2
    elif c in "$@" and nx == "(":
        stack.append(SUBST)
        return i + 2
    if c == "$" and nx == "{":
        stack.append(BRACE)
        return i + 2
    return None


def _here_string_line_end(text, start):
    k = start
    while k < len(text) and text[k] in " \t":
        k += 1
    if k < len(text) and text[k] == "\r":
        k += 1
    return k if k < len(text) and text[k] == "\n" else None


def _step_inside_string(text, i, stack, dialect):
    c = text[i]
    nx = text[i + 1] if i + 1 < len(text) else "\0"
    top = stack[-1]
    if top == SINGLE:
        if c == "'":
            stack.pop()
        return i + 1
    if top in (ANSIC, BACKTICK):
        if c == "\\":
            return i + 2
        if c == ("'" if top == ANSIC else "`"):
            stack.pop()
        return i + 1
    if top in (HERE_SINGLE, HERE_DOUBLE):
        quote = "'" if top == HERE_SINGLE else '"'
        if c == "\n" and nx == quote and i + 2 < len(text) and text[i + 2] == "@":
            stack.pop()
            return i + 3
        return i + 1
    # DOUBLE
    if c == '"':
        stack.pop()
        return i + 1
    if dialect == CMD:
        return i + 1
    if dialect == POSIX:
        if c == "\\":
            return i + 2
        if c == "`":
            stack.append(BACKTICK)
            return i + 1
        if c == "$" and nx == "(":
            stack.append(SUBST)
            return i + 2
        if c == "$" and nx == "{":
            stack.append(BRACE)
            return i + 2
        return i + 1
    if c == "`":
        return i + 2
    if c == "$" and nx == "(":
        stack.append(SUBST)
        return i + 2
    return i + 1


def detect(text):
    """The dialect of a command line, from its first word (ShellDialects.Detect)."""
    rest = text.lstrip(" \t\n\r\v\f\u00a0")
    if rest.startswith('"'):
        close = rest.find('"', 1)
        word = rest[1:] if close < 0 else rest[1:close]
    else:
        end = 0
        while end < len(rest) and not _is_space(rest[end]):
            end += 1
        word = rest[:end]
    if not word:
        return POSIX
    name = _base_name(word).lower()
    if name in ("cmd", "cmd.exe"):
        return CMD
    if _is_powershell_program(word) or _looks_like_powershell(word, rest[len(word):]):
        return POWERSHELL
    if _is_windows_path_start(word) or name.endswith((".exe", ".bat", ".cmd", ".com")):
        return CMD
    return POSIX


def _base_name(word):
    return word[max(word.rfind("\\"), word.rfind("/")) + 1:]


def _is_powershell_program(word):
    name = _base_name(word).lower()
    if name.endswith(".exe"):
        name = name[:-4]
    return name in ("powershell", "pwsh", "powershell_ise")


def _is_ascii_letter(c):
    return ("a" <= c <= "z") or ("A" <= c <= "Z")


def _is_windows_path_start(s):
    if len(s) >= 3 and _is_ascii_letter(s[0]) and s[1] == ":" and s[2] in "\\/":
        return True
    if s.startswith("\\\\"):
        return True
    if len(s) < 3 or s[0] != "%":
        return False
    k = 1
    while k < len(s) and s[k] not in "%\"'" and not _is_space(s[k]):
        k += 1
    return k > 1 and k + 1 < len(s) and s[k] == "%" and s[k + 1] == "\\"


def _looks_like_powershell(word, after):
    if word == "&":
        return True
    if word[0] == "[":
        return len(word) > 2 and _is_ascii_letter(word[1]) and "]" in word
    if word[0] == "$":
        low = word.lower()
        if low.startswith("$env:") or low.startswith("${env:"):
            return True
        eq = word.find("=")
        if eq > 1:
            return eq + 1 == len(word) or word[eq + 1] != "="
        after = after.lstrip(" \t\n\r\v\f\u00a0")
        return len(word) > 1 and after.startswith("=") and not after.startswith("==")
    dash = word.find("-")
    if dash <= 0 or dash == len(word) - 1:
        return False
    capital = False
    for k, ch in enumerate(word):
        if k == dash:
            continue
        if not _is_ascii_letter(ch):
            return False
        capital = capital or ("A" <= ch <= "Z")
    return capital


def statements(command):
    """The statements the library splits `command` into, with the dialect it detects."""
    return split(command, detect(command))
