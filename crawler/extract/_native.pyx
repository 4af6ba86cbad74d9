# cython: language_level=3, boundscheck=False, wraparound=False
"""Walks of the whole tree in C, over libxml2's nodes, for the loops Python cannot make cheap.

A Python loop over a page's elements pays for an lxml proxy and several attribute calls per
element, and a live blog has thousands; these loops read libxml2's structures directly and make
a proxy only for the few elements they return. They decide nothing about live blogs that a
regular expression or a word list decides: Python keeps every rule, these functions only find.
tests/test_extract_fastpaths.py checks each against the plain lxml code it stands for.
"""

from libc.string cimport strcmp, strstr

cimport lxml.includes.etreepublic as cetree
from lxml.includes cimport tree
from lxml.includes.tree cimport xmlAttr, xmlNode

cetree.import_lxml__etree()


cdef inline bint _named(xmlNode* node, const char* name) noexcept:
    return strcmp(<const char*>node.name, name) == 0


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


cdef bint _value_holds(cetree._Element owner, xmlNode* node, const char* name, tuple needles):
    """Whether the attribute's value holds one of the needles (ASCII bytes)."""
    cdef int state = ABSENT
    cdef const char* value = _value(node, name, &state)
    cdef bytes needle
    if state == SIMPLE:
        for needle in needles:
            if strstr(value, needle) is not NULL:
                return True
        return False
    if state == ABSENT:
        return False
    text = cetree.elementFactory(owner._doc, node).get(name.decode("ascii"))
    return any(needle.decode("ascii") in text for needle in needles)


_BYLINE = (b"uthor", b"yline", b"ontributor")
_COLON = (b":",)


def mark(cetree._Element root):
    """(timed, metas, bylines): the elements of the page's body, in page order, that may say
    when a post was written or by whom.

    timed: a <time>, or an element with an attribute whose name holds "time" or "date";
    metas: a <meta> whose content holds a ":"; bylines: a class holding "uthor", "yline" or
    "ontributor". Every element below a <body> counts once, nested bodies included.
    """
    cdef list timed = [], metas = [], bylines = []
    cdef xmlNode* top = root._c_node
    cdef xmlNode* node
    cdef xmlNode* body = NULL  # the outermost <body> being read
    cdef xmlAttr* attr
    cdef const char* name
    cdef bint hit
    while top.parent is not NULL and top.parent.type == tree.XML_ELEMENT_NODE:
        top = top.parent  # from the document's root element, as getroot() gives it
    node = top
    while True:
        if node.type == tree.XML_ELEMENT_NODE:
            if body is NULL:
                if _named(node, "body"):
                    body = node
            else:
                hit = _named(node, "time")
                attr = node.properties
                while attr is not NULL and not hit:
                    name = <const char*>attr.name
                    hit = strstr(name, "time") is not NULL or strstr(name, "date") is not NULL
                    attr = attr.next
                if hit:
                    timed.append(cetree.elementFactory(root._doc, node))
                if node.properties is not NULL:
                    if _value_holds(root, node, "class", _BYLINE):
                        bylines.append(cetree.elementFactory(root._doc, node))
                    if _named(node, "meta") and _value_holds(root, node, "content", _COLON):
                        metas.append(cetree.elementFactory(root._doc, node))
            if node.children is not NULL:
                node = node.children
                continue
        # On to the next node in page order, leaving the body when the climb passes it.
        while node is not top and node.next is NULL:
            if node is body:
                body = NULL
            node = node.parent
        if node is top:
            break
        if node is body:
            body = NULL
        node = node.next
    return timed, metas, bylines


def text_length(cetree._Element element):
    """len(etree.tostring(element, method="text", encoding="unicode", with_tail=False)).

    The characters of the text and CDATA below an element, counted in its UTF-8 bytes
    without building the string.
    """
    cdef xmlNode* top = element._c_node
    cdef xmlNode* node = top.children
    cdef const unsigned char* byte
    cdef Py_ssize_t count = 0
    while node is not NULL:
        if node.type == tree.XML_TEXT_NODE or node.type == tree.XML_CDATA_SECTION_NODE:
            byte = <const unsigned char*>node.content
            if byte is not NULL:
                while byte[0]:
                    if (byte[0] & 0xC0) != 0x80:  # not a continuation byte: a character
                        count += 1
                    byte += 1
        elif node.type == tree.XML_ELEMENT_NODE and node.children is not NULL:
            node = node.children
            continue
        while node is not NULL and node.next is NULL:
            node = node.parent
            if node is top:
                node = NULL
        if node is not NULL:
            node = node.next
    return count

