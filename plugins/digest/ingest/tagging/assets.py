"""Assets a story is about: found by precise mentions, kept by how much the story is about them.

Mentions: taxonomy names and aliases (whole words), cashtags ($ETH), tickers in parentheses ((XRP),
(NASDAQ: NVDA)), trading pairs (SOL/USDT), and bare tickers of three or more capitals that are not words.
A name that is also an everyday word ("Apple", "ether") counts only in a sentence about companies or
crypto, or one that reports its price move ("Ether gained 2%"), or in a story where such a sentence names
it ("Apple delays its hub" above "Apple shares were little changed"); a ticker that is a word (SOL, LINK, NEAR)
only in ticker syntax; "$100" is never a ticker.
A ticker the taxonomy lacks is still found when a story names it explicitly: "Lumora Finance (LMRA)",
"$BMNR", "(NYSE: XYZ)" (not acronyms such as "Federal Communications Commission (FCC)").

Salience: every mention weighs by where it stands (title 3, lede or subheading 2, body 1), more when
the story introduces the company by its full name ("Canaan Inc"), reports its price move ("AMD climbed
1.7%") or its own news, the name heading the sentence ("Micron said it raised its guidance"), less when the name only describes something else ("Apple Store", "Robinhood-style", "former
Facebook executive"), stands in a list of examples ("such as X, Y and Z") or of three or more names, is
an amount ("96,184 BTC") or someone's quoted words. An asset is tagged when its weight reaches MIN_SCORE
and a small share of the story's main asset's weight, and it is more than one plain mention deep in the
body: passing mentions beside the story's subject are left out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Article
from ..text import EXCHANGES, split_sentences
from .taxonomy import Asset, Taxonomy

WHERE = {"title": 3.0, "lede": 2.0, "heading": 2.0, "body": 1.0}
FULL_NAME = 1.5       # "Canaan Inc", "Honda Motor Co.": the story introduces the company
PRICE_MOVE = 2.0      # "AMD climbed 1.7%": a statement about the asset itself
DESCRIPTOR = 0.25     # "Apple Store", "Tesla founder", "Tron-based": the name describes something else
OWN_NEWS = 1.5        # "Nvidia said in a filing...", "Micron raised its forecast": its own news, it the subject
PASSING = 0.5         # a list of examples or of three or more names, an amount, a quotation
MIN_SCORE = 1.0
MIN_FOUND = 2.0       # a ticker the taxonomy lacks needs more than one passing mention
RELATIVE = 0.08       # share of the main asset's score an asset needs
LEDE_SENTENCES = 2
SHOUTED_LETTERS = 12  # capital letters that make a sentence without small ones a shouted one

_CASHTAG = re.compile(r"(?<![\w$])\$([A-Za-z][A-Za-z0-9]{1,9})(?![\w])")
# a listing outside the US under the suffix quote services give it: "(TYO: 8035)" is 8035.T
_SUFFIX_OF = {"LSE": "L", "LON": "L", "HKEX": "HK", "HKG": "HK", "TWSE": "TW", "TPE": "TW", "KRX": "KS", "KOSPI": "KS",
              "KOSDAQ": "KQ", "TYO": "T", "TSE": "T", "ASX": "AX", "XETRA": "DE", "ETR": "DE", "FRA": "DE", "EPA": "PA",
              "AMS": "AS", "EBR": "BR", "BIT": "MI", "SIX": "SW", "SWX": "SW", "STO": "ST", "CPH": "CO", "HEL": "HE",
              "MOEX": "ME", "MCX": "ME", "NSE": "NS", "BSE": "BO", "BVMF": "SA", "B3": "SA", "TSX": "TO"}
_PAREN = re.compile(rf"[(（](?:(?P<ex>{EXCHANGES})\s*:\s*)?(?P<sym>[A-Z][A-Z0-9]{{1,9}}(?:\.[A-Z]{{1,2}})?|"
                    rf"\d{{4,6}}(?:\.[A-Z]{{1,2}})?)[)）]")
_PAIR = re.compile(r"(?<![\w$])([A-Z][A-Z0-9]{1,9})\s?[/-]\s?(USDT|USDC|USD|BTC|ETH|EUR)\b")
_BARE = re.compile(r"(?<![\w$])[A-Z][A-Z0-9]{2,9}(?![\w])")
_COIN_AFTER = re.compile(r"\s+(?:tokens?|coins?)\b")
# "Canaan Inc", "Honda Motor Co.", "Ebang International Holdings": the company's full name
_SUFFIX = re.compile(r"^(?:\s+[A-Z][\w&-]*){0,2},?\s+(?:Inc|Corp|Corporation|Co|Ltd|Limited|Holdings|Group|Plc|"
                     r"PLC|SE|AG|NV|SA|LLC)\b")
# "Apple Store", "Nvidia H800", "Apple's iPhone", "Tron-based": the name describes something else
_DESCRIBED = re.compile(r"^(?:['’]s)?\s+(?:[A-Z][\w-]+|i[A-Z])|^-[a-z]")
# "trading volume on Coinbase", "wallets on Tron and Ethereum": a venue
_VENUE = re.compile(r"\b(?i:on|via|through)\s+(?:[A-Z][\w.-]*(?:,\s*|\s+(?:and|or)\s+))*$")
_ROLE = re.compile(r"^['’]?s?\s+(?:founder|co-founder|executive|employee|engineer|veteran|alum\w*|chief|"
                   r"CEO|board|spokesperson|store|app|ecosystem)\b", re.I)
_FORMER = re.compile(r"\b(?:former|ex-)\s*$", re.I)
_EXAMPLES = re.compile(r"\b(?:such as|including|like|e\.g\.|for example|for instance|among them|as well as)\b",
                       re.I)
_NAME = r"[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*)*"
_LIST3 = re.compile(rf"{_NAME},\s+(?:[\w-]+\s+){{0,2}}{_NAME},?\s+(?:and|or)\s+(?:[\w-]+\s+){{0,2}}{_NAME}")
# "AMD climbed 1.7%", "USDC and USDe, which declined by 2.6%", "ETH traded at $3,120", "Ether ($ETH) fared
# worse, losing 5.1%": the asset's own price move
_MOVE = re.compile(r"^\)?(?:['’]s)?(?:\s*[(（][^()（）]{1,30}[)）])?(?:,\s[^,.;]{1,80},)?,?(?P<gap>(?:\s+[\w.’'$-]+,?){0,3}?)\s+(?P<verb>rose|fell|climbed|dropped|gained|jumped|slid|"
                   r"declined|surged|plunged|tumbled|rallied|lost|added|sank|soared|slipped|edged|was up|was down|"
                   r"rises|falls|climbs|drops|gains|jumps|slides|surges|plunges|traded|trades|trading|hit|hits|"
                   r"rising|falling|climbing|dropping|gaining|jumping|sliding|declining|surging|plunging|tumbling|"
                   r"rallying|losing|adding|sinking|soaring|slipping|edging|(?:up|down|higher|lower)(?!\s+(?:to|than)\b)|"
                   r"reached|touched|topped|briefly|(?:is|was) (?:up|down|trading|changing hands)|"
                   # the same in the languages most news is written in after English
                   r"stieg|stiegen|fiel|fielen|verlor|verloren|gewann|gewannen|legte|legten|sank|sanken|"
                   r"subió|subieron|cayó|cayeron|bajó|ganó|perdió|avanzó|retrocedió|se disparó|"
                   r"grimpe|chute|recule|progresse|perd|gagne|bondit|"
                   r"subiu|caiu|recuou|avançou|saltou|sale|scende|guadagna|cede|"
                   r"вырос|выросла|выросли|упал|упала|упали|подорожал|подешевел|подешевела|снизился|снизилась|"
                   r"прибавил|потерял|потеряла)\b"
                   r"[^.;]{0,25}?(?:\d[\d.,]*\s?(?:%|prozent|por ciento|pour cent|per cent|percent)|\$\s?\d)",
                   re.I)
_RELATIVE = (["which"], ["that"], ["who"], ["whose", "shares"])  # "X, which fell 2%": X's move


def _moves(after: str) -> bool:
    """Whether the words after a name report its price move. A finite verb right past a comma has another
    subject: in "Franklin, which plans a bitcoin fund, rose 4%" Franklin rose, not bitcoin; "Ether fared
    worse, losing 5%" and "USDC and USDe, which declined 2%" are still the coins' moves."""
    m = _MOVE.match(after)
    if not m or "," not in m.group("gap"):
        return bool(m)
    return m.group("verb").lower().endswith("ing") or m.group("gap").rsplit(",", 1)[1].split() in _RELATIVE


