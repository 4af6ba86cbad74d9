# cython: language_level=3, boundscheck=False, wraparound=False
"""The walks of _walks.py in C, over lxml's C API: the optional accelerator of extraction.

A Python loop over a page's elements pays for an lxml proxy and several attribute calls per
element, and a live blog has thousands; these walks read libxml2's structures directly and make
a proxy only for the elements they hand back. Each function gives what its namesake in
crawler/extract/_walks.py gives, which is the reference; crawler/extract/walks.py chooses which
of the two runs.
"""

from cpython.unicode cimport (
    PyUnicode_1BYTE_KIND,
    PyUnicode_2BYTE_KIND,
    PyUnicode_DATA,
    PyUnicode_KIND,
)
from libc.stdint cimport uint16_t, uint32_t
from libc.stdlib cimport calloc, free, malloc
from libc.string cimport memcmp, memcpy, strcmp, strlen, strstr

import re

cimport lxml.includes.etreepublic as cetree
from lxml.includes cimport tree
from lxml.includes.tree cimport xmlAttr, xmlChar, xmlNode

cetree.import_lxml__etree()


cdef inline bint _named(xmlNode* node, const char* name) noexcept:
    return strcmp(<const char*>node.name, name) == 0


cdef inline xmlNode* _after(xmlNode* node, xmlNode* top, xmlNode** mark=NULL) noexcept:
    """The node after `node` in document order below `top` (NULL past the last): an element's
    children come first. `mark`, if given, is cleared when the walk leaves the subtree it roots."""
    if node.type == tree.XML_ELEMENT_NODE and node.children is not NULL:
        return node.children
    while node is not top and node.next is NULL:
        if mark is not NULL and node is mark[0]:
            mark[0] = NULL
        node = node.parent
    if node is top:
        return NULL
    if mark is not NULL and node is mark[0]:
        mark[0] = NULL
    return node.next


cdef enum:
    ABSENT, SIMPLE, ASSEMBLED


cdef const char* _value(xmlNode* node, const char* name, int* state) noexcept:
    """An attribute's value as libxml2 holds it, when it is one text node (state SIMPLE)."""
    cdef xmlAttr* attr = node.properties
    while attr is not NULL:
        if strcmp(<const char*>attr.name, name) == 0:
            if attr.children is NULL:
                state[0] = SIMPLE
                return ""
            if attr.children.next is NULL and attr.children.type == tree.XML_TEXT_NODE:
                state[0] = SIMPLE
                return <const char*>attr.children.content
            state[0] = ASSEMBLED  # an entity kept as a node of its own: lxml joins the parts
            return NULL
        attr = attr.next
    state[0] = ABSENT
    return NULL


cdef inline object _class_of(cetree._Element owner, xmlNode* node):
    """The element's class attribute as text, or None without one (element.get("class"))."""
    return _attribute(owner, node, "class")


cdef object _attribute(cetree._Element owner, xmlNode* node, const char* name):
    """An attribute's value as text, or None without it (element.get(name))."""
    cdef int state = ABSENT
    cdef const char* raw = _value(node, name, &state)
    if state == SIMPLE:
        return raw.decode("utf-8", "replace")
    if state == ASSEMBLED:
        return cetree.elementFactory(owner._doc, node).get(name.decode("ascii"))
    return None


cdef bint _value_holds(cetree._Element owner, xmlNode* node, const char* name,
                       const char* first, const char* second=NULL, const char* third=NULL):
    """Whether the attribute's value holds one of the (ASCII) needles."""
    cdef int state = ABSENT
    cdef const char* value = _value(node, name, &state)
    if state == SIMPLE:
        return (
            strstr(value, first) is not NULL
            or (second is not NULL and strstr(value, second) is not NULL)
            or (third is not NULL and strstr(value, third) is not NULL)
        )
    if state == ABSENT:
        return False
    text = cetree.elementFactory(owner._doc, node).get(name.decode("ascii"))
    return (
        first.decode("ascii") in text
        or (second is not NULL and second.decode("ascii") in text)
        or (third is not NULL and third.decode("ascii") in text)
    )


cdef int _mark_one(cetree._Element owner, xmlNode* node, list timed, list metas,
                   list bylines) except -1:
    """mark()'s look at one element below a body."""
    cdef bint hit = _named(node, "time")
    cdef xmlAttr* attr = node.properties
    cdef const char* name
    while attr is not NULL and not hit:
        name = <const char*>attr.name
        hit = strstr(name, "time") is not NULL or strstr(name, "date") is not NULL
        attr = attr.next
    if hit:
        timed.append(cetree.elementFactory(owner._doc, node))
    if node.properties is not NULL:
        if _value_holds(owner, node, "class", "uthor", "yline", "ontributor") or _value_holds(
            owner, node, "data-testid", "uthor", "yline", "ontributor"
        ):
            bylines.append(cetree.elementFactory(owner._doc, node))
        if _named(node, "meta") and _value_holds(owner, node, "content", ":"):
            metas.append(cetree.elementFactory(owner._doc, node))
    return 0


def mark(cetree._Element root):
    """(timed, metas, bylines): the elements of the page's body, in page order, that may say
    when a post was written or by whom.

    timed: a <time>, or an element with an attribute whose name holds "time" or "date";
    metas: a <meta> whose content holds a ":"; bylines: a class (or, where classes are hashed,
    a data-testid) holding "uthor", "yline" or "ontributor". Every element below a <body>
    counts once, nested bodies included.
    """
    cdef list timed = [], metas = [], bylines = []
    cdef xmlNode* top = root._c_node
    cdef xmlNode* node
    cdef xmlNode* body = NULL  # the outermost <body> being read
    while top.parent is not NULL and top.parent.type == tree.XML_ELEMENT_NODE:
        top = top.parent  # from the document's root element, as getroot() gives it
    node = top
    while node is not NULL:
        if node.type == tree.XML_ELEMENT_NODE:
            if body is NULL:
                if _named(node, "body"):
                    body = node
            else:
                _mark_one(root, node, timed, metas, bylines)
        node = _after(node, top, &body)  # leaving the body when the walk passes it
    return timed, metas, bylines


_DIGIT = re.compile(r"\d")
_OPENS_WITH_DIGIT = re.compile(r"[ \t\n\r\f\v+]*[0-9]")


