"""Page chrome and publishing boilerplate scraped into the article body: one rule per kind of chrome.

The patterns and the scan are in ``qa.boilerplate``; each rule reports the
hits of its kind from the document's one scan (``Context.boilerplate``).
"""

from __future__ import annotations

from typing import Iterator

from qa.context import Context
from qa.model import Hit
from qa.registry import rule
from qa.text import Text


def find(target: Text, ctx: Context, kind: str) -> Iterator[Hit]:
    """Hits of one kind's patterns, one per paragraph or sentence, in text order."""
    yield from ctx.boilerplate(target)[kind]


@rule("QA201", "page-counter", "content/boilerplate", "major")
def page_counter(target: Text, ctx: Context) -> Iterator[Hit]:
    r"""View, comment or share counters scraped with the article ("5658 views 8 comment(s)").

    Why: counters are page furniture; in a translated article they read as
    stray numbers and show that nobody edited the page.

    Bad: Russia and China sign a deal\n12.08.2023. 14:35 1.204 views | 3 comments\nThe agreement covers energy.
    Bad: Views: 980\nThe minister resigned.
    Good: The video drew 5,658 views and eight comments within an hour.

    Known limits: a counter inside a sentence of prose is not reported.
    """
    return find(target, ctx, "page-counter")


@rule("QA202", "photo-credit", "content/boilerplate", "major")
def photo_credit(target: Text, ctx: Context) -> Iterator[Hit]:
    r"""Photo credits and caption labels in the body ("Photo: Getty Images", "Foto: Tanjug").

    Why: credits belong under an image that the text version does not have;
    a line "Photo: Reuters" in the body reads as a stray fragment.

    Bad: Image: Reuters/Marko Djurica\nThe protest went on.
    Bad: Foto: Beta\nThe protest went on.
    Bad: AFP/Getty Images
    Good: A Reuters photographer said the police used tear gas.

    Known limits: a caption sentence without a label ("The minister in
    Brussels on Monday") cannot be told from prose.
    """
    return find(target, ctx, "photo-credit")


@rule("QA203", "translation-disclaimer", "content/boilerplate", "major")
def translation_disclaimer(target: Text, ctx: Context) -> Iterator[Hit]:
    r"""A site's machine-translation disclaimer inside the article.

    Why: the notice that "translations are done by AI and might not be
    accurate" is site furniture, not news; left in the body it undermines the
    article and is repeated on every page.

    Bad: Note: this text was translated with artificial intelligence and may contain errors.
    Bad: This article has been machine-translated by software; the original prevails.
    Good: The court ordered the translation of the documents into English.

    Known limits: disclaimers that never mention translation are not caught.
    """
    return find(target, ctx, "translation-disclaimer")


@rule("QA204", "social-footer", "content/boilerplate", "major")
def social_footer(target: Text, ctx: Context) -> Iterator[Hit]:
    r"""Follow-us, contact-us and subscribe footers of the source outlet.

    Why: the source site's promotion ("Follow us on Facebook", "write to us
    at ...@...") points English readers to another outlet's channels.

    Bad: Join us on Instagram and Telegram for more news.
    Bad: Send us your stories at desk@example.com.
    Bad: Pratite nas na Fejsbuku.
    Good: The police asked witnesses to contact them by phone.

    Known limits: a footer that names no channel, address or newsletter is
    not caught.
    """
    return find(target, ctx, "social-footer")


@rule("QA205", "related-teaser", "content/boilerplate", "major")
def related_teaser(target: Text, ctx: Context) -> Iterator[Hit]:
    r"""A related-article teaser or link headline scraped into the body.

    Why: "Read also: ..." and "See how ..." lines were links to other
    articles; in the body they interrupt the story and point nowhere.

    Bad: Floods hit the north\nThe river rose overnight.\nRead also: Serbia and Kosovo agree on licence plates
    Bad: Floods hit the north\nThe river rose overnight.\nFind out how the floods hit the north of the country
    Good: Watch: Aguero scores twice as City win\nThe striker scored in each half.
    Good: Read the full statement, the minister told reporters, before judging.

    Known limits: a teaser written as a full sentence with a final period
    looks like prose and is not reported.
    """
    return find(target, ctx, "related-teaser")


@rule("QA206", "orphan-embed-label", "content/boilerplate", "major")
def orphan_embed_label(target: Text, ctx: Context) -> Iterator[Hit]:
    r"""An embed label left without its embed ("Bonus video:", "Gallery:").

    Why: the video, gallery or poll it introduced was not carried over, so
    the label announces something that is not there.

    Bad: The match ended 2-1.\nWatch the video:
    Bad: PHOTO GALLERY
    Good: Video footage showed the crowd dispersing.

    Known limits: a label followed by a caption on the same line is not
    reported.
    """
    return find(target, ctx, "orphan-embed-label")


@rule("QA207", "dangling-link-text", "content/markup", "major")
def dangling_link_text(target: Text, ctx: Context) -> Iterator[Hit]:
    r"""Link text whose hyperlink was lost ("You can read more about them here.").

    Why: scraping and translation drop the link, leaving "here" or "this
    link" pointing nowhere.

    Bad: The full list of candidates is available here.
    Bad: Details about the programme can be found at this link.
    Good: The candidates are listed on the commission's website.
    Good: He came here to see the full match.

    Known limits: text that still carries its URL is reported too when it
    reads "click here" (the URL itself is kept as it is).
    """
    return find(target, ctx, "dangling-link-text")