# the verbs of a company's own news, right after its name at the head of a sentence
_OWN_NEWS = re.compile(r"^(?:['’]s)?,?(?:\s+(?:Inc|Corp|Ltd|Co|also|on \w+|late \w+|earlier|this week)\.?,?)?\s+"
                       r"(?:said|says|announced|announces|reported|reports|posted|raised|lowered|cut|launched|filed|"
                       r"agreed|expects|forecast|confirmed|unveiled|released|plans|warned|disclosed|completed)\b"
                       # (not an analyst's call on something else: "Goldman cut its 2027 Brent forecast")
                       r"(?!\s+its\s+(?:\d{4}\s+)?(?:[A-Z][\w&-]*\s+)+(?:price\s+)?(?:forecasts?|targets?|estimates?|outlook|calls?)\b)")
_AMOUNT = re.compile(r"(?:\d[\d,.]*\s*(?:million|billion|thousand|k|m)?|\$\s?[\d,.]+)\s*$", re.I)
_QUOTE_MARKS = "“”\""
_COMPANY_CONTEXT = re.compile(
    r"\b(?:shares?|stocks?|company|companies|firm|giant|maker|automaker|carmaker|chipmaker|chief executive|ceo|"
    r"inc|corp|revenue|earnings|investors?|market (?:value|cap\w*)|valuation|nasdaq|nyse|quarterly|profits?|"
    r"subsidiary|acquisition|brand|products?|customers|employees|headquarters|listed|adrs?|"
    # a company's finance: "Oracle priced $22 billion of bonds", "a corporate debt sale", "dividend"
    r"bonds?|debt|corporate|dividends?|buybacks?|credit rating|"
    # the same in the languages most news is written in after English
    r"ações|acciones|aktien?|azioni|akcj\w*|hisse\w*|акци\w*|empresa|companhia|compañía|konzern|unternehmen|"
    r"société|entreprise|groupe|grupo|gruppo|börse|bourse|bolsa|umsatz|lucro|beneficio|"
    # a fine is levied on a company (or a person, not named like one)
    r"fined|amende|multa|bußgeld|geldbuße)\b", re.I)