def short_texts(cetree._Element body, Py_ssize_t limit):
    """(node, text, is tail) of the texts and tails shorter than `limit` characters that hold
    a decimal digit of any script, and of the texts of any length that open with an ASCII
    digit after blanks and a ticker's plus signs ("18.05 Uhr: Die Bahn…", "+++ 07:20 …"), of
    the body and every node below it in page order (comments too, as iter() gives them), the
    body's own tail left out.

    Most texts are one text node, read in place: a node becomes a proxy only when one of its
    texts is kept, or when lxml would join several nodes into that text."""
    cdef list found = []
    cdef xmlNode* top = body._c_node
    cdef xmlNode* node = top
    while node is not NULL:
        _short_text_of(found, body, node, limit)
        if node is not top:
            _short_tail_of(found, body, node, limit)
        node = _after_node(node, top)
    return found


cdef int _short_text_of(list found, cetree._Element body, xmlNode* node,
                        Py_ssize_t limit) except -1:
    """short_texts()' look at one node's own text (a comment's or a PI's whole text)."""
    cdef int verdict
    if node.type == tree.XML_ELEMENT_NODE:
        verdict = _short_with_digit(node.children, limit, True)
        if verdict == _KEEP:
            found.append((cetree.elementFactory(body._doc, node), _node_text(node.children), False))
        elif verdict == _ASK:
            _keep_short(found, cetree.elementFactory(body._doc, node), False, limit)
    elif node.type != tree.XML_TEXT_NODE and node.type != tree.XML_CDATA_SECTION_NODE:
        _keep_short(found, cetree.elementFactory(body._doc, node), False, limit)
    return 0


cdef int _short_tail_of(list found, cetree._Element body, xmlNode* node,
                        Py_ssize_t limit) except -1:
    """short_texts()' look at the text after one node, up to its next sibling."""
    cdef int verdict = _short_with_digit(node.next, limit, False)
    if verdict == _KEEP:
        found.append((cetree.elementFactory(body._doc, node), _node_text(node.next), True))
    elif verdict == _ASK:
        _keep_short(found, cetree.elementFactory(body._doc, node), True, limit)
    return 0


cdef enum:
    _PASS, _KEEP, _ASK


cdef int _short_with_digit(xmlNode* node, Py_ssize_t limit, bint opening) noexcept:
    """Whether the text lxml reads from `node` on is short and holds an ASCII digit, or (with
    `opening`) opens with one after blanks and plus signs (_KEEP), is neither (_PASS), or must
    be read by lxml: several nodes, or characters beyond ASCII."""
    cdef const unsigned char* text
    cdef Py_ssize_t count = 0
    cdef bint digit = False, wide = False
    if node is NULL:
        return _PASS
    if node.type != tree.XML_TEXT_NODE and node.type != tree.XML_CDATA_SECTION_NODE:
        if node.type == tree.XML_XINCLUDE_START or node.type == tree.XML_XINCLUDE_END:
            return _ASK
        return _PASS
    if node.next is not NULL and node.next.type in (
        tree.XML_TEXT_NODE, tree.XML_CDATA_SECTION_NODE, tree.XML_XINCLUDE_START,
        tree.XML_XINCLUDE_END
    ):
        return _ASK
    text = <const unsigned char*>node.content
    if text is NULL:
        return _PASS
    while text[0]:
        if opening:
            if 0x30 <= text[0] <= 0x39:
                return _KEEP
            opening = text[0] == 0x20 or 0x09 <= text[0] <= 0x0D or text[0] == 0x2B  # blank, +
        if text[0] >= 0x80:
            wide = True
        count += (text[0] & 0xC0) != 0x80
        if count >= limit and not opening:
            return _PASS
        if 0x30 <= text[0] <= 0x39:
            digit = True
        text += 1
    if digit:
        return _KEEP
    return _ASK if wide else _PASS


cdef str _node_text(xmlNode* node):
    return (<const char*>node.content).decode("utf-8", "replace")


cdef int _keep_short(list found, proxy, bint tail, Py_ssize_t limit) except -1:
    """What lxml reads as the proxy's text or tail, kept when short and holding a digit."""
    text = proxy.tail if tail else proxy.text
    if text and (
        (len(text) < limit and _DIGIT.search(text))
        or (not tail and _OPENS_WITH_DIGIT.match(text))
    ):
        found.append((proxy, text, tail))
    return 0


cdef inline xmlNode* _after_node(xmlNode* node, xmlNode* top) noexcept:
    """The node after `node` below `top` that iter() gives (an element, a comment, a
    processing instruction, an entity): text nodes passed over."""
    node = _after(node, top)
    while node is not NULL and (
        node.type == tree.XML_TEXT_NODE or node.type == tree.XML_CDATA_SECTION_NODE
        or node.type == tree.XML_XINCLUDE_START or node.type == tree.XML_XINCLUDE_END
        or node.type == tree.XML_DTD_NODE
    ):
        node = _after(node, top)
    return node


cdef struct _Slot:
    size_t hash
    const void* key  # a tag name's address in libxml2's dictionary
    const char* value  # an attribute's value in the tree, or NULL for the name alone
    Py_ssize_t payload


