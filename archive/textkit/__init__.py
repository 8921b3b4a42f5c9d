"""Pure-Python text cleaning for imported commentary (no Django imports anywhere in here).

The pieces, each usable on its own:

* :mod:`.decode` turns uploaded bytes into normalised text (or explains why it can't);
* :mod:`.html` pulls the article text and metadata out of an HTML page;
* :mod:`.boilerplate` finds appeals, share/comment prompts, leftover labels, stray bios
  and end marks;
* :mod:`.glued` splits words that lost the space between them when links were stripped;
* :mod:`.turns` recognises the question/answer turns of an interview;
* :mod:`.pipeline` runs all of the above on one uploaded file.
"""

from .boilerplate import Span, find_boilerplate, remove_spans
from .decode import MAX_BYTES, Decoded, ImportProblem, decode_bytes
from .glued import Repair, repair_glued_words
from .html import Extracted, extract_html, looks_like_html
from .pipeline import Cleaned, clean_document
from .turns import Turn, find_turns

__all__ = [
    "MAX_BYTES",
    "Cleaned",
    "Decoded",
    "Extracted",
    "ImportProblem",
    "Repair",
    "Span",
    "Turn",
    "clean_document",
    "decode_bytes",
    "extract_html",
    "find_boilerplate",
    "find_turns",
    "looks_like_html",
    "remove_spans",
    "repair_glued_words",
]
