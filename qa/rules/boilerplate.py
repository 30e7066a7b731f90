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
    r"""Counters and meta lines scraped with the article ("5658 views", "By ...", "Tags: ...").

    View, comment or share counts, reading time, published/updated stamps,
    bylines, datelines and tags lines.

    Why: counters and meta lines are page furniture; in a translated article
    they read as stray numbers and names and show that nobody edited the page.

    Bad: Russia and China sign a deal\n12.08.2023. 14:35 1.204 views | 3 comments\nThe agreement covers energy.
    Bad: Views: 980\nThe minister resigned.
    Bad: Floods hit the north\nBy Petra Novak, staff reporter\nThe river rose overnight.
    Bad: Floods hit the north\nSPLIT, 4 April 2024 at 08:15\nThe river rose overnight.
    Bad: The river rose overnight.\nKeywords: floods, Sava, rescue
    Good: The video drew 5,658 views and eight comments within an hour.
    Good: By Monday, the river had risen by two metres.

    Known limits: a counter inside a sentence of prose is not reported; a bare
    time ("14.30") is not taken for a stamp.
    """
    return find(target, ctx, "page-counter")


@rule("QA202", "photo-credit", "content/boilerplate", "major")
def photo_credit(target: Text, ctx: Context) -> Iterator[Hit]:
    r"""Photo credits, captions ending in a credit, and copyright notices ("Photo: Getty Images").

    Also "Foto: Tanjug", "... (AP Photo/Jane Doe)" and "All rights reserved".

    Why: credits belong under an image that the text version does not have;
    a line "Photo: Reuters" in the body reads as a stray fragment.

    Bad: Image: Reuters/Marko Djurica\nThe protest went on.
    Bad: Foto: Beta\nThe protest went on.
    Bad: AFP/Getty Images
    Bad: The mayor opens the bridge on Friday (Photo: Fena/Amel Emrić)
    Bad: Sva prava zadržana.
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
    r"""Follow, share, subscribe, newsletter and contact furniture of the source outlet.

    Social footers, share bars, calls to join a channel or download an app,
    newsletter sign-up forms, contact and tip-off lines.

    Why: the source site's promotion ("Follow us on Facebook", "write to us
    at ...@...") points English readers to another outlet's channels.

    Bad: Join us on Instagram and Telegram for more news.
    Bad: Send us your stories at desk@example.com.
    Bad: Pratite nas na Fejsbuku.
    Bad: Tweet | WhatsApp | Viber | Email
    Bad: Join our Telegram channel for breaking news
    Bad: Weekly newsletter: the day's news in five minutes
    Good: The police asked witnesses to contact them by phone.
    Good: The minister followed the debate on Twitter and in parliament.

    Known limits: a footer that names no channel, address or newsletter is
    not caught.
    """
    return find(target, ctx, "social-footer")


@rule("QA205", "related-teaser", "content/boilerplate", "major")
def related_teaser(target: Text, ctx: Context) -> Iterator[Hit]:
    r"""A related-article teaser or link headline, a list header, or navigation in the body.

    List headers ("Most read", "More in World") and the headlines under them;
    breadcrumbs, menus and previous/next links.

    Why: "Read also: ..." and "See how ..." lines were links to other
    articles; in the body they interrupt the story and point nowhere.

    Bad: Floods hit the north\nThe river rose overnight.\nRead also: Serbia and Kosovo agree on licence plates
    Bad: Floods hit the north\nThe river rose overnight.\nFind out how the floods hit the north of the country
    Bad: The river rose overnight.\nMost read this week
    Bad: Floods hit the north\nHome › News › Region\nThe river rose overnight.
    Good: Watch: Aguero scores twice as City win\nThe striker scored in each half.
    Good: Read the full statement, the minister told reporters, before judging.

    Known limits: a teaser written as a full sentence with a final period
    looks like prose and is not reported.
    """
    return find(target, ctx, "related-teaser")


@rule("QA206", "orphan-embed-label", "content/boilerplate", "major")
def orphan_embed_label(target: Text, ctx: Context) -> Iterator[Hit]:
    r"""Text of a widget left without the widget ("Bonus video:", "Advertisement", "Reply").

    Embed labels, ad markers ("the text continues below"), buttons, cookie
    consent notices and comment-box furniture.

    Why: the video, gallery, ad, button or form it belonged to was not carried
    over, so the text announces or labels something that is not there.

    Bad: The match ended 2-1.\nWatch the video:
    Bad: PHOTO GALLERY
    Bad: The river rose overnight.\n— ADVERTISEMENT —\nRescuers arrived at dawn.
    Bad: Tekst se nastavlja ispod oglasa
    Bad: This website uses cookies to improve your experience.
    Bad: Comments reflect the views of their authors, not of the editors.
    Good: Video footage showed the crowd dispersing.
    Good: The regulator fined firms that use cookies without consent.

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
    reads "click here" (the URL itself is kept as it is). Inside a paragraph
    of more than 15 words, "here" alone is not evidence enough (the article's
    own pointer, or a page that kept its link): only "click here" or a named
    link ("at this link") is reported there.
    """
    return find(target, ctx, "dangling-link-text")