_CRYPTO_CONTEXT = re.compile(
    r"\b(?:crypto\w*|token\w*|coins?|blockchain\w*|price[sd]?|trading|traded|exchange|wallets?|stablecoin\w*|"
    r"defi|staking|staked|network|protocol|on-?chain|holdings?|treasury|validators?|mining|etf|market cap)\b",
    re.I)
# A story is about crypto when it uses crypto's own words (prices and trading are everybody's) or names coins.
_CRYPTO_STORY = re.compile(r"\b(?:crypto\w*|blockchain\w*|tokens?|stablecoins?|defi|bitcoin|ethereum|web3|"
                           r"on-?chain|altcoins?|memecoins?|nfts?|staking|presale|validators?|mainnet|testnet)\b", re.I)


@dataclass(frozen=True)
class Mention:
    ticker: str
    weight: float
    where: str         # "title", "lede" or "body"
    why: str           # how it was found: alias text, "$ETH", "(XRP)"...
    sentence: int = 0  # which of the story's sentences (the title first) holds it


@dataclass(frozen=True)
class Found:
    """A ticker the taxonomy lacks, named explicitly in a story."""

    ticker: str
    kind: str
    name: str


def _segments(article: Article) -> list[tuple[str, str]]:
    """(where, sentence) for the title, the lede's sentences, subheadings and every other sentence."""
    out = [("title", article.title)] if article.title and article.title_source != "derived" else []
    n = 0
    for block in article.blocks:
        if block.kind == "h":
            out.append(("heading", block.text))
            continue
        sentences = split_sentences(block.text) if block.kind == "p" else [block.text]
        for sentence in sentences:
            out.append(("lede" if n < LEDE_SENTENCES and block.kind == "p" else "body", sentence))
            n += 1
    return out