cdef class _Seen:
    """What one walk has met, each (name, value) once, so that meeting it again costs no
    Python object: an open-addressing table over the tree's own strings (the walk changes
    nothing, so they stay where they are)."""

    cdef _Slot* slots
    cdef size_t mask, count

    def __cinit__(self):
        self.mask = 255
        self.count = 0
        self.slots = <_Slot*>calloc(self.mask + 1, sizeof(_Slot))
        if self.slots is NULL:
            raise MemoryError()

    def __dealloc__(self):
        free(self.slots)

    cdef Py_ssize_t note(self, const void* key, const char* value, Py_ssize_t payload) except -2:
        """The payload noted for (key, value) before, or -1 after noting this one for it."""
        cdef size_t h = <size_t>key * <size_t>0x9E3779B97F4A7C15
        cdef size_t i
        cdef const unsigned char* byte
        if value is not NULL:
            byte = <const unsigned char*>value
            while byte[0]:
                h = (h ^ byte[0]) * <size_t>0x100000001B3
                byte += 1
        h |= 1  # 0 marks an empty slot
        i = h & self.mask
        while self.slots[i].hash:
            if (
                self.slots[i].hash == h
                and self.slots[i].key == key
                and (
                    self.slots[i].value == value
                    or (value is not NULL and self.slots[i].value is not NULL
                        and strcmp(self.slots[i].value, value) == 0)
                )
            ):
                return self.slots[i].payload
            i = (i + 1) & self.mask
        self.slots[i].hash = h
        self.slots[i].key = key
        self.slots[i].value = value
        self.slots[i].payload = payload
        self.count += 1
        if self.count * 2 > self.mask:
            self._grow()
        return -1

    cdef int _grow(self) except -1:
        cdef size_t old_mask = self.mask, i, j
        cdef _Slot* old = self.slots
        cdef _Slot* slots = <_Slot*>calloc((old_mask + 1) * 2, sizeof(_Slot))
        if slots is NULL:
            raise MemoryError()
        self.mask = old_mask * 2 + 1
        for i in range(old_mask + 1):
            if old[i].hash:
                j = old[i].hash & self.mask
                while slots[j].hash:
                    j = (j + 1) & self.mask
                slots[j] = old[i]
        self.slots = slots
        free(old)
        return 0


def survey(cetree._Element root, frozenset sourced):
    """(tags, classes, ids, sources) of the whole document `root` belongs to, head included:
    the tags of its elements, their (tag, class attribute) pairs, their id attributes, and the
    (tag, src) of the elements with a src whose tag is one of `sourced`, in page order."""
    return survey_gathering(root, sourced, frozenset())[:4]


def text_length(cetree._Element element, Py_ssize_t enough=-1):
    """len(text(element)), counted in its UTF-8 bytes without building the string; with
    `enough`, at most `enough`: counting stops once it is reached."""
    cdef xmlNode* top = element._c_node
    cdef xmlNode* node = top.children
    cdef Py_ssize_t count = 0
    while node is not NULL:
        if node.type == tree.XML_TEXT_NODE or node.type == tree.XML_CDATA_SECTION_NODE:
            if node.content is not NULL:
                count += _characters(<const unsigned char*>node.content)
                if 0 <= enough <= count:
                    return enough
        node = _after(node, top)
    return count


def text(cetree._Element element):
    """The text and CDATA below an element, joined in document order, without its tail:
    what lxml's text serialiser writes, without its setup."""
    cdef xmlNode* top = element._c_node
    cdef xmlNode* node
    cdef size_t size = 0, length
    cdef char* buffer
    cdef char* end
    if top.children is NULL:
        return ""
    node = top.children
    while node is not NULL:  # first the size, then the copy: both walks are cheap
        if (node.type == tree.XML_TEXT_NODE or node.type == tree.XML_CDATA_SECTION_NODE) and node.content is not NULL:
            size += strlen(<const char*>node.content)
        node = _after(node, top)
    buffer = <char*>malloc(size + 1)
    if buffer is NULL:
        raise MemoryError()
    end = buffer
    node = top.children
    while node is not NULL:
        if (node.type == tree.XML_TEXT_NODE or node.type == tree.XML_CDATA_SECTION_NODE) and node.content is not NULL:
            length = strlen(<const char*>node.content)
            memcpy(end, node.content, length)
            end += length
        node = _after(node, top)
    try:
        return buffer[:size].decode("utf-8", "replace")
    finally:
        free(buffer)


cdef inline Py_ssize_t _characters(const unsigned char* text) noexcept:
    """The characters of UTF-8 text: its bytes but the continuation bytes."""
    cdef size_t i, n = strlen(<const char*>text)
    cdef Py_ssize_t continuations = 0
    for i in range(n):  # no early exit: the compiler makes this loop wide
        continuations += (text[i] & 0xC0) == 0x80
    return n - continuations


def classes_up(cetree._Element element, int levels):
    """The class attributes of an element and its ancestors, nearest first, `levels` deep
    (those with none left out)."""
    cdef xmlNode* node = element._c_node
    cdef list found = []
    while levels > 0 and node is not NULL and node.type == tree.XML_ELEMENT_NODE:
        cls = _class_of(element, node)
        if cls is not None:
            found.append(cls)
        node = node.parent
        levels -= 1
    return found


def headline(
    cetree._Element member,
    skip,
    int budget,
    frozenset headings,
    is_headline_class,
    headline_text,
    frozenset paragraphs,
    has_text,
):
    """(element, text) of a post's headline, or (None, ""): the first heading or element of a
    headline class whose headline_text() is 2 to 300 characters long, unless a paragraph (an
    element of a `paragraphs` tag that has_text() says is one) comes first.

    Nodes are read in document order, the member first, at most `budget` after it; the skipped
    elements (a time, a byline) are passed over with all they hold, and so is a paragraph
    that holds one of them (a dateline).
    """
    cdef xmlNode* top = member._c_node
    cdef xmlNode* node = top
    cdef xmlNode* passed = NULL  # the root of the subtree being passed over
    cdef int count = -1
    cdef set skip_ids = node_ids(skip)
    while node is not NULL:
        if _is_child(node):
            count += 1
            if count > budget:
                return None, ""
            if node.type == tree.XML_ELEMENT_NODE and node is not top and passed is NULL:
                if <Py_ssize_t>node in skip_ids:
                    passed = node
                else:
                    tag = (<const char*>node.name).decode("utf-8", "replace")
                    cls = _class_of(member, node)
                    if tag in headings or (cls and is_headline_class(cls)):
                        element = cetree.elementFactory(member._doc, node)
                        text = headline_text(element)
                        if 2 <= len(text) <= 300:
                            return element, text
                    elif tag in paragraphs and has_text(cetree.elementFactory(member._doc, node)):
                        if not _holds_node(node, skip_ids):
                            return None, ""
                        passed = node  # a dateline, not the body
        node = _after(node, top, &passed)
    return None, ""


cdef bint _holds_node(xmlNode* top, set ids) except -1:
    """Whether one of the nodes below `top` is one of the ids."""
    cdef xmlNode* node = top.children
    while node is not NULL:
        if <Py_ssize_t>node in ids:
            return True
        node = _after(node, top)
    return False


