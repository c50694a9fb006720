"""Small text helpers shared by the format parsers and the cleaning stage."""
from __future__ import annotations

import re
import unicodedata
import zlib
from collections import Counter
from functools import lru_cache
from urllib.parse import urlsplit

import numpy as np

_PLAIN = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-"))


def squash(text: str) -> str:
    """Collapse every run of whitespace (NBSP included) to one space and strip the ends."""
    return " ".join(text.split())


def fold(text: str) -> str:
    """A comparison key: NFKC, plain quotes and dashes, collapsed spaces, case-folded."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    for fancy, plain in _PLAIN:  # str.replace is much faster than str.translate on long texts
        if fancy in text:
            text = text.replace(fancy, plain)
    return squash(text).casefold()


# Scripts written without spaces between words (Chinese, Japanese): about one word per two characters
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_UNSPACED_RUN = re.compile(_UNSPACED.pattern + "+")
# ... and the alphabets of South-East Asia written so (Thai, Lao, Myanmar, Khmer): a word per four characters
# (their vowel and tone marks included); Thai and Lao also end a sentence with a space, not a stop
_UNSPACED_LETTERS = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
_UNSTOPPED = re.compile(r"[\u0e00-\u0eff]")
UNSTOPPED_SENTENCE = 25  # words of a line in such a script that make it a sentence (a headline has fewer)


def word_count(text: str) -> int:
    """Whitespace-separated words (fast; a lone dash counts too, which no threshold here minds); text in
    a script without spaces counts a word per two characters (per four in the alphabets of South-East
    Asia), so its thresholds mean the same."""
    words = len(text.split())
    if text.isascii():
        return words
    unspaced = len(_UNSPACED.findall(text)) // 2 + len(_UNSPACED_LETTERS.findall(text)) // 4
    return words + unspaced


# ---------------------------------------------------------------- words and shingles

def content_words(text: str) -> set[str]:
    """The words of a text that say what it is about: folded words longer than three letters, and in a
    script without spaces (Chinese, Japanese) its pairs of adjacent characters."""
    folded = fold(text)
    pairs = {run[i:i + 2] for run in _UNSPACED_RUN.findall(folded) for i in range(len(run) - 1)}
    return {w for w in folded.split() if len(w) > 3 and not _UNSPACED.search(w)} | pairs


_WORD = re.compile(r"\w+")


def word_tokens(text: str) -> list[str]:
    """The folded words of a text, punctuation dropped: what "the same text" means for copies."""
    return _WORD.findall(fold(text))


def token_hashes(tokens: list[str], cache: dict[str, int] | None = None) -> np.ndarray:
    """A stable 32-bit hash (CRC-32) per word. Pass a dict shared across many texts to hash each distinct
    word once."""
    cache = {} if cache is None else cache
    for t in set(tokens).difference(cache):
        cache[t] = zlib.crc32(t.encode("utf-8"))
    return np.fromiter(map(cache.__getitem__, tokens), dtype=np.uint64, count=len(tokens))


def shingle_hashes(hashes: np.ndarray, n: int) -> np.ndarray:
    """Sorted unique 32-bit hashes of every run of n consecutive words (a polynomial over the word
    hashes, mod 2^64, folded to 32 bits: half the memory, and collisions stay negligible)."""
    if len(hashes) < n:
        return np.unique(hashes.astype(np.uint32))
    out = np.zeros(len(hashes) - n + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(n):
            out = out * np.uint64(1_000_003) + hashes[j: len(hashes) - n + 1 + j]
    return np.unique(((out >> np.uint64(32)) ^ out).astype(np.uint32))


def overlap(a: np.ndarray, b: np.ndarray) -> int:
    """How many hashes two sorted unique shingle sets share."""
    return len(np.intersect1d(a, b, assume_unique=True))


def containment(a: np.ndarray, b: np.ndarray) -> float:
    """Share of the smaller shingle set found in the other one."""
    small = min(len(a), len(b))
    return overlap(a, b) / small if small else 0.0


# ---------------------------------------------------------------- sentences

# Abbreviations that never end a sentence ("Mr. Smith", "Acme Inc. said") ...
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "vs", "etc", "vol", "fig", "al", "gen", "gov", "sen",
    "rep", "rev", "sgt", "capt", "lt", "col", "approx", "dept", "univ", "ave", "blvd", "pp", "ed", "eds", "ca",
}
# ... and those that only stay inside one when a number follows ("Jan. 5", "No. 3"): "since Jan. The" ends.
_BEFORE_NUMBER = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos",
                  "inc", "ltd", "co", "corp", "plc", "llc", "est", "op"}
# How month names start in the languages that write a day as an ordinal with a dot (German, the Nordic and
# Slavic languages): "18. Dezember", "5. mars", "3. června", "7. svibnja"
_MONTH_STARTS = {"jan", "feb", "mär", "mar", "apr", "mai", "maj", "jun", "jul", "aug", "sep", "okt", "oct", "nov",
                 "dez", "dec", "des", "led", "úno", "bře", "dub", "kvě", "čer", "srp", "zář", "říj", "lis", "pro",
                 "sij", "vel", "ožu", "tra", "svi", "lip", "kol", "ruj", "stu", "sty", "lut", "kwi", "cze",
                 "sie", "wrz", "paź", "gru"}
# A sentence ends at . ! ? or … (with closing quotes/brackets), before a space and a capital, digit,
# currency sign or opening quote. CJK full stops end a sentence with no space after them, and so do the
# stops of Indian scripts, Khmer, Myanmar and Urdu (।, ។, ။, ۔).
_BOUNDARY = re.compile(r"(?<=[.!?…])[\"”’»)\]]*\s+(?=[\"“‘«(\[]?[^\W_a-z]|[$€£¥])|(?<=[。！？])|(?<=[।॥។။۔])\s*")


def _is_abbreviation(before: str, after: str) -> bool:
    """Whether the full stop ending `before` belongs to an abbreviation rather than ending a sentence."""
    token = before.rsplit(None, 1)[-1] if before.strip() else ""
    if not token.endswith("."):
        return False
    bare = token.rstrip(".").lstrip("(\"“‘'").lower()
    if bare in _ABBREVIATIONS:
        return True
    if bare in _BEFORE_NUMBER:
        return after[:1].isdigit()
    if bare.isdigit() and len(bare) <= 2:  # a day's ordinal before its month: "am 18. Dezember", "5. listopadu"
        return after[:3].lower() in _MONTH_STARTS
    # initials and dotted abbreviations: "J.", "U.S.", "e.g.", "H.E."
    return bool(re.fullmatch(r"(?:[a-z]\.)*[a-z]", bare))


@lru_cache(maxsize=1 << 17)
def split_sentences(text: str) -> tuple[str, ...]:
    """Split prose into sentences; each keeps its own punctuation. Joining with " " restores the text.
    Cached: cleaning, dedup and tagging look at the same paragraphs several times (the cache holds the
    paragraphs of about 20,000 articles)."""
    text = squash(text)
    out, start = [], 0
    for m in _BOUNDARY.finditer(text):
        end = m.start()
        # keep closing quotes/brackets with the sentence they close
        close = re.match(r"[\"”’»)\]]*", text[end:])
        end += close.end() if close else 0
        piece = text[start:end]
        if not piece.strip() or _is_abbreviation(piece, text[m.end():m.end() + 12]):
            continue
        out.append(piece.strip())
        start = m.end()
    if text[start:].strip():
        out.append(text[start:].strip())
    return tuple(out)


# ---------------------------------------------------------------- shapes of lines

_TERMINAL = re.compile(r"[.:;,!…。！：；，、।॥។။۔]['\"“”’»)\]」』]*$")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)


def has_url(text: str) -> bool:
    return bool(_URL.search(text))


# A time alone on its line ("18:47", "9.05", "14h30"): a live blog's entry stands under one
CLOCK_ALONE = re.compile(r"^\s*(?:[01]?\d|2[0-3])[:.h][0-5]\d(?:\s*(?:[ap]\.?m\.?|h|uhr|horas?))?\s*$", re.I)
LIVE_ENTRIES = 3  # a live blog has this many entries under their times at least


def ends_sentence(text: str) -> bool:
    """True when the text ends like prose (a full stop, colon, comma...), not like a heading; in Thai or Lao,
    which end sentences without a stop, when it is a sentence's length."""
    text = text.strip()
    return bool(_TERMINAL.search(text)) or unstopped_sentence(text)


