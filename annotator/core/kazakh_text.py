"""Tokenizer and sentence splitter version 2: Kazakh text cut as the UD Kazakh treebank (KTB) cuts it.

What differs from version 1 (:mod:`annotator.core.text`), each measured against the treebank's
training sentences (``tests/benchmarks/tokenizer_bench.py``):

* abbreviations keep their full stop (``ж.``, ``млн.``, ``млрд.``, ``трлн.``, ``б.з.б.``), and so do
  initials (``М. Әуезов``): one token each, dot included;
* a hyphen between two parts is a token of its own when the parts are words or numbers of their
  own (``2008-2009``, ``парсы-ағылшын``, ``1-кезеңінің``, ``ағасы-Эдуард``); a word stays whole when
  the part after the hyphen is only suffixes (``55-ші``, ``100-ге``, ``22-сіндегі``) or a particle
  (``Жасаған-ау``), and when it is a name (``Нұр-Сұлтан``, ``Брютон-стриттегі``);
* a sentence does not end inside quoted speech that the author's words go on from
  (``«Бала бере гөр!» – деді.``); after a date's or an amount's abbreviation (``ж.``, ``млн.``) it
  ends only when a word that opens sentences follows (``Ол``, ``Ал``, ``Бұл``), so
  ``1991 ж. Қазақстан …`` goes on; after a list's (``т.б.``) when a capitalised word that is not a
  month name follows.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from annotator.core.model import Token

# Abbreviations whose full stop belongs to them, by the treebank's conventions (case as written).
# CLOSING ones may end a sentence (a year, a count, a list: "2008 ж.", "5 млн.", "т.б.");
# the others come before a name or a number and never end one.
CLOSING_ABBREVIATIONS = frozenset(
    "ж жж ғ ғғ г гг млн млрд трлн б.з.б Б.з.б б.з.д Б.з.д б.з Б.з т.б т.с.с т.т".split()
)
LEADING_ABBREVIATIONS = frozenset(
    "им ул көш пр даң обл ауд акад проф доц тел т.ғ.д э.ғ.д ф.ғ.д Mr Mrs Ms Dr Prof St".split()
)
ABBREVIATIONS_V2 = CLOSING_ABBREVIATIONS | LEADING_ABBREVIATIONS

# Abbreviations of a date or an amount ("1991 ж.", "5 млн."): news text goes on after them far more
# often than it ends ("1991 ж. Қазақстан тәуелсіздік алды"), so a sentence ends after one only
# when a word that opens sentences follows (a pronoun, a conjunction, a linking adverb).
COUNTING_ABBREVIATIONS = frozenset("ж жж ғ ғғ г гг млн млрд трлн".split())
SENTENCE_OPENERS = frozenset(
    (
        "ол олар бұл бұлар осы сол мұның оның соның осының ал бірақ алайда дегенмен сондай-ақ "
        "сонымен сондықтан себебі өйткені кейін содан соңынан қазір енді мұнда онда биыл біз мен "
        "сіз сен олардың бізде әрине яғни мысалы бүгін осылайша айтпақшы тағы ия иә жоқ қалай неге "
        "кім не мұндай сондай осындай"
    ).split()
)

# Month names: after "ж." a capitalised month goes on the same sentence ("2008 ж. Қыркүйекте").
MONTHS = frozenset(
    "қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан".split()
)

# Suffixes a number takes after a hyphen (case, ordinal, possessive, plural, -ғы/-гі), in every
# variant vowel harmony and the last sound call for. A part after a hyphen made only of these
# (``ші``, ``ге``, ``сіндегі``) is the number's ending and stays on it.
NUMBER_SUFFIXES = frozenset(
    (
        "ші шы інші ыншы нші ншы "  # ordinal
        "ге ке ға қа не на е а "  # dative
        "де те да та нде нда "  # locative
        "ден тен дан тан нен нан "  # ablative
        "нің ның дің дың тің тың "  # genitive
        "ні ны ді ды ті ты н "  # accusative
        "мен бен пен менен "  # instrumental
        "сі сы і ы "  # possessive, third person
        "лар лер дар дер тар тер "  # plural
        "ғы гі қы кі "  # -ғы/-гі: of that (time, place)
        "дай дей тай тей "  # like
        "еу ау "  # collective: 2-еуі (екеуі)
        "м ң ің ың ім ым міз мыз іміз ымыз ңіз ңыз іңіз ыңыз сің "  # possessive persons
        "ін ын нде нда інде ында ден нен "  # endings after a possessive
        "лық лік дық дік тық тік "  # 24-тік, 100-дік
        "шақты"  # about
    ).split()
)
# Particles written after a hyphen that the treebank keeps on the word (a multiword token).
PARTICLES = frozenset("ау ай ей ақ ек ық ік мыс міс ғой қой ші шы да де та те ма ме ба бе па пе ше".split())

# Peoples and languages: a compound of two is made for the occasion (парсы-ағылшын, қазақ-орыс).
PEOPLES = frozenset(
    (
        "қазақ орыс ағылшын парсы неміс француз түрік араб қытай жапон корей кәріс үнді испан италян "
        "итальян ұйғыр өзбек қырғыз татар башқұрт түрікмен тәжік әзербайжан украин поляк грек латын "
        "монғол моңғол америка еуропа азия"
    ).split()
)
PEOPLES_STEMS = tuple(sorted(PEOPLES))
# Endings of a derived adjective: the left part of a compound made for the occasion
# (мемлекеттік-жекеменшік, ғылыми-зерттеу, саяси-экономикалық).
ADJECTIVE_ENDINGS = ("лық", "лік", "дық", "дік", "тық", "тік")
ARABIC_ADJECTIVE_ENDINGS = ("ми", "си", "ри", "ни", "хи")  # ғылыми, саяси, әскери, мәдени, тарихи
# A derived adjective on the right, perhaps with an ending (…-экономикалық, …-патриоттық).
_ADJECTIVE_RIGHT = re.compile(r"\w{6,}(?:лық|лік|дық|дік|тық|тік)\w{0,6}$")

# The Arabic article before a name: ас-Сауд, әл-Фараби, ад-Дин.
ARABIC_ARTICLES = frozenset("ал әл ас әс ад әд ат әт аз әз ар әр аш әш ан ән ис эль аль".split())

_WORD_CHAR = r"[^\W_]|[\u0300-\u036f\u0483-\u0489]"
_W = f"(?:{_WORD_CHAR})"
_UPPER = r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]"
_ABBR = "|".join(re.escape(a) for a in sorted(ABBREVIATIONS_V2, key=len, reverse=True))
_TOKEN_RE = re.compile(
    rf"""
    (?P<abbr>(?:{_ABBR})\.)(?!{_W})
    |(?P<initial>{_UPPER}\.)(?=\s*-?{_UPPER})                          # М. Әуезов, Н.Ә., Қ.-Ж. Тоқаев
    |(?P<dotted>(?:т\.с\.с|т\.б|т\.т|e\.g|i\.e)\.)(?!\w)
    |(?P<email>[\w.+-]+@{_W}+(?:[.-]{_W}+)*\.[a-zA-Z]{{2,}})            # info@gov.kz
    |(?P<handle>[@#](?:{_W}|_)+)                                     # @user_name, #Қазақстан
    # informburo.kz, https://www.informburo.kz/news/1
    |(?P<url>(?:https?://)?{_W}+(?:[.-]{_W}+)*\.[a-zA-Z]{{2,}}(?:/[^\s«»“”"]*[^\s«»“”".,;:!?)])?)
    |(?P<word>{_W}+(?:[-‐'’]{_W}+)*)
    |(?P<ellipsis>\.\.\.)
    |(?P<flag>[\U0001f1e6-\U0001f1ff]{{2}})
    |(?P<sym>[^\w\s](?:[\ufe0e\ufe0f\U0001f3fb-\U0001f3ff]|\u200d[^\w\s])*)
    |(?P<under>_+)
    """,
    re.VERBOSE,
)
_NUMBER_RE = re.compile(rf"\d+(?:[.,:]\d+)+(?:-{_W}+)*")  # 3,5; 1.5-ке; 10:30-да
_HYPHEN = re.compile(r"[-‐]")


@lru_cache(maxsize=4096)
def is_suffix_chain(part: str, depth: int = 3) -> bool:
    """Whether ``part`` is one to ``depth`` number suffixes in a row (``сіндегі`` = сі + нде + гі)."""
    if part in NUMBER_SUFFIXES:
        return True
    if depth <= 1:
        return False
    return any(
        part.startswith(s) and is_suffix_chain(part[len(s) :], depth - 1)
        for s in NUMBER_SUFFIXES
        if len(s) < len(part)
    )


_ROMAN = re.compile(r"[IVXLCDMХ]+")  # XX-ғасыр: a Roman numeral, often typed with Cyrillic Х


def _keeps_hyphen(left: str, right: str) -> bool:
    """Whether the hyphen between the parts ``left`` and ``right`` stays inside one token."""
    low = right.lower()
    if left[-1].isdigit() or _ROMAN.fullmatch(left):
        if right[0].isdigit():
            return False  # a range: 2008-2009
        return right.islower() and (is_suffix_chain(low) or low in PARTICLES)  # 55-ші, 100-ге, 1-ақ
    if right[0].isdigit():
        return True  # COVID-19, Ту-154
    if low in PARTICLES or len(left) == 1:
        return True  # Жасаған-ау; е-Халық
    if left.lower() in ARABIC_ARTICLES and right[0].isupper():
        return True  # ас-Сауд, әл-Фараби
    if left[0].isupper():
        return True  # a name: Нұр-Сұлтан, Брютон-стриттегі
    if right[0].isupper():
        return False  # ағасы-Эдуард
    return not is_adhoc_compound(left.lower(), low)  # ата-ана, іс-шара stay; парсы-ағылшын splits


def is_adhoc_compound(left: str, right: str) -> bool:
    """Whether ``left-right`` (lower case) is a compound made for the occasion, which the treebank
    splits at the hyphen (``парсы-ағылшын``, ``әлеуметтік-экономикалық``, ``ғылыми-зерттеу``), rather
    than a paired word the dictionary knows whole (``ата-ана``, ``азық-түлік``, ``жан-жақты``)."""
    if left in PEOPLES or right.startswith(PEOPLES_STEMS):
        return True
    if len(left) >= 7 and left.endswith(ADJECTIVE_ENDINGS):
        return True  # мемлекеттік-, ақпараттық- (not зорлық-зомбылық)
    return left.endswith(ARABIC_ADJECTIVE_ENDINGS) or _ADJECTIVE_RIGHT.match(right) is not None


def split_hyphens(word: str, start: int) -> list[Token]:
    """The tokens of a hyphenated word at ``start``: whole, or cut at the hyphens that separate words."""
    pieces = _HYPHEN.split(word)
    if len(pieces) == 1 or not all(pieces):
        return [Token(word, start, start + len(word))]
    out: list[Token] = []
    current, cur_start = pieces[0], start
    pos = start + len(pieces[0])  # the hyphen after the previous piece
    for previous, piece in pairwise(pieces):
        hyphen = word[pos - start]
        if _keeps_hyphen(previous, piece):
            current += hyphen + piece
        else:
            out.append(Token(current, cur_start, cur_start + len(current)))
            out.append(Token(hyphen, pos, pos + 1))
            current, cur_start = piece, pos + 1
        pos += 1 + len(piece)
    out.append(Token(current, cur_start, cur_start + len(current)))
    return out


def tokenize_v2(text: str) -> list[Token]:
    """Split ``text`` into tokens in the treebank's conventions; see the module's notes."""
    tokens: list[Token] = []
    pos = 0
    n = len(text)
    while pos < n:
        ch = text[pos]
        if ch.isspace():
            pos += 1
            continue
        number = _NUMBER_RE.match(text, pos) if ch.isdigit() else None
        match = _TOKEN_RE.match(text, pos)
        if number and (match is None or number.end() >= match.end()):
            end = number.end()
        elif match:
            end = match.end()
            if match.lastgroup == "word" and ("-" in match.group() or "‐" in match.group()):
                tokens.extend(split_hyphens(match.group(), pos))
                pos = end
                continue
        else:  # pragma: no cover - the pattern matches every non-space character
            end = pos + 1
        if text[pos:end] == "%":
            end = _percent_suffix_end(text, end)
        tokens.append(Token(text[pos:end], pos, end))
        pos = end
    return tokens


def _percent_suffix_end(text: str, end: int) -> int:
    """Where ``%`` ends with the case ending that follows it (``%-ке``, ``%-ға``), as KazNERD
    writes it: a number's ending stays on what it ends."""
    match = _SUFFIX_AFTER.match(text, end)
    return match.end() if match and is_suffix_chain(match.group(1).lower()) else end


_SUFFIX_AFTER = re.compile(rf"[-‐]({_W}+)")
_INITIALS = re.compile(rf"(?:{_UPPER}\.-?)*{_UPPER}")  # Н.Ә, Қ.-Ж: the word before an initial's dot
_CLOSERS = "»”\"'’)]"
_OPENERS = "«“\"'‘([—–-"
_DASHES = "—–-"
_SENTENCE_END = re.compile(r"[.!?…]+")
_STEM = re.compile(r"\w+")


def sentence_end_v2(text: str, dot_start: int, dot_end: int, limit: int) -> int | None:
    """If the punctuation at ``text[dot_start:dot_end]`` ends a sentence, return where the sentence ends."""
    end = dot_end
    while end < limit and text[end] in _CLOSERS:
        end += 1
    if end < limit and not text[end].isspace():
        return None  # informburo.kz, 3.5, "т.б.," ...
    nxt = end
    while nxt < limit and text[nxt].isspace():
        nxt += 1
    if nxt >= limit:
        return end
    following = text[nxt]
    if following in _DASHES:
        after = nxt + 1
        while after < limit and text[after].isspace():
            after += 1
        if after < limit and text[after].islower():
            return None  # «Бала бере гөр!» – деді.
    if not (following.isupper() or following.isdigit() or following in _OPENERS):
        return None
    if text[dot_start:dot_end] == ".":
        word_start = dot_start
        while word_start > 0 and not text[word_start - 1].isspace() and text[word_start - 1] not in _OPENERS:
            word_start -= 1
        word = text[word_start:dot_start]
        if word in LEADING_ABBREVIATIONS or word.lower() in LEADING_ABBREVIATIONS:
            return None
        if _INITIALS.fullmatch(word):
            return None  # initials: Н. Назарбаев, Н.Ә. Назарбаев, Қ.-Ж. Тоқаев
        if word.lower() in COUNTING_ABBREVIATIONS:
            stem = _STEM.match(text, nxt)
            if stem is None or stem.group().lower() not in SENTENCE_OPENERS:
                return None  # 1991 ж. Қазақстан тәуелсіздік алды; 5 млн. теңге
        elif word in CLOSING_ABBREVIATIONS or word.lower() in CLOSING_ABBREVIATIONS:
            stem = _STEM.match(text, nxt)
            if not following.isupper() or stem is None or len(stem.group()) < 2 or _month(stem.group()):
                return None  # 2008 ж. 5 қыркүйекте; 2008 ж. Қыркүйекте; 2008 ж. М. Әуезов
    return end


def _month(word: str) -> bool:
    low = word.lower()
    return any(low.startswith(m) for m in MONTHS)