def sibling_groups(elements, Py_ssize_t smallest=1):
    """The groups of siblings of one tag that climbs from the elements pass through, those of
    at least `smallest` members.

    From each element up to (not into) <body>, every node joins the group of its parent and
    tag; a climb stops at a node an earlier climb passed, whose groups it has already joined.
    Groups come in the order they were first reached, their members in the order they joined.
    """
    cdef cetree._Element element
    cdef xmlNode* node
    cdef xmlNode* parent
    cdef dict groups = {}
    cdef set climbed = set()
    cdef dict members
    cdef cetree._Document doc = None
    for element in elements:
        doc = element._doc
        node = element._c_node
        parent = node.parent
        while parent is not NULL and parent.type == tree.XML_ELEMENT_NODE:
            if _named(node, "body") or <Py_ssize_t>node in climbed:
                break
            climbed.add(<Py_ssize_t>node)
            key = (<Py_ssize_t>parent, (<const char*>node.name).decode("utf-8", "replace"))
            members = groups.get(key)
            if members is None:
                members = groups[key] = {}
            members[<Py_ssize_t>node] = None
            node = parent
            parent = node.parent
    return [
        [cetree.elementFactory(doc, <xmlNode*><Py_ssize_t>address) for address in members]
        for members in groups.values()
        if len(members) >= smallest
    ]


def owners(elements, members):
    """For each element, the first of the members that is the element or holds it, or None."""
    cdef cetree._Element element
    cdef xmlNode* node
    cdef dict by_node = {<Py_ssize_t>(<cetree._Element>m)._c_node: m for m in members}
    cdef list found = []
    for element in elements:
        node = element._c_node
        owner = None
        while node is not NULL and node.type == tree.XML_ELEMENT_NODE:
            owner = by_node.get(<Py_ssize_t>node)
            if owner is not None:
                break
            node = node.parent
        found.append(owner)
    return found


def double_space(str text):
    """Whether the text holds two spaces in a row: `"  " in text`, for the common case of
    text stored one byte a character without the search's per-space work."""
    cdef const unsigned char* data
    cdef Py_ssize_t i, n = len(text)
    cdef unsigned char found = 0
    if PyUnicode_KIND(text) != PyUnicode_1BYTE_KIND:
        return "  " in text
    data = <const unsigned char*>PyUnicode_DATA(text)
    for i in range(n - 1):  # no early exit: the compiler makes this loop wide
        found |= (data[i] == 32) & (data[i + 1] == 32)
    return found != 0


cdef extern from "string.h":
    void* memmem(const void* haystack, size_t haystack_size, const void* needle, size_t needle_size) nogil


def contains(str text, str needle):
    """`needle in text`: glibc's memmem when both are stored one byte a character."""
    if PyUnicode_KIND(text) == PyUnicode_1BYTE_KIND and PyUnicode_KIND(needle) == PyUnicode_1BYTE_KIND:
        return memmem(PyUnicode_DATA(text), len(text), PyUnicode_DATA(needle), len(needle)) is not NULL
    return needle in text


# The body walk --------------------------------------------------------------------------------
#
# entries.BodyWriter keeps every rule of reading an update's body; this walk only takes it
# through the body in page order, the way `for child in element` with .text and .tail would,
# and hands it what it must judge: runs of plain paragraphs as text, other elements one by one.
# Its rules are a _walks.WalkRules, read into typed fields once per walk.


def node_ids(elements):
    """The addresses of elements' libxml2 nodes, for headline() and walk() to test whether
    they meet one without making a proxy of every node they pass (_walks.node_ids gives the
    elements themselves: each backend reads its own tokens)."""
    cdef cetree._Element element
    cdef set ids = set()
    for element in elements:
        ids.add(<Py_ssize_t>element._c_node)
    return ids


cdef inline bint _is_text(xmlNode* node) noexcept:
    return node.type == tree.XML_TEXT_NODE or node.type == tree.XML_CDATA_SECTION_NODE


cdef inline bint _is_child(xmlNode* node) noexcept:
    """What lxml iterates as an element's children: elements, comments, PIs, entity refs."""
    return (
        node.type == tree.XML_ELEMENT_NODE
        or node.type == tree.XML_COMMENT_NODE
        or node.type == tree.XML_PI_NODE
        or node.type == tree.XML_ENTITY_REF_NODE
    )


cdef object _collect(xmlNode* node, xmlNode** after, bint drop_blank=False):
    """The text of consecutive text nodes from `node` (None if there are none), as lxml's .text
    and .tail give it; `after` is set to the first node past them. With `drop_blank`, text of
    ASCII whitespace alone is None too, without being decoded (str.isspace() would say so)."""
    cdef object text = None
    cdef xmlNode* start = node
    cdef const unsigned char* byte
    if drop_blank:
        while node is not NULL and (_is_text(node) or not _is_child(node)):
            if _is_text(node) and node.content is not NULL:
                byte = <const unsigned char*>node.content
                while byte[0] == 32 or 9 <= byte[0] <= 13:
                    byte += 1
                if byte[0]:
                    break  # something else: decode it all, below
            node = node.next
        else:
            after[0] = node
            return None
        node = start
    while node is not NULL and (_is_text(node) or not _is_child(node)):
        if _is_text(node) and node.content is not NULL:
            part = (<const char*>node.content).decode("utf-8", "replace")
            text = part if text is None else text + part
        node = node.next
    after[0] = node
    return text


cdef bint _plain_paragraph(xmlNode* node) noexcept:
    """<p> with text alone: no class, no child element, comment or instruction."""
    cdef xmlNode* child
    cdef xmlAttr* attr
    if node.type != tree.XML_ELEMENT_NODE or strcmp(<const char*>node.name, "p") != 0:
        return False
    attr = node.properties
    while attr is not NULL:
        if strcmp(<const char*>attr.name, "class") == 0:
            return False
        attr = attr.next
    child = node.children
    while child is not NULL:
        if _is_child(child):
            return False
        child = child.next
    return True


def walk(writer, cetree._Element container, rules):
    """Read a container's text and children into the writer, in document order."""
    _Walk(writer, container, rules).walk(container._c_node)


