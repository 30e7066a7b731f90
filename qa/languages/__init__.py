"""What qa knows about languages: one profile per language, with scripts, word frequencies and detection.

    from qa.languages import profile
    sr = profile("sr")              # the Serbo-Croatian profile, shown as "Serbian"
    sr.function_words.words["i"]    # "and"
"""

from qa.languages.profile import DEFAULT_SOURCE, FunctionWords, LengthNorm, Profile, bundled, normalise, profile

__all__ = ["DEFAULT_SOURCE", "FunctionWords", "LengthNorm", "Profile", "bundled", "normalise", "profile"]