def unstopped_sentence(text: str) -> bool:
    """A line of Thai or Lao (which end sentences without a stop) a sentence's length."""
    return not text.isascii() and bool(_UNSTOPPED.search(text)) and word_count(text) >= UNSTOPPED_SENTENCE


# A copyright line: "© 2026 The Daily", "(c) 2026 ...", "Copyright ...", "All rights reserved.", "<저작권자(c) ...>"
# "all rights reserved" in the languages of most news sites (a footer's notice, never an owner's name)
RIGHTS_RESERVED = (r"all rights reserved|alle rechte vorbehalten|(?:todos los )?derechos reservados|tous droits réservés|"
                   r"tutti i diritti riservati|(?:todos os )?direitos reservados|alle rechten voorbehouden|"
                   r"(?:wszelkie|wszystkie) prawa zastrzeżone|alla rättigheter förbehållna|alle rettigheter reservert|"
                   r"alle rettigheder forbeholdes|kaikki oikeudet pidätetään|tüm hakları saklıdır|все права защищены|"
                   r"haki zote zimehifadhiwa")
# stock exchanges as listings name them: "(NASDAQ: COIN)", "(TYO: 8035)"
EXCHANGES = (r"NASDAQ|Nasdaq|NYSE|NYSEARCA|NYSE American|AMEX|OTC|OTCQX|TSX|LSE|LON|HKEX|HKG|TWSE|TPE|KRX|KOSPI|"
             r"KOSDAQ|TYO|TSE|ASX|XETRA|ETR|FRA|EPA|AMS|EBR|BIT|SIX|SWX|STO|CPH|HEL|MOEX|MCX|NSE|BSE|BVMF|B3")