cdef class _Walk:
    """One walk: the writer, its pending inline text, the nodes it skips and the rules, looked
    up once."""

    cdef cetree._Element owner
    cdef object writer, skip
    cdef list pending  # writer._text: inline text not yet closed as a paragraph
    cdef frozenset ignored, inline, text_blocks, classified, rich
    cdef object is_chrome, classify

    def __init__(self, writer, cetree._Element owner, rules):
        self.owner = owner
        self.writer = writer
        self.pending = writer._text
        self.skip = writer.skip_nodes
        self.ignored = rules.ignored
        self.inline = rules.inline
        self.text_blocks = rules.text_blocks
        self.classified = rules.classified
        self.rich = rules.rich
        self.is_chrome = rules.is_chrome
        self.classify = rules.classify

    cdef walk(self, xmlNode* container):
        cdef xmlNode* node
        cdef xmlNode* after
        cdef list run = []
        text = _collect(container.children, &node, not self.pending)
        if text and (self.pending or not text.isspace()):
            self.writer._add_text(text)
        while node is not NULL:
            if _plain_paragraph(node) and not (self.skip and <Py_ssize_t>node in self.skip):
                if self.pending:
                    self.writer.flush()
                text = _collect(node.children, &after)
                if text:
                    run.append(text)
            else:
                if run:
                    self.writer._plain_paragraphs(run)
                    run = []
                self.visit(node)
            tail = _collect(node.next, &after, not self.pending)
            # Layout whitespace between blocks is not text; between inline elements it is.
            if tail and (self.pending or not tail.isspace()):
                if run:
                    self.writer._plain_paragraphs(run)
                    run = []
                self.writer._add_text(tail)
            node = after
        if run:
            self.writer._plain_paragraphs(run)

    cdef visit(self, xmlNode* node):
        cdef object element = None
        if node.type != tree.XML_ELEMENT_NODE:
            return  # comments, processing instructions
        tag = (<const char*>node.name).decode("utf-8", "replace")
        if tag in self.ignored:
            return
        if self.skip and <Py_ssize_t>node in self.skip:
            return
        cls = _class_of(self.owner, node) or ""
        if cls and self.is_chrome(cls):
            return  # a share bar or an ad
        if tag in self.classified:
            if element is None:
                element = cetree.elementFactory(self.owner._doc, node)
            kind = self.classify(element, tag, cls)
            if kind is not None:
                if self.pending:
                    self.writer.flush()
                self.writer._media(element, kind)
                return
        if tag in self.inline:
            if element is None:
                element = cetree.elementFactory(self.owner._doc, node)
            self.writer._inline(element, tag)
            return
        if self.pending:
            self.writer.flush()
        if tag in self.text_blocks and not _holds(node, self.rich):
            if element is None:
                element = cetree.elementFactory(self.owner._doc, node)
            self.writer._block(element, tag)
        else:
            self.walk(node)
            if self.pending:
                self.writer.flush()


def figure_parts(cetree._Element element, role):
    """(img, source, figcaption, credit, captions) of a figure or an image container, in one
    walk: the first <img> or <amp-img>, the first <source>, the first <figcaption>, the first
    element whose class role() calls a credit (1), and those it calls captions (2), in page
    order. Images and sources are not asked about their class."""
    cdef xmlNode* top = element._c_node
    cdef xmlNode* node = top
    cdef xmlNode* img = NULL
    cdef xmlNode* source = NULL
    cdef xmlNode* figcaption = NULL
    cdef xmlNode* credit = NULL
    cdef list captions = []
    while node is not NULL:
        if node.type == tree.XML_ELEMENT_NODE:
            if _named(node, "img") or _named(node, "amp-img"):
                if img is NULL:
                    img = node
            elif _named(node, "source"):
                if source is NULL:
                    source = node
            else:
                if figcaption is NULL and _named(node, "figcaption"):
                    figcaption = node
                cls = _class_of(element, node)
                if cls:
                    kind = role(cls)
                    if kind == 1:
                        if credit is NULL:
                            credit = node
                    elif kind == 2:
                        captions.append(cetree.elementFactory(element._doc, node))
        node = _after(node, top)
    return (
        _proxy(element, img),
        _proxy(element, source),
        _proxy(element, figcaption),
        _proxy(element, credit),
        captions,
    )


cdef object _proxy(cetree._Element owner, xmlNode* node):
    return None if node is NULL else cetree.elementFactory(owner._doc, node)


def first(cetree._Element element, frozenset tags):
    """The element, or the first element inside it in document order, with one of the tags;
    or None."""
    cdef xmlNode* top = element._c_node
    cdef xmlNode* node = top
    while node is not NULL:
        if node.type == tree.XML_ELEMENT_NODE:
            if (<const char*>node.name).decode("utf-8", "replace") in tags:
                return cetree.elementFactory(element._doc, node)
        node = _after(node, top)
    return None


def holds(cetree._Element element, frozenset tags):
    """Whether the element, or an element inside it, has one of the tags."""
    return _holds(element._c_node, tags)


cdef bint _holds(xmlNode* top, frozenset tags) except -1:
    """Whether an element, or an element inside it, has one of the tags."""
    cdef xmlNode* node = top
    while node is not NULL:
        if node.type == tree.XML_ELEMENT_NODE:
            if (<const char*>node.name).decode("utf-8", "replace") in tags:
                return True
        node = _after(node, top)
    return False


def controls(str text, pattern):
    """Whether the text holds a character XML cannot carry: one the pattern (clean's class of
    them) finds, read here without it, by the same class: for text stored one byte a
    character, the C0 controls but tab and newline, DEL and the C1 controls; for wide text,
    those and the rest of the class (_wide_controls)."""
    cdef const unsigned char* data
    cdef Py_ssize_t i, n = len(text)
    cdef unsigned char c, found = 0
    if PyUnicode_KIND(text) != PyUnicode_1BYTE_KIND:
        return _wide_controls(text)
    data = <const unsigned char*>PyUnicode_DATA(text)
    for i in range(n):  # no early exit: the compiler makes this loop wide
        c = data[i]
        found |= ((c < 32) & (c != 9) & (c != 10)) | ((c >= 0x7F) & (c <= 0x9F))
    return found != 0