def _acronym_of(symbol: str, before: str) -> bool:
    """Whether "(SYM)" spells the initials of the words before it (with or without the small words):
    then it is an acronym ("Federal Communications Commission (FCC)", "point-of-sale (POS)")."""
    words = re.findall(r"[A-Za-z]\w*", before.replace("-", " "))[-8:]
    small = {"and", "of", "the", "for", "on", "in", "de"}
    spelled = {"".join(w[0] for w in words).upper(), "".join(w[0] for w in words if w.lower() not in small).upper(),
               "".join(w[0] for w in words if w[0].isupper())}  # "Lunar Payload Services program (LPS)"
    return len(symbol) >= 2 and any(s.endswith(symbol.replace(".", "")) for s in spelled)


def _in_quote(sentence: str, start: int) -> bool:
    """Whether the position falls inside quotation marks (somebody's words)."""
    before = sentence[:start]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _modifier(sentence: str, start: int, end: int, where: str) -> float:
    """How much one mention counts, by what surrounds it (see the module's docstring)."""
    after, before = sentence[end:end + 60], sentence[:start]
    headline = where in ("title", "heading")  # title case capitalises every word
    if _ROLE.match(after) or _FORMER.search(before) or (not headline and _DESCRIBED.match(after)
                                                         and not _SUFFIX.match(after) and not _moves(after)):
        return DESCRIPTOR
    factor = 1.0
    if _SUFFIX.match(after) or _SUFFIX.match(" " + sentence[start:end].split()[-1]):
        factor = FULL_NAME  # "Tesla Inc.": the story introduces the company by its full name
    elif _moves(after):
        factor = PRICE_MOVE
    elif not before.strip() and _OWN_NEWS.match(after):
        factor = OWN_NEWS  # "Micron said it raised its guidance": the sentence is the company's own news
    clause = re.split(r"[;:]", before)[-1]
    in_list = any(m.start() <= start < m.end() for m in _LIST3.finditer(sentence))
    if (_EXAMPLES.search(clause) or in_list or _AMOUNT.search(before) or _VENUE.search(before)
            or _in_quote(sentence, start)):
        factor *= PASSING
    return factor


def _context_ok(asset: Asset, sentence: str, article_crypto: bool, end: int) -> bool:
    """Whether a name that is also an everyday word is the asset here: its sentence is about companies or
    crypto, or reports the name's own price move ("Ether gained 2%": ether the liquid does not)."""
    if _moves(sentence[end:end + 60]):
        return asset.kind == "stock" or article_crypto
    if asset.kind == "stock":
        return bool(_COMPANY_CONTEXT.search(sentence))
    return bool(_CRYPTO_CONTEXT.search(sentence)) and article_crypto