COPYRIGHT = re.compile(rf"©|\(c\) \d{{4}}|\bcopyright\b|저작권자|版权所有|版權所有|著作権|無断転載|{RIGHTS_RESERVED}", re.I)


_CAPTION_LABEL = re.compile(
    r"(?:^|[.|]\s*)(?:Source|Image|Photo|Picture|Credit|Image credit|Photo credit|Chart|Graphic|Illustration|Infographic)s?\s*:\s*[^.]{1,80}\.?$"
    r"|^(?:FILE PHOTO|PHOTO|IMAGE)\b"
    r"|^(?:图片?|圖片?|照片|写真|사진)(?:来源|來源|提供)?\s*[|｜:：=]"  # "图｜...", "写真：...", "사진=..."
    r"|^(?:Featured|Cover|Header|Lead|Main) (?:image|photo|picture)s? (?:by|via|from|courtesy)\b"
    r"|^(?:Photo|Image|Picture)s? (?:by|via|courtesy of) [^.]{1,80}\.?$"
    # a picture's label in brackets ahead of its caption: "[写真]...", "【사진】...", "(Foto) ..."
    r"|^[\[【(（]\s*(?:photo|foto|image|bild|imagen|imagem|immagine|写真|画像|사진|图片|圖片|фото)\s*[\]】)）]",
    re.I,
)
# A caption's credit after its sentence: "... in January. Inés Calvo for The Meridian Review", "... Jane Roe/AFP"
_CREDITED = re.compile(r"[.!?”\"]\s+(?:[A-Z][\w'’.-]*\s){1,3}(?:for|via)\s+(?:the\s)?[A-Z][\w'’&.-]*(?:\s[A-Z][\w'’&.-]*){0,3}$"
                       r"|[.!?”\"]\s+(?:[A-Z][\w'’.-]*\s?){1,3}/\s?[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,2}$")