def survey_gathering(cetree._Element root, frozenset sourced, frozenset gathered):
    """survey()'s (tags, classes, ids, sources), and the elements whose tag is one of
    `gathered`, in page order: the readers that look for a few tags read them without a walk
    of their own (a walk of a big page costs however little it finds)."""
    cdef set classes = set(), ids = set()
    cdef list tags = [], sources = [], elements = []
    cdef list is_sourced = [], is_gathered = []
    cdef _Seen seen = _Seen()
    cdef xmlNode* top = root._c_node
    cdef xmlNode* node
    cdef Py_ssize_t index
    cdef int state
    cdef const char* value
    while top.parent is not NULL and top.parent.type == tree.XML_ELEMENT_NODE:
        top = top.parent
    node = top
    while node is not NULL:
        if node.type == tree.XML_ELEMENT_NODE:
            index = seen.note(node.name, NULL, len(tags))
            if index < 0:
                index = len(tags)
                tag = (<const char*>node.name).decode("utf-8", "replace")
                tags.append(tag)
                is_sourced.append(tag in sourced)
                is_gathered.append(tag in gathered)
            if is_gathered[index]:
                elements.append(cetree.elementFactory(root._doc, node))
            if node.properties is not NULL:
                tag = tags[index]
                value = _value(node, "class", &state)
                if state == SIMPLE:
                    if seen.note(node.name, value, 0) < 0:
                        classes.add((tag, value.decode("utf-8", "replace")))
                elif state == ASSEMBLED:
                    classes.add((tag, _attribute(root, node, "class")))
                own = _attribute(root, node, "id")
                if own is not None:
                    ids.add(own)
                if is_sourced[index]:
                    src = _attribute(root, node, "src")
                    if src is not None:
                        sources.append((tag, src))
        node = _after(node, top)
    return set(tags), classes, ids, sources, elements


# Marks of posts, climbed up the tree ----------------------------------------------------------


def node_id(cetree._Element element):
    """The token node_ids() gives for one element: its node's address."""
    return <Py_ssize_t>element._c_node


def marked_up(elements, dict marked):
    """Add to `marked` the node_id() of each element and of every element above it, in the
    order first reached. A climb stops at a node `marked` holds: built only by this function,
    it holds that node's ancestors too."""
    cdef cetree._Element element
    for element in elements:
        _climb(element._c_node, marked)


cdef int _climb(xmlNode* node, dict marked) except -1:
    """marked_up()'s climb from one element: it and its ancestors, to the first already held."""
    while node is not NULL and node.type == tree.XML_ELEMENT_NODE:
        key = <Py_ssize_t>node
        if key in marked:
            break
        marked[key] = None
        node = node.parent
    return 0


def shapes(cetree._Element root, marked, timed, frozenset excluded, key):
    """(parent, tag, kinds, sibling kinds) for each parent and tag of the marked elements
    (node_id() tokens of `root`'s document) whose tag is not excluded, in the order first met:
    the distinct key()s of those elements' class attributes, in the order met, and the key()s
    of all the parent's children of that tag, in page order.

    Left out (costing no proxy): a parent and tag under which no two children share one of the
    kinds and fewer than two kinds are those of `timed` elements (tokens too), which can form
    no group."""
    cdef xmlNode* node
    cdef xmlNode* parent
    cdef bytes name
    cdef dict names = {}  # tag names by their address in libxml2's dictionary
    cdef dict found = {}, kinds
    cdef list siblings, result = []
    for token in marked:
        node = <xmlNode*><Py_ssize_t>token
        if node.type != tree.XML_ELEMENT_NODE:  # a comment is no post
            continue
        tag = names.get(<Py_ssize_t>node.name)
        if tag is None:
            tag = names[<Py_ssize_t>node.name] = (<const char*>node.name).decode("utf-8", "replace")
        if tag in excluded:
            continue
        parent = node.parent
        if parent is NULL or parent.type != tree.XML_ELEMENT_NODE:
            continue
        kinds = found.get((<Py_ssize_t>parent, tag))
        if kinds is None:
            kinds = found[(<Py_ssize_t>parent, tag)] = {}
        kind = key(_class_of(root, node))
        kinds[kind] = kinds.get(kind, False) or token in timed
    for (address, tag), kinds in found.items():
        parent = <xmlNode*><Py_ssize_t>address
        name = tag.encode("utf-8")
        siblings = []
        node = parent.children
        while node is not NULL:
            if node.type == tree.XML_ELEMENT_NODE and strcmp(<const char*>node.name, name) == 0:
                siblings.append(key(_class_of(root, node)))
            node = node.next
        if sum(kinds.values()) > 1 or any(siblings.count(kind) > 1 for kind in kinds):
            result.append((cetree.elementFactory(root._doc, parent), tag, list(kinds), siblings))
    return result


# What a member of a stream says --------------------------------------------------------------


cdef struct _TagSet:
    # A few tag names as UTF-8, compared with an element's name byte for byte, as lxml's
    # iter(*tags) does; a larger set is asked in Python.
    const char* names[16]
    int count  # -1: the set is larger


cdef int _tag_set(_TagSet* found, frozenset tags, list keep) except -1:
    """Fill `found` with the tags; `keep` holds the bytes it points into."""
    found.count = 0
    if len(tags) > 16:
        found.count = -1
        return 0
    for tag in tags:
        name = (<str>tag).encode("utf-8")
        keep.append(name)
        found.names[found.count] = <const char*>name
        found.count += 1
    return 0


cdef bint _tag_in(_TagSet* wanted, xmlNode* node, frozenset tags) except -1:
    cdef const char* name = <const char*>node.name
    cdef int i
    if wanted.count < 0:
        return name.decode("utf-8", "replace") in tags
    for i in range(wanted.count):
        if name[0] == wanted.names[i][0] and strcmp(name, wanted.names[i]) == 0:
            return True
    return False


def linked_length(cetree._Element element):
    """The length of the text of each <a> at or below the element, added up."""
    cdef xmlNode* top = element._c_node
    cdef xmlNode* node = top
    cdef xmlNode* inner
    cdef Py_ssize_t count = 0
    while node is not NULL:
        if node.type == tree.XML_ELEMENT_NODE and _named(node, "a"):
            inner = node.children
            while inner is not NULL:
                if (inner.type == tree.XML_TEXT_NODE or inner.type == tree.XML_CDATA_SECTION_NODE) and inner.content is not NULL:
                    count += _characters(<const unsigned char*>inner.content)
                inner = _after(inner, node)
        node = _after(node, top)
    return count