def find_mentions(article: Article, taxonomy: Taxonomy) -> tuple[list[Mention], dict[str, Found]]:
    """Every mention of an asset in the story, and the tickers it names that the taxonomy lacks."""
    segments = [(where, sentence, list(_names(sentence, taxonomy))) for where, sentence in _segments(article)]
    whole = " ".join(sentence for _, sentence, _ in segments)
    # coins named by names that are no everyday word ("Solana", "XRP") tell a crypto story too
    coins = sum(1 for *_, names in segments for _, text, asset, needs_context in names
                if asset.kind == "crypto" and not needs_context and not _CRYPTO_STORY.fullmatch(text))
    article_crypto = len(_CRYPTO_STORY.findall(whole)) + coins >= 3
    mentions, found, pending = [], {}, []
    for k, (where, sentence, names) in enumerate(segments):
        base = WHERE[where]
        # in "SOL/USDT" the pair is about SOL: the quote currency is not a mention
        taken: list[tuple[int, int]] = [(m.start(2), m.end(2)) for m in _PAIR.finditer(sentence)]
        named = []  # names do not overlap one another; the tickers below skip their spans
        for m, text, asset, needs_context in names:
            if any(s <= m.start() < e for s, e in taken):
                continue
            weight = base * _modifier(sentence, m.start(), m.end(), where)
            if needs_context and not _context_ok(asset, sentence, article_crypto, m.end()):
                pending.append(Mention(asset.ticker, weight, where, text, k))
                continue
            mentions.append(Mention(asset.ticker, weight, where, text, k))
            named.append(m.span())
        taken += named
        for symbol, span, explicit in _tickers(sentence):
            if any(s <= span[0] < e for s, e in taken):
                continue
            asset = taxonomy.by_ticker.get(symbol)
            if asset is None:
                new = _discover(symbol, sentence, span, explicit, article_crypto)
                if new is None:
                    continue
                found.setdefault(new.ticker, new)
            elif not explicit and not asset.bare_symbol:
                continue
            weight = base * _modifier(sentence, span[0], span[1], where)
            mentions.append(Mention(symbol, weight, where, sentence[span[0]:span[1]], k))
    # once a sentence shows the name is the asset ("Apple shares were little changed"), the story's other
    # mentions of it are too ("Apple delays its home hub" in the title)
    established = {m.ticker for m in mentions}
    return mentions + [m for m in pending if m.ticker in established], found


def _names(sentence: str, taxonomy: Taxonomy):
    """(match, text, asset, needs_context) for each taxonomy name or alias the sentence holds."""
    for m in taxonomy.alias_pattern.finditer(sentence):
        text = re.sub(r"['’]s$", "", m.group())
        for asset, alias, needs_context in taxonomy.aliases.get(text.casefold(), []):
            if alias == alias.lower() or text == alias:  # a capitalised alias matches exactly
                yield m, text, asset, needs_context


def _shouted(sentence: str) -> bool:
    """A sentence in capitals (a headline set in them), where every word looks like a ticker; not a sentence
    in a script without capitals around a ticker ("ビットコイン（BTC）が回復")."""
    cased = [ch for ch in sentence if ch.isalpha() and ch.lower() != ch.upper()]
    return len(cased) >= SHOUTED_LETTERS and not any(ch.islower() for ch in cased)


def _tickers(sentence: str):
    """(symbol, span, explicit) for cashtags, tickers in parentheses, trading pairs and bare capitals."""
    for m in _CASHTAG.finditer(sentence):
        yield m.group(1).upper(), m.span(), "cashtag"
    for m in _PAREN.finditer(sentence):
        symbol, exchange = m.group("sym"), m.group("ex")
        suffix = _SUFFIX_OF.get(exchange or "")
        if suffix and "." not in symbol:
            symbol = f"{symbol}.{suffix}"
        elif symbol[0].isdigit() and "." not in symbol:
            continue  # "(2024)", "(1999)": a year or a number, not a listing
        yield symbol, m.span(), "exchange" if exchange or "." in symbol else "paren"
    for m in _PAIR.finditer(sentence):
        yield m.group(1), m.span(), "pair"
    for m in _BARE.finditer(sentence):
        if sentence[max(0, m.start() - 1)] not in "(（$" and not _shouted(sentence):
            # "the SUI token", "NEAR coins": a ticker that is a word, named as the coin it is
            yield m.group(), m.span(), "coin" if _COIN_AFTER.match(sentence, m.end()) else ""


