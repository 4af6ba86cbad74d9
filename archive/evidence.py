"""Which pages of a pass count as the blog's, and how far they prove anything gone.

Pure functions over a pass, so the rules are tested without a database; archive/store.py
applies them to every pass, whatever fetched it. A page that names another story gives no
updates; a page that repeats an earlier page of its pass (a server ignoring `?page=`) shows
nothing beyond it; a pass that would remove more than half of a blog's standing updates at
once is held back until the next pass confirms it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from archive.addresses import same_document
from archive.records import BlogPass, PageFetch, Update
from archive.rules import identity_base, normalise_headline, update_key
from archive.times import is_newer, parse_utc

REFUSED_OTHER_STORY = "another story: {story}"
REFUSED_REDIRECTED = "{asked} redirected to another story: {story}"
REFUSED_BEHIND_OTHER_STORY = "reached through a page of another story"
REFUSED_REPEAT = "repeats an earlier page of this pass"
# An older page that failed: the pass ended there (records.OLDER_PAGE_FAILED).
REFUSED_FAILED = "failed: "


def another_storys(refused: str | None) -> bool:
    """A page was refused as another story's (REFUSED_OTHER_STORY, REFUSED_REDIRECTED), or as
    reached through one: the archive's latest word on its address is that it is not the
    blog's."""
    if refused is None:
        return False
    return (
        refused.startswith(REFUSED_OTHER_STORY.format(story=""))
        or REFUSED_REDIRECTED.format(asked="", story="") in refused
        or refused == REFUSED_BEHIND_OTHER_STORY
    )


@dataclass
class Reading:
    """What of a pass is the blog's: the updates taken, and where its evidence stops."""

    updates: list[Update] = field(default_factory=list)  # in page order
    pages: list[int] = field(default_factory=list)  # the page (index) each update came from
    refused: dict[int, str] = field(default_factory=dict)  # page index: why it does not count
    # The first page that proves nothing about what stands beyond it: a page of another
    # story, or a repeat. Nothing beyond what the pages above it showed may be removed.
    cut: int | None = None

    def stop_at(self, index: int) -> None:
        self.cut = index if self.cut is None else min(self.cut, index)


def page_updates(p: BlogPass) -> list[list[Update]]:
    """The pass's updates split by the page that showed them (none for a page not re-read)."""
    out: list[list[Update]] = []
    offset = 0
    for page in p.pages:
        count = 0 if page.skipped else page.updates
        out.append(p.updates[offset : offset + count])
        offset += count
    return out


def span(updates: Iterable[Update]) -> tuple[str | None, str | None]:
    """Oldest and newest publish times shown; pinned posts sit out of order, so not them."""
    times = [u.published_at for u in updates if not u.pinned and parse_utc(u.published_at)]
    if not times:
        return None, None
    oldest = newest = times[0]
    for t in times[1:]:
        if is_newer(oldest, t):
            oldest = t
        if is_newer(t, newest):
            newest = t
    return oldest, newest


def stretch(updates: Sequence[Update]) -> tuple[str | None, str | None, str | None]:
    """The oldest and newest times a page shows, and a lone post its order says is misdated.

    A page lists its posts newest first. Where one post alone breaks that order (a typo'd
    year among posts of one afternoon, older than the post below it or newer than the one
    above), the others bound the stretch the page covers, and that post's time is given on
    its own: a page not re-read then keeps out of the evidence the stretch its other posts
    showed, and that one instant, not every time between them. A page whose order no one
    post explains (a blog listed oldest first) is its span.
    """
    timed = [u.published_at for u in updates if not u.pinned and parse_utc(u.published_at)]
    oldest, newest = span(updates)
    times = [t for t in timed if t is not None]
    slips = [i for i in range(len(times) - 1) if is_newer(times[i + 1], times[i])]
    if not slips:
        return oldest, newest, None
    narrowest: tuple[float, str, str, str] | None = None
    for lone in (slips[0], slips[0] + 1):
        rest = times[:lone] + times[lone + 1 :]
        if len(rest) < 2 or any(is_newer(rest[i + 1], rest[i]) for i in range(len(rest) - 1)):
            continue
        width = _seconds(rest[0]) - _seconds(rest[-1])
        if narrowest is None or width < narrowest[0]:
            narrowest = (width, rest[-1], rest[0], times[lone])
    if narrowest is None:
        return oldest, newest, None
    return narrowest[1], narrowest[2], narrowest[3]