# "... Foto: Editpress/Ana Lima", "(Kuva: Jane Roe/Lehtikuva)": a label, a colon and a credit with a slash, in
# any language; or a slash and the credit after the caption's sentence
_CAP = "A-ZÀ-ÖØ-ÞА-ЯЁ"
_NAMES = rf"[{_CAP}][\w'’.&-]*(?:\s[{_CAP}][\w'’.&-]*){{0,3}}"
_SLASH_CREDIT = re.compile(rf"(?:^|\s|\()[{_CAP}][^\W\d_]{{2,11}}\s*:\s*{_NAMES}\s?/\s?{_NAMES}\)?$"
                           rf"|[.!?]\s+/\s?{_NAMES}$"  # "... madrileño. / ANA LIMA"
                           # "... Boise, Idaho. (Jane Roe/Getty Images)", "... 본사 전경. /사진=연합뉴스"
                           r"|[.!?]\s+\([^()\s/][^()/]{0,60}/[^()\s][^()]{1,60}\)$|[.!?]\s+/\s?[^\W\d_]{1,10}\s?[=:]\s?\S.{0,40}$"
                           # "... komen. © ANP / Koen van Weel", "... Εγκλήματος. (Φωτ.: ΕΛ.ΑΣ.)", and without the
                           # caption's full stop: "... in Palo Alto last month © Kyle Grillot/Bloomberg"
                           r"|(?:[.!?]|\w)\s+©\s?[^\W\d_][^.!?©]{1,60}$|[.!?]\s+\([^\W\d_]{2,8}\.?\s?:\s?[^()]{1,60}\)$")


# a picture's file name where the page showed the picture ("seized cash and cards.jpg"), a credit alone in
# parentheses ("(Jane Roe/AFP)", "(Jane Roe/jroe@example.com)")
_PICTURE_FILE = re.compile(r"^[^\n/]{1,120}\.(?:jpe?g|png|gif|webp|avif|tiff?)$", re.I)
_CREDIT_ALONE = re.compile(r"^\([^()\s/][^()/]{0,60}/[^()\s]{2,60}\)$"
                           # a photographer's credit on its own line, under the caption: "Inés Calvo for The Review"
                           r"|^(?:[A-Z][\w'’.-]*\s){1,3}(?:for|via)\s+(?:the\s)?[A-Z][\w'’&.-]*(?:\s[A-Z][\w'’&.-]*){0,3}$")


def credit_alone(text: str) -> bool:
    """A picture's credit on a line of its own ("(Jane Roe/AFP)", "Inés Calvo for The Meridian Review",
    "Foto: Anders Berg/TT")."""
    text = text.strip()
    return bool(_CREDIT_ALONE.match(text) or (_SLASH_CREDIT.match(text) and word_count(text) <= CREDIT_WORDS))


CREDIT_WORDS = 8


def is_caption(text: str) -> bool:
    """A picture's caption or credit ("... Source: X.", "... Jane Roe/AFP"), whose picture the dump lacks."""
    text = text.strip()
    return bool(_CAPTION_LABEL.search(text) or _CREDITED.search(text) or _SLASH_CREDIT.search(text)
                or _PICTURE_FILE.match(text) or _CREDIT_ALONE.match(text))


# The marks of letters (Devanagari's vowel signs and virama, Arabic's short vowels), which regular expressions
# take for no letters: a class to put beside [^\W\d_] ("है" is one word, not "ह")
LETTER_MARKS = "".join(chr(cp) for cp in range(0x300, 0x10000) if unicodedata.category(chr(cp)) in ("Mn", "Mc"))


def unmarked_letters(text: str) -> str:
    """The text without combining marks (Arabic's short vowels, "أيضاً" as "أيضا"), which regular
    expressions do not take for letters."""
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn")


def strip_pictographs(text: str) -> str:
    """The text without the emoji and pictographs at its ends ("🚨 Exchange halts withdrawals 📉")."""
    def symbol(ch: str) -> bool:  # (an emoji's variation selector FE0F and joiner ZWJ too; no letter's marks)
        return unicodedata.category(ch) in ("So", "Sk", "Cf") or ch.isspace() or "\ufe00" <= ch <= "\ufe0f"
    start, end = 0, len(text)
    while start < end and symbol(text[start]):
        start += 1
    while end > start and symbol(text[end - 1]):
        end -= 1
    return text[start:end]