def own_texts(cetree._Element element, frozenset tags, Py_ssize_t limit):
    """The .text of the element and of each element below it with one of the tags, in page
    order, those not empty and shorter than `limit` characters."""
    cdef xmlNode* top = element._c_node
    cdef xmlNode* node = top
    cdef xmlNode* after
    cdef _TagSet wanted
    cdef list keep = [], found = []
    _tag_set(&wanted, tags, keep)
    while node is not NULL:
        if node.type == tree.XML_ELEMENT_NODE:
            if _tag_in(&wanted, node, tags):
                text = _collect(node.children, &after)
                if text and len(text) < limit:
                    found.append(text)
        node = _after(node, top)
    return found


cdef object _held(cetree._Element element, xmlNode* node, str name, bytes attribute,
                  list wanted, tuple needles):
    """The value of the node's attribute `name` when it holds one of the needles (`wanted`:
    the same, encoded), else None."""
    cdef int state = ABSENT
    cdef const char* raw = _value(node, attribute, &state)
    if state == SIMPLE:
        for needle in wanted:
            if strstr(raw, <const char*>needle) is not NULL:
                return raw.decode("utf-8", "replace")
    elif state == ASSEMBLED:
        value = cetree.elementFactory(element._doc, node).get(name)
        for needle in needles:
            if needle in value:
                return value
    return None


def attribute_values(cetree._Element element, str tag, str name, str needle):
    """The values of the attribute `name` of the element and of each element below it with
    the tag, in page order, those that hold the needle."""
    cdef xmlNode* top = element._c_node
    cdef xmlNode* node = top
    cdef bytes tag_name = tag.encode("utf-8"), attribute = name.encode("utf-8")
    cdef list wanted = [needle.encode("utf-8")]
    cdef tuple needles = (needle,)
    cdef list found = []
    while node is not NULL:
        if node.type == tree.XML_ELEMENT_NODE and strcmp(<const char*>node.name, tag_name) == 0:
            value = _held(element, node, name, attribute, wanted, needles)
            if value is not None:
                found.append(value)
        node = _after(node, top)
    return found


def holding(cetree._Element element, str tag, str name, tuple needles):
    """The element and each element below it with the tag whose attribute `name` holds one
    of the needles, in page order."""
    cdef xmlNode* top = element._c_node
    cdef xmlNode* node = top
    cdef bytes tag_name = tag.encode("utf-8"), attribute = name.encode("utf-8")
    cdef list wanted = [needle.encode("utf-8") for needle in needles]
    cdef list found = []
    while node is not NULL:
        if node.type == tree.XML_ELEMENT_NODE and strcmp(<const char*>node.name, tag_name) == 0:
            if _held(element, node, name, attribute, wanted, needles) is not None:
                found.append(cetree.elementFactory(element._doc, node))
        node = _after(node, top)
    return found


def marked_up_tags(cetree._Element root, frozenset tags, dict marked):
    """marked_up() of the root and each element below it with one of the tags."""
    cdef xmlNode* top = root._c_node
    cdef xmlNode* node = top
    cdef _TagSet wanted
    cdef list keep = []
    _tag_set(&wanted, tags, keep)
    while node is not NULL:
        if node.type == tree.XML_ELEMENT_NODE and _tag_in(&wanted, node, tags):
            _climb(node, marked)
        node = _after(node, top)


# What the generic extractor reads of a page's body, in one walk -----------------------------


def body_marks(cetree._Element body, Py_ssize_t limit, frozenset headings, tuple needles):
    """(texts, timed, metas, bylines, headings, links) of one body, each in page order: its
    short_texts(body, limit); mark()'s three lists of the elements below it (a body nested in
    it read with it); the body and the elements below it with one of the heading tags; and
    holding(body, "a", "href", needles).

    One walk does the work of the four: each is a whole walk of a big page."""
    cdef list texts = [], timed = [], metas = [], bylines = [], found = [], links = []
    cdef list encoded = [(<str>needle).encode("utf-8") for needle in needles]
    cdef xmlNode* top = body._c_node
    cdef xmlNode* node = top
    cdef _TagSet wanted
    cdef list keep = []
    _tag_set(&wanted, headings, keep)
    while node is not NULL:
        _short_text_of(texts, body, node, limit)
        if node.type == tree.XML_ELEMENT_NODE:
            if node is not top:
                _mark_one(body, node, timed, metas, bylines)
            if _tag_in(&wanted, node, headings):
                found.append(cetree.elementFactory(body._doc, node))
            if _named(node, "a") and _href_holds(body, node, encoded, needles):
                links.append(cetree.elementFactory(body._doc, node))
        if node is not top:
            _short_tail_of(texts, body, node, limit)
        node = _after_node(node, top)
    return texts, timed, metas, bylines, found, links


cdef bint _href_holds(cetree._Element owner, xmlNode* node, list encoded,
                      tuple needles) except -1:
    """Whether the element's href holds one of the needles (`encoded`: them in UTF-8), as
    holding() asks."""
    cdef int state = ABSENT
    cdef const char* raw = _value(node, "href", &state)
    if state == SIMPLE:
        for needle in encoded:
            if strstr(raw, <const char*>needle) is not NULL:
                return True
        return False
    if state == ASSEMBLED:
        value = cetree.elementFactory(owner._doc, node).get("href")
        return any(n in value for n in needles)


# Control characters in wide text --------------------------------------------------------------


cdef bint _wide_controls(str text) noexcept:
    """controls() for text stored two or four bytes a character, by clean's class of them:
    the C0 controls but tab and newline, DEL and the C1 controls, the surrogates, the
    noncharacters U+FDD0 to U+FDEF, and the last two code points of every plane (U+FFFE,
    U+1FFFF, ...). Most pages' texts are wide (a curly quote, a dash): a look through the
    expression costs some 9 ns a character, this loop a fraction of one."""
    cdef Py_ssize_t i, n = len(text)
    cdef const uint16_t* narrow
    cdef const uint32_t* wide
    cdef uint32_t c
    cdef bint found = 0
    if PyUnicode_KIND(text) == PyUnicode_2BYTE_KIND:
        narrow = <const uint16_t*>PyUnicode_DATA(text)
        for i in range(n):  # no early exit: the compiler makes this loop wide
            c = narrow[i]
            found |= _forbidden(c)
    else:
        wide = <const uint32_t*>PyUnicode_DATA(text)
        for i in range(n):
            c = wide[i]
            found |= _forbidden(c)
    return found