def misdated_ends(p: BlogPass, reading: Reading) -> dict[int, tuple[str, str, str]]:
    """The pages read this pass whose first or last post the pages beside them say is
    misdated, each with its stretch without that post and the post's own time.

    A page newest first whose last post is older than every post of the page below, while
    the page's other posts all stand above that page (a typo'd year at its foot), or whose
    first post is newer than every post of the page above, while the others all stand below
    it: the blog's order across its pages contradicts that post alone, as a page's own order
    does a post in its middle (stretch). An honest old post at the foot of a page that spans
    a long time is newer than the page below, and bounds its stretch. Only pages that count
    as the blog's are beside one another: not one of another story, a repeat, one that
    failed, nor a page that lists only what is new.
    """
    shown_by_page = page_updates(p)
    bounds: list[tuple[str | None, str | None] | None] = []
    for index, (page, shown) in enumerate(zip(p.pages, shown_by_page, strict=True)):
        counted = index not in reading.refused and (reading.cut is None or index < reading.cut)
        if not counted or page.partial:
            bounds.append(None)
        elif page.skipped:
            bounds.append((page.oldest_at, page.newest_at))
        else:
            bounds.append(stretch(shown)[:2])
    ends: dict[int, tuple[str, str, str]] = {}
    for index, (page, shown) in enumerate(zip(p.pages, shown_by_page, strict=True)):
        if bounds[index] is None or page.skipped:
            continue
        above = bounds[index - 1] if index > 0 else None
        below = bounds[index + 1] if index + 1 < len(bounds) else None
        end = _misdated_end(shown, above, below)
        if end is not None:
            ends[index] = end
    return ends


def _misdated_end(
    updates: Sequence[Update],
    above: tuple[str | None, str | None] | None,
    below: tuple[str | None, str | None] | None,
) -> tuple[str, str, str] | None:
    """The stretch of a page newest first without its first or last post, and that post's
    time, where the pages beside it (their oldest and newest times) contradict it alone."""
    times = [u.published_at for u in updates if not u.pinned and parse_utc(u.published_at)]
    timed = [t for t in times if t is not None]
    if len(timed) < 3 or any(is_newer(timed[i + 1], timed[i]) for i in range(len(timed) - 1)):
        return None
    first, last = timed[0], timed[-1]
    if below is not None and below[0] is not None and below[1] is not None:
        lowest, highest = below
        if is_newer(lowest, last) and not is_newer(highest, timed[-2]):
            return timed[-2], first, last
    if above is not None and above[0] is not None and above[1] is not None:
        lowest, highest = above
        if is_newer(first, highest) and not is_newer(timed[1], lowest):
            return last, timed[1], first
    return None


def _seconds(t: str) -> float:
    moment = parse_utc(t)
    assert moment is not None
    return moment.timestamp()


def in_stretch(t: str | None, oldest: str, newest: str | None) -> bool:
    """Whether a time lies from `oldest` to `newest` (to no end for None), both included: in
    the stretch a page answered 304 showed when it was last read."""
    return not is_newer(oldest, t) and (newest is None or not is_newer(t, newest))