# Codes that stand in parentheses or behind a $ without being an asset of their own.
_NOT_TICKERS = {"USD", "EUR", "GBP", "JPY", "CNY", "RMB", "KRW", "INR", "AED", "CHF", "CAD", "AUD", "HKD", "SGD",
                "RUB", "TRY", "BRL", "CEO", "CFO", "CTO", "COO", "AI", "API", "APIS", "ETF", "IPO", "GDP", "UTC",
                "GMT", "US", "USA", "UK", "EU", "UN", "SEC", "CFTC", "FBI", "DOJ", "IMF", "OTC", "TVL", "APY", "APR",
                "KYC", "AML", "NFT", "DAO", "DEX", "CEX", "L1", "L2"}


def _discover(symbol: str, sentence: str, span: tuple[int, int], how: str, article_crypto: bool) -> Found | None:
    """An explicit ticker the taxonomy lacks: "(NYSE: XYZ)" and "(8035.T)" always; "(XYZ)" after a name that
    it does not abbreviate, and $XYZ: a token in a crypto story, a stock where the sentence speaks of a
    company or reports the ticker's price move ("Mercado Libre (MELI) cayeron un 7%"). Currencies and
    common acronyms are not tickers."""
    if symbol in _NOT_TICKERS:
        return None
    before = sentence[: span[0]]
    name = " ".join(re.findall(r"[A-Z][\w.&-]*", before.split(",")[-1])[-4:])
    if how == "exchange":
        return Found(symbol, "stock", name or symbol)
    words = [re.sub(r"['’]s$", "", w).upper() for w in name.split()]
    if name.replace(" ", "").upper().endswith(symbol) or symbol in words or words[-1:] in (["INDEX"], ["COMPOSITE"]):
        return None  # "Kospi Index (KOSPI)": an index, or a name in capitals, not a ticker of its own
    if how not in ("paren", "cashtag") or _acronym_of(symbol, before) or (how == "paren" and not name):
        return None
    company = bool(_COMPANY_CONTEXT.search(sentence)) or _moves(sentence[span[1]:span[1] + 60])
    if article_crypto and not (company and how == "paren"):
        return Found(symbol, "crypto", name or symbol)
    return Found(symbol, "stock", name or symbol) if company else None


def salient(mentions: list[Mention], found: dict[str, Found]) -> dict[str, float]:
    """Tickers the story is about, with their scores (see the module's docstring)."""
    # a sentence naming an asset twice ("Tether's USDT", "Bitcoin (BTC)") mentions it once, at its strongest
    per_sentence: dict[tuple[str, int], float] = {}
    for m in mentions:
        per_sentence[m.ticker, m.sentence] = max(per_sentence.get((m.ticker, m.sentence), 0.0), m.weight)
    scores: dict[str, float] = {}
    count: dict[str, int] = {}
    strongest: dict[str, float] = {}
    for (ticker, _), weight in per_sentence.items():
        scores[ticker] = scores.get(ticker, 0.0) + weight
        count[ticker] = count.get(ticker, 0) + 1
        strongest[ticker] = max(strongest.get(ticker, 0.0), weight)
    if not scores:
        return {}
    floor = max(MIN_SCORE, RELATIVE * max(scores.values()))

    def enough(t: str) -> bool:
        # one plain mention deep in the body is in passing: it takes a second mention or a stronger one
        return (scores[t] >= floor and (count[t] > 1 or strongest[t] > WHERE["body"])
                and (t not in found or scores[t] >= MIN_FOUND))

    return {t: round(s, 2) for t, s in scores.items() if enough(t)}