_ROW_SEPARATOR = re.compile(r"\s[|·•/›»>]\s")
ROW_PART_WORDS = 4


SECTION_PART_WORDS = 2


def link_row(text: str) -> bool:
    """A row of short links: "Reprints | Subscribe | Share", "Politics · Economy · World", a breadcrumb
    ("Home / Economy / Monetary policy", "News › Markets › Bonds", "Technology | Semiconductors")."""
    parts = _ROW_SEPARATOR.split(text)
    return ((len(parts) >= 3 and all(word_count(p) <= ROW_PART_WORDS for p in parts))
            or (len(parts) == 2 and all(0 < word_count(p) <= SECTION_PART_WORDS for p in parts)))


QUOTE_WORDS = 6  # a market quote is a name, a price and its move
_PRICE_MOVE = re.compile(r"[▲▼△▽↑↓]|[+\-−]\s?\d[\d.,٫]*\s?[%٪]|[%٪]\s?[+\-−]?\d")


def quote_row(text: str) -> bool:
    """A ticker's quote: "BTC/USD 87.450 ▼ %1,14", "Gold 2,410.50 +0.8%": a short line with a number and
    a price move (an arrow or a percentage)."""
    return word_count(text) <= QUOTE_WORDS and bool(_PRICE_MOVE.search(text)) and any(c.isdigit() for c in text)


def looks_like_title(text: str, max_words: int = 25) -> bool:
    """A headline or subheading: short, starts with a capital/digit/symbol, no closing full stop. In a
    script without capitals (Chinese, Japanese, Arabic, Hebrew, Thai...) any letter may start one. Emoji
    around it do not count ("🚨 Exchange halts withdrawals")."""
    text = strip_pictographs(squash(text))
    n = word_count(text)
    if not text or n < 2 or n > max_words or len(text) > 200 or has_url(text):
        return False
    if text[0] in "\"“‘'«-–—•*" or text[-1] in "\"”’»":
        return False
    first = text[0]
    uncased = first.isalpha() and first.lower() == first.upper()
    if not (first.isupper() or uncased or first.isdigit() or first in "$€£¥#"):
        return False
    return not ends_sentence(text)


# ---------------------------------------------------------------- scripts

@lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return "UNKNOWN"
    first = name.split()[0]
    return "CJK" if first in {"CJK", "HIRAGANA", "KATAKANA", "HANGUL"} else first


def letter_scripts(text: str) -> Counter:
    """How many letters of each script (LATIN, ARABIC, LAO, CJK...) the text holds."""
    return Counter(_script(ch) for ch in text if ch.isalpha())


def dominant_script(text: str) -> str | None:
    """The script most letters are written in, judged from a sample of the text (start, middle, end)."""
    if len(text) > 6000:
        middle = len(text) // 2
        text = text[:2000] + text[middle - 1000:middle + 1000] + text[-2000:]
    letters = "".join(filter(str.isalpha, text))
    if letters.isascii():
        return "LATIN" if letters else None
    counts = letter_scripts(letters)
    return counts.most_common(1)[0][0] if counts else None


def foreign_share(text: str, script: str | None) -> float:
    """Share of the text's letters that are not in `script` (0 when it has no letters)."""
    counts = letter_scripts(text)
    total = sum(counts.values())
    if not total or script is None:
        return 0.0
    return 1 - counts.get(script, 0) / total


