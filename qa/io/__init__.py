"""Readers that turn files, directories, JSONL corpora and standard input into documents.

Nothing is dropped: whatever cannot be read becomes a document with
``error`` set, in input order.
"""

from qa.io.loader import InputError, load_documents, read_text_file

__all__ = ["InputError", "load_documents", "read_text_file"]