def story_address(url: str) -> str:
    """A story's URL compared loosely: scheme, `www.`, fragment and a trailing slash aside."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().rpartition("@")[2].removeprefix("www.")
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{parts.path.rstrip('/')}{query}"


# Where a site's name follows a page's title ("… | BBC News", "… - ITV News", "… – Le Monde",
# "… • The Herald", "… :: Site": the separators a CMS offers), once normalise_headline has
# folded its dashes.
_TITLE_PARTS = re.compile(r"\s+(?:[|\-·•⋆~]|::)(?:\s+|$)")
# A page's place in its blog: "Page 2", "Seite 2", "page 2 of 5", "page 2 sur 5", "p. 2",
# "2. oldal", "(2)", "Σελίδα 2", "Страница 2", "صفحة 2", "第2页", "2ページ目" (casefolded).
_PAGE_MARK = re.compile(
    r"(?:\b(?:page|seite|página|pagina|pág\.|strona|sida|side|sivu|sayfa|halaman|trang|stránka"
    r"|strana|stranica|oldal|σελίδα|страница|сторінка|صفحة|الصفحة|صفحه|עמוד|पृष्ठ|पेज|หน้า)"
    r"|\bp(?:a?g)?\.)\s*\d+(?:\s*(?:of|von|sur|van|de|di|din|z|av|af|/|από|из|з|من)\s*\d+)?"
    r"|\b\d+\.\s*oldal\b|第\s*\d+\s*[页頁]|\d+\s*(?:ページ目?|페이지)|\(\s*\d+\s*\)"
)
_NOT_WORD = re.compile(r"[\W_]+")
# A day where a site's name would stand ("– 3 November", "- 03/11/2023", "– day 618"): the
# title of the site's live blog of that day, not the blog's under its site's name.
_MONTH = (
    r"(?:jan|feb|f[eé]v|m[aä]r|apr|avr|abr|ma[iy]|mag|mei|jun|juin|giu|jul|juil|lug|aug|ao[uû]"
    r"|ago|sep|set|o[ckt]t|okt|out|nov|de[cz]|d[eé]c|dic)\w*\.?"
)
_DAY = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th|er|\.)?\s+{_MONTH}|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    r"|\b\d{1,4}[./-]\d{1,2}(?:[./-]\d{1,4})?\b|\b(?:19|20)\d\d\b"
    r"|\b(?:day|tag|jour|d[ií]a|giorno|dag|dzień|päivä)\s+\d+"
)
# A number where a section would stand, before a site's name ("| Stage 12 |", "| 3 de
# noviembre |", "| 3rd of November |"): the site's blog of that stage or day, where a section
# is words ("| Politics |"; a site's name may hold one, "Channel 4 News", and "F1" counts
# nothing).
_NUMBER = re.compile(r"\b\d")
# What ends a part of a title to say the blog is live ("– live", ": latest updates", "– en
# direct"): one label.
_LIVE_LABEL = re.compile(
    r"(?:^|(?<= ))(?:live(?: updates| blog| coverage| ticker)?|liveblog|liveticker|latest"
    r"|latest updates|as it happens|en direct|le direct|en vivo|en directo"
    r"|in diretta|ao vivo|na żywo)$"
)
# What ends it to say the blog was live: a site retitles its blog "– as it happened" when it
# ends, while a cache still serves its older pages under "– live" (the blog's, ended, is
# also its live title: title_forms); but a page that says so under a blog still live is the
# site's blog of the day before under the same words ("Ukraine war – live" every day).
_ENDED_LABEL = re.compile(r"(?:^|(?<= ))as it happened$")
# A weekday alone where a site's name would stand ("– Thursday", "– jeudi"), as a site titles
# its live blog of each day; never a word of a name ("The Sunday Times", "Welt am Sonntag").
_WEEKDAY = re.compile(
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch"
    r"|donnerstag|freitag|samstag|sonnabend|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi"
    r"|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lunedì|martedì|mercoledì"
    r"|giovedì|venerdì|sabato|domenica|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag"
    r"|zondag|poniedziałek|wtorek|środa|czwartek|piątek|sobota|niedziela"
)


def title_forms(title: str | None, ended_live: bool = False) -> tuple[str, ...] | None:
    """A page's title compared loosely (case, whitespace and punctuation folded, a page
    marker dropped, what says live at a part's end one label: _LIVE_LABEL, and what says it
    was, `ended_live`, that label too: _ENDED_LABEL), whole, then without its last part, and
    the one before, while what is dropped is a site's name or a section ("… | Politics | The
    Guardian"; a day there is no site's name: _DAY, _WEEKDAY; a number no section: _NUMBER);
    None for a title that says nothing."""
    folded = _PAGE_MARK.sub(" ", normalise_headline(title))
    said = [part for part in _TITLE_PARTS.split(folded) if _NOT_WORD.sub("", part)]
    parts = [" ".join(_NOT_WORD.sub(" ", part).split()) for part in said]
    parts = [_LIVE_LABEL.sub("live", part) for part in parts]
    if ended_live:
        parts = [_ENDED_LABEL.sub("live", part) for part in parts]
    if not parts:
        return None
    forms = [" ".join(parts)]
    while len(parts) > 1 and not (_DAY.search(said[-1]) or _WEEKDAY.fullmatch(parts[-1])):
        if len(forms) > 1 and _NUMBER.search(parts[-1]):
            break  # a section is words: a number there counts the day's blog ("Stage 12")
        said.pop()
        parts.pop()
        forms.append(" ".join(parts))
    return tuple(forms)


def same_title(a: str | None, b: str | None, ended_live: bool = False) -> bool:
    """Two pages show one title (title_forms), one of them perhaps with the site's name, and
    a section before it, after it; with `ended_live`, `b` as it was while live too."""
    first, second = title_forms(a), title_forms(b)
    if first is None or second is None:
        return False
    if first[0] in second or second[0] in first:
        return True
    live = title_forms(b, ended_live=True) if ended_live else None
    return live is not None and live != second and (first[0] in live or live[0] in first)


def another_title(
    title: str | None, own: Iterable[str | None], sites: Iterable[str | None] = ()
) -> bool:
    """An older page's title is none of the blog's own (`own`: what its first page showed,
    what the archive holds): the evidence an older page must add to its address to be another
    story's. Another live blog of the site has another title; a page of the blog that moved,
    or that its CMS names by an id of its own, keeps the blog's. A title that says nothing,
    on the page or of the blog (a worker's message older than titles), cannot tell: no
    evidence, so the page stays the blog's; nor can the site's generic title, its name alone
    (`sites`: the blog's publisher, or the name after its title), on the page or as the
    blog's. A blog that ended ("– as it happened") was live under its title that says
    live, which a cache may still serve; a page that says it ended under a blog that says
    live is the site's blog of another day under the same words."""
    forms = title_forms(title)
    if forms is None:
        return False
    known = [t for t in own if title_forms(t) is not None]
    names = {_site_name(t) for t in known} | {(title_forms(s) or ("",))[0] for s in sites}
    if forms[0] in names:
        return False
    told = [t for t in known if (title_forms(t) or ("",))[0] not in names]
    return bool(told) and not any(same_title(title, t, ended_live=True) for t in told)


def _site_name(title: str | None) -> str | None:
    """The site's name a title ends in ("… | ITV News"), compared loosely (title_forms)."""
    forms = title_forms(title)
    if forms is None or len(forms) < 2:
        return None
    return forms[0][len(forms[1]) + 1 :]


def names_other_story(
    page: PageFetch,
    shown: Sequence[Update],
    stories: set[str],
    held: set[str],
    asked: str | None = None,
) -> bool:
    """The page names a story that is neither the blog's nor itself, and is not the blog's.

    A page's own address as its canonical (a paginated page that names itself) says
    nothing, unless it is the first page, redirected there from the blog's address `asked`
    for: another live blog of the site, where it shows none of the blog's updates (a busy
    blog renamed shows more new posts than known ones at its new address). A blog whose
    address changed (a retitled slug) still shows mostly updates the archive holds: a page
    where more than half are known is the blog's.
    """
    if not page.canonical_url or not stories:
        return False
    named = story_address(page.canonical_url)
    if named in stories:
        return False
    known = sum(1 for u in shown if identity_base(update_key(u)) in held)
    if named == story_address(page.url):
        if asked is None or story_address(asked) == named:
            return False  # not redirected: a page that names itself
        return known == 0
    return 2 * known <= len(shown)


def other_older_page(
    page: PageFetch,
    shown: Sequence[Update],
    stories: set[str],
    held: set[str],
    asked: str | None,
    homes: Sequence[str],
    others: set[str],
    titles: Sequence[str | None],
    sites: Sequence[str | None] = (),
) -> str | None:
    """Why an older page is another story's, not the blog's; None where it is the blog's.

    A page that names the blog (`stories`) is the blog's, wherever it stands. One that
    names another blog of the archive (`others`: what the blog showed of it was no post of
    its own), or was redirected to one, is that blog's, whatever its title: a site runs a
    blog a day under the same words. Otherwise only a page whose title is none of the
    blog's (`titles`, its publisher's name `sites`: another_title) may be another story's,
    whatever its address says. One that names the site's home page or a section above the
    blog names no story (_named). One that names another story is that story's where it
    names no page of the blog's either (`homes`, below: `?page=2`
    naming `/page/2/`, or landed at `?page=2&utm_source=x` naming `?page=2`), where most of
    its updates are unknown (names_other_story). An older page redirected from the address asked for (the link the
    page above followed) to one that names itself, or nothing, stands at that address: where
    the address is no page of the blog's (`homes`: the blog's
    addresses, the first page's and the one asked for; another query, a path below or a page
    number after them, `www.` and the scheme aside: pagination that moved, `?paged=2` to
    `/page/2/`), another story's when it shows none of the blog's updates, as a first page
    redirected away is. A blog renamed still shows updates the archive holds, and its new
    pages stand below its new address.
    """
    named = story_address(page.canonical_url) if page.canonical_url else None
    landed = story_address(page.url)
    if named in stories:
        return None
    if page.canonical_url and named in others and named != landed:
        return REFUSED_OTHER_STORY.format(story=page.canonical_url)
    redirected = asked is not None and page.kind is None and story_address(asked) != landed
    if redirected and landed in others:
        return REFUSED_REDIRECTED.format(asked=asked, story=page.url)
    if not another_title(page.title, titles, sites):
        return None
    named = _named(page, homes)
    if page.canonical_url and named is not None and named != landed:
        if any(_of_the_blog(page.canonical_url, home) for home in homes):
            return None  # another address of a page of the blog's (`/page/2/` for `?page=2`)
        if names_other_story(page, shown, stories, held):
            return REFUSED_OTHER_STORY.format(story=page.canonical_url)
        return None
    if not redirected:
        return None  # not redirected: a page that names itself, or nothing
    if any(_of_the_blog(page.url, home) for home in homes):
        return None
    known = any(identity_base(update_key(u)) in held for u in shown)
    return None if known else REFUSED_REDIRECTED.format(asked=asked, story=page.url)


def plainly_other_story(
    page: PageFetch,
    asked: str | None,
    homes: Sequence[str],
    titles: Sequence[str | None],
    sites: Sequence[str | None] = (),
) -> bool:
    """An older page that is another story's by what it says alone, as a spider that holds
    no archive tells it: its title is none of the blog's (`titles`: what the first page
    showed; another_title), and it names as its story (canonical, else JSON-LD url) an
    address, not the site's home page nor a section above the blog (_named), that is none
    of the blog's (`homes`: the blog's address, where its first page landed and what that
    page named) nor a page of theirs (same_document); or, naming itself or nothing, it was
    redirected from the address asked for to one that is no page of theirs. The pages its
    older links lead to are that story's, and never count (read_pass)."""
    if not another_title(page.title, titles, sites):
        return False
    named = _named(page, homes)
    landed = story_address(page.url)
    if named is None or named == landed:
        if asked is None or story_address(asked) == landed:
            return False  # not redirected: it stands where the blog's link led
        homes = [*homes, asked]
        address = page.url
    else:
        address = page.canonical_url or ""
    return not any(_of_the_blog(address, home) for home in homes)


def _named(page: PageFetch, homes: Sequence[str]) -> str | None:
    """The story an older page names (story_address); None where it names none: nothing, or
    the site's home page or a section the blog stands in (`/`, `/news/`), as a template may
    name on pages it does not want indexed."""
    if not page.canonical_url:
        return None
    named = story_address(page.canonical_url)
    if "?" not in named and any(story_address(home).startswith(f"{named}/") for home in homes):
        return None
    return named


def _of_the_blog(url: str, home: str) -> bool:
    """`url` is the page `home` or another page of it, `www.` and the scheme aside."""
    return story_address(url) == story_address(home) or same_document(
        _plain_host(url), _plain_host(home)
    )


def _plain_host(url: str) -> str:
    parts = urlsplit(url)
    return parts._replace(scheme="http", netloc=parts.netloc.lower().removeprefix("www.")).geturl()


def read_pass(
    p: BlogPass,
    blog_story: str | None,
    held: set[str],
    others: Iterable[str] = (),
    title: str | None = None,
    publisher: str | None = None,
) -> Reading:
    """The pass's updates less those of pages of another story, and of pages reached through them.

    `blog_story` is the story the blog's first page named on earlier passes (None: not
    known yet, so this pass's first page is taken at its word); `held` the identities
    (rules.identity_base) of every update the archive holds of the blog; `others` the
    addresses of the archive's other blogs (their own, and the stories their pages named);
    `title` and `publisher` the blog's title and publisher as the archive holds them, beside
    what this pass's first page showed.
    """
    reading = Reading()
    first = p.pages[0] if p.pages else None
    titles = [title, p.title, first.title if first is not None and not first.skipped else None]
    sites = [publisher, p.publisher]
    stories = {story_address(p.url)}
    homes = [p.url]
    if blog_story:
        stories.add(story_address(blog_story))
        homes.append(blog_story)
    strangers = {story_address(url) for url in others} - stories
    for index, (page, shown) in enumerate(zip(p.pages, page_updates(p), strict=True)):
        if page.failed is not None:
            reading.refused[index] = REFUSED_FAILED + page.failed
            reading.stop_at(index)
            continue
        if reading.cut is not None:
            if not page.skipped:
                reading.refused[index] = REFUSED_BEHIND_OTHER_STORY
            continue
        if page.skipped:
            why = None
        elif index == 0:
            trusted = stories if blog_story else set()
            other = names_other_story(page, shown, trusted, held, p.url)
            why = REFUSED_OTHER_STORY.format(story=page.canonical_url) if other else None
        else:
            # The address asked for: the link the page above followed.
            asked = p.pages[index - 1].next_url
            homes_here = [*homes, asked] if asked else homes
            why = other_older_page(
                page, shown, stories, held, asked, homes_here, strangers, titles, sites
            )
        if why is not None:
            reading.refused[index] = why
            reading.stop_at(index)
            continue
        if index == 0:
            homes.append(page.url)  # (where the blog's address leads, a renamed blog's)
            if page.canonical_url and not page.skipped:
                stories.add(story_address(page.canonical_url))
                homes.append(page.canonical_url)
        reading.updates.extend(shown)
        reading.pages.extend([index] * len(shown))
    return reading


def first_repeat(
    p: BlogPass,
    reading: Reading,
    keys: Sequence[str],
    stood: Mapping[str, str | None] | None = None,
) -> int | None:
    """The first page that shows nothing beyond the pages above it in the same pass.

    Its bytes are an earlier page's, or every update on it was shown above, or it shows
    some of the updates above, none of its timed updates is older than the oldest shown
    above and its newest is as new as the newest above: the first page again, grown by a
    post (a page answered 304 counts with the times it showed last time). An older page
    after one whose post was backdated (its time corrected to before the page's others)
    shows posts newer than that post, not the newest: it is no repeat. Nor is the next page
    of a blog paginated oldest first, which shows none of the posts above. A page answered
    304 shows, for this, the archive's updates (`stood`: their keys and times) whose times
    lie in the stretch it showed last time.
    """
    by_page: dict[int, list[int]] = {}
    for position, index in enumerate(reading.pages):
        by_page.setdefault(index, []).append(position)
    digests: set[str] = set()
    keys_above: set[str] = set()
    floor: str | None = None
    ceiling: str | None = None
    for index, page in enumerate(p.pages):
        if reading.cut is not None and index >= reading.cut:
            break
        positions = by_page.get(index, [])
        if index > 0 and not page.skipped and positions:
            own = {keys[i] for i in positions}
            oldest, newest = span(reading.updates[i] for i in positions)
            if (
                (page.body_sha256 is not None and page.body_sha256 in digests)
                or own <= keys_above
                or (
                    floor is not None
                    and oldest is not None
                    and not is_newer(floor, oldest)
                    and not is_newer(ceiling, newest)
                    and not own.isdisjoint(keys_above)
                )
            ):
                return index
        if page.body_sha256:
            digests.add(page.body_sha256)
        keys_above.update(keys[i] for i in positions)
        lowest, highest = (
            _widened(page) if page.skipped else span(reading.updates[i] for i in positions)
        )
        if page.skipped and stood and page.oldest_at is not None:
            keys_above.update(key for key, t in stood.items() if _showed(page, t))
        if lowest is not None and (floor is None or is_newer(floor, lowest)):
            floor = lowest
        if highest is not None and (ceiling is None or is_newer(highest, ceiling)):
            ceiling = highest
    return None


def _showed(page: PageFetch, t: str | None) -> bool:
    """Whether a page not re-read showed a post of this time when last read: in its stretch,
    or its misdated post's."""
    assert page.oldest_at is not None
    lone = page.outlier_at
    return in_stretch(t, page.oldest_at, page.newest_at) or (
        lone is not None and in_stretch(t, lone, lone)
    )


def _widened(page: PageFetch) -> tuple[str | None, str | None]:
    """The span of times a page not re-read showed when last read, its misdated post within."""
    lowest, highest, lone = page.oldest_at, page.newest_at, page.outlier_at
    if lone is None or lowest is None:
        return lowest, highest
    if is_newer(lowest, lone):
        lowest = lone
    if highest is not None and is_newer(lone, highest):
        highest = lone
    return lowest, highest


def mass_removal(removals: int, standing: int) -> bool:
    """More than half of the blog's standing updates at once (one alone is never a mass)."""
    return removals > 1 and 2 * removals > standing