# A label over other stories' headlines or a link elsewhere: "Read more", "Related", in the languages
# most news is written in
RELATED = re.compile(r"^(?:read more|also read|read also|related|see also|recommended|more from|continue reading|"
                     r"you may also like|advertisement|sponsored|view (?:this |it )?(?:email )?in (?:your )?browser|"
                     # the same label in the languages most news is written in after English
                     r"lire aussi|à lire aussi|lire la suite|lesen sie auch|mehr zum thema|weiterlesen|lea también|"
                     r"leer más|leia também|leia mais|leggi anche|leggi di più|lees ook|lees verder|"
                     r"czytaj (?:też|także|więcej)|читайте также|читать далее|читати далі|ayrıca okuyun|"
                     r"baca (?:selengkapnya|juga)|اقرأ أيضا|اقرأ ايضا|यह भी पढ़ें|関連記事|관련기사|相关阅读|延伸阅读|延伸閱讀|相關閱讀|"
                     r"читайте також|διαβάστε (?:επίσης|ακόμη)|citește și|přečtěte si (?:také|též)|čítajte aj|"
                     r"läs också|læs også|les også|lue myös"
                     # a bare verb, only before its colon: "Read: Why the stock still fell.", "Watch: ..."
                     r"|(?:read|see|watch|listen|lesen sie|lire|leer|leia|leggi|lees)(?=\s?:))"
                     r"\b\s*[:|-]?", re.I)


def related_label(text: str) -> bool:
    """Whether a line is nothing but such a label ("Czytaj także:", "Читайте также")."""
    text = unmarked_letters(text).strip()  # (Arabic's vowel marks are no letters: "اقرأ أيضاً")
    m = RELATED.match(text)
    return bool(m) and not text[m.end():].strip(" :|-»›→")


# The label a platform or a law puts on a paid message, in the languages news channels are written in:
# "📢 AD | ...", "REKLAM | ...", "Реклама. ...", "#реклама", "Anzeige", "Sponsored:" (alone, or ahead of the
# pitch after a bar, a colon or a full stop)
_ADVERT = re.compile(r"^\W{0,4}#?(?:ad|ads|advert|advertisement|advertising|sponsored|paid partnership|anzeige|werbung|"
                     r"reklam|реклама|advertentie|publicidad|publicidade|publicité|pubblicità|reklama|広告|广告|광고|"
                     r"patrocinado|patrocinada|oferecimento|gesponsert|sponsorisé|sponsorizzato|tài trợ|quảng cáo|"
                     r"إعلان|اعلان|تبلیغات|פרסומת|iklan|โฆษณา|विज्ञापन|"
                     # "Sponsored content", "CONTENIDO PATROCINADO", "Contenu sponsorisé", "Gesponserter Inhalt"
                     r"(?:sponsored|paid|partner|branded) (?:content|post|story)|(?:contenido|conteúdo|contenuto) "
                     r"(?:patrocinado|sponsorizzato|pago)|contenu sponsorisé|gesponserter inhalt|publireportage)"
                     r"(?P<pitch>\s*[|:.–—·•]\s*\S)?(?(pitch)|\W*$)", re.I)
# "Presented by Acme", "Together with Acme", "A message from Acme" over a sponsor's block
_SPONSOR = re.compile(r"^\W{0,4}(?:presented by|brought to you by|sponsored by|together with|in partnership with|"
                      r"a (?:word|message) from)\s+\S.{0,40}$", re.I)


def advert_label(text: str, alone: bool = True) -> bool:
    """Whether a line is a paid message's label, or opens with one ahead of the pitch; with `alone`
    False, only the latter (a page's lone "Advertisement" line stands between an article's paragraphs)."""
    m = _ADVERT.match(text.strip())
    return (bool(m) and (alone or bool(m["pitch"]))) or (alone and sponsor_label(text))


def sponsor_label(text: str) -> bool:
    """Whether a line labels a sponsor's block by the sponsor's name ("A MESSAGE FROM ACME")."""
    return bool(_SPONSOR.match(text.strip()))


SITE_NAME_WORDS = 4


def site_name(line: str, url: str) -> bool:
    """Whether a short line is the name of the site at `url`, its letters those of one of the address's
    labels ("Financial Tribune" for www.financialtribune.com, "The Verge" for theverge.com)."""
    letters = "".join(ch for ch in line.casefold() if ch.isalnum())
    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").removeprefix("www.")
    return (word_count(line) <= SITE_NAME_WORDS and len(letters) >= 4
            and any(letters == label.replace("-", "") for label in host.split(".")[:-1]))


def letter_words(text: str) -> int:
    """A button's or a label's words, its numbers and marks aside ("Go deeper (2 min. read)": four)."""
    return sum(1 for word in text.split() if any(ch.isalpha() for ch in word))