cdef inline bint _forbidden(uint32_t c) noexcept:
    return (
        ((c < 32) & (c != 9) & (c != 10))
        | ((c >= 0x7F) & (c <= 0x9F))
        | ((c >= 0xD800) & (c <= 0xDFFF))
        | ((c >= 0xFDD0) & (c <= 0xFDEF))
        | ((c & 0xFFFE) == 0xFFFE)
    )


# Controls that may state a count ---------------------------------------------------------------


def digit_texts(elements, frozenset tags, Py_ssize_t limit):
    """(element, text()) of each of the elements with one of the tags whose text holds a
    decimal digit of any script and is at most `limit` characters long, in their order.

    The text is read in place, its characters counted and its ASCII digits looked for: only
    a text kept, or one with characters beyond ASCII (a digit of another script), is decoded."""
    cdef _TagSet wanted
    cdef list keep = [], found = []
    cdef xmlNode* top
    cdef xmlNode* node
    cdef const unsigned char* byte
    cdef Py_ssize_t count
    cdef bint digit, wide
    _tag_set(&wanted, tags, keep)
    for element in elements:
        top = (<cetree._Element?>element)._c_node
        if top.type != tree.XML_ELEMENT_NODE or not _tag_in(&wanted, top, tags):
            continue
        count, digit, wide = 0, False, False
        node = top.children
        while node is not NULL and count <= limit:
            if _is_text(node) and node.content is not NULL:
                byte = <const unsigned char*>node.content
                while byte[0]:
                    wide |= byte[0] >= 0x80
                    digit |= 0x30 <= byte[0] <= 0x39
                    count += (byte[0] & 0xC0) != 0x80
                    byte += 1
            node = _after(node, top)
        if count == 0 or count > limit or not (digit or wide):
            continue
        value = text(element)
        if digit or _DIGIT.search(value) is not None:
            found.append((element, value))
    return found


def link_candidates(elements, frozenset tags, tuple names, tuple words):
    """The elements with one of the tags that may lead to more of a page, in their order: one
    with one of the attributes `names` not empty, with a child node, or whose own text
    (.text) holds one of the words (lower-case ASCII) in any case or a character beyond
    ASCII. The text of most is one node of ASCII, looked through in place."""
    cdef _TagSet wanted
    cdef list keep = [], found = []
    cdef list attributes = [(<str>name).encode("utf-8") for name in names]
    cdef list needles = [(<str>word).encode("ascii") for word in words]
    cdef _Needles words_in
    cdef xmlNode* top
    cdef xmlNode* node
    cdef const char* raw
    cdef int state
    cdef bint hit
    _tag_set(&wanted, tags, keep)
    _needles(&words_in, needles)
    try:
        _link_candidates(elements, tags, wanted, attributes, words, &words_in, found)
    finally:
        free(words_in.texts)
        free(words_in.sizes)
    return found


cdef struct _Needles:
    const unsigned char** texts
    size_t* sizes
    size_t count


cdef int _needles(_Needles* into, list needles) except -1:
    """The needles' bytes and lengths in C arrays (the list holds the bytes alive)."""
    cdef size_t i, count = len(needles)
    into.count = 0
    into.texts = <const unsigned char**>malloc((count + 1) * sizeof(const unsigned char*))
    into.sizes = <size_t*>malloc((count + 1) * sizeof(size_t))
    if into.texts is NULL or into.sizes is NULL:
        free(into.texts)
        free(into.sizes)
        into.texts, into.sizes = NULL, NULL
        raise MemoryError()
    for i in range(count):
        into.texts[i] = <const unsigned char*>(<bytes>needles[i])
        into.sizes[i] = len(<bytes>needles[i])
    into.count = count
    return 0


cdef int _link_candidates(
    elements, frozenset tags, _TagSet wanted, list attributes, tuple words,
    _Needles* needles, list found
) except -1:
    cdef xmlNode* top
    cdef xmlNode* node
    cdef const char* raw
    cdef int state
    cdef bint hit
    for element in elements:
        top = (<cetree._Element?>element)._c_node
        if top.type != tree.XML_ELEMENT_NODE or not _tag_in(&wanted, top, tags):
            continue
        hit = False
        for name in attributes:
            state = ABSENT
            raw = _value(top, <const char*>(<bytes>name), &state)
            if (state == SIMPLE and raw[0]) or (state == ASSEMBLED and element.get(name.decode())):
                hit = True
                break
        node = top.children
        while not hit and node is not NULL:
            hit = _is_child(node)
            node = node.next
        if not hit:
            node = top.children
            if node is not NULL and _is_text(node) and (node.next is NULL or _is_child(node.next)):
                if node.content is not NULL:
                    hit = _holds_word(<const unsigned char*>node.content, needles)
            elif node is not NULL:  # text in several nodes (or none): as lxml joins it
                text = element.text
                hit = bool(text) and (not text.isascii() or any(w in text.lower() for w in words))
        if hit:
            found.append(element)
    return 0


cdef bint _holds_word(const unsigned char* text, _Needles* needles) except -1:
    """Whether ASCII text holds one of the lower-case needles in any case; text beyond ASCII
    answers yes (str.lower() is left to decide). The text is lowered once, into a copy, and
    each needle looked for in it by its first byte, then the rest."""
    cdef size_t i, k, n = strlen(<const char*>text), size
    cdef unsigned char c
    cdef unsigned char small[256]
    cdef unsigned char* lowered = small
    cdef const unsigned char* needle
    cdef bint found = False
    for i in range(n):
        if text[i] >= 0x80:
            return True
    if n >= sizeof(small):
        lowered = <unsigned char*>malloc(n + 1)
        if lowered is NULL:
            raise MemoryError()
    for i in range(n):
        c = text[i]
        lowered[i] = c + 0x20 if 0x41 <= c <= 0x5A else c
    lowered[n] = 0
    for k in range(needles.count):
        needle, size = needles.texts[k], needles.sizes[k]
        if size > n:
            continue
        if size == 0:
            found = True
            break
        c = needle[0]
        for i in range(n - size + 1):
            if lowered[i] == c and memcmp(lowered + i, needle, size) == 0:
                found = True
                break
        if found:
            break
    if lowered is not small:
        free(lowered)
    return found
