"""What the reader typed, sorted into what a note can use as it is and what it can only suggest."""

from __future__ import annotations

import pytest

from sendorskip.phrases import (
    Phrase,
    and_join,
    grading,
    insider,
    outsider,
    sentence,
    the_role,
    third_person,
    topic,
    when_we_spoke,
)

TO_SELF = "it reads like a note to yourself"
A_SENTENCE = "it is a sentence, not a short topic"
TOO_LONG = "it is too long for a short topic"
NOT_A_SENTENCE = "it is not a full sentence"

TOPICS = [
    # (typed, what topic() makes of it)
    ("the billing migration", Phrase("the billing migration", True)),
    ("The billing migration.", Phrase("the billing migration", True)),  # a stray full stop
    ("why i left my last job", Phrase("why I left my last job", True)),  # a lone "i"
    ("i-9 forms", Phrase("i-9 forms", True)),  # no lone "i", nor a sentence about "I"
    ("async i/o in the ingest path", Phrase("async i/o in the ingest path", True)),
    ("x[i] lookups", Phrase("x[i] lookups", True)),
    ("  the   billing\nmigration ;", Phrase("the billing migration", True)),
    ("Moving the reports", Phrase("moving the reports", True)),  # a gerund lowered
    ("How we test", Phrase("how we test", True)),
    # What you promised to send, or what you built: a thing, though it opens like a sentence.
    ("my portfolio", Phrase("my portfolio", True)),
    ("My portfolio link", Phrase("my portfolio link", True)),
    ("our reporting pipeline", Phrase("our reporting pipeline", True)),
    ("Postgres tuning", Phrase("Postgres tuning", True)),  # a capital that may be a name stays
    ("Kubernetes", Phrase("Kubernetes", True)),
    ("SQL joins", Phrase("SQL joins", True)),  # an acronym stays
    ("IT security", Phrase("IT security", True)),  # an acronym, not "it"
    ("it security", Phrase("it security", False, A_SENTENCE)),  # as typed, the pronoun
    ("AT&T's network", Phrase("AT&T's network", True)),  # & inside a word is no shorthand
    ("C++ templates", Phrase("C++ templates", True)),
    ("the Q&A session", Phrase("the Q&A session", True)),
    ("caching + queues", Phrase("caching + queues", False, TO_SELF)),
    ("menu costing & food waste", Phrase("menu costing and food waste", True)),  # written out
    ("the R & D pipeline", Phrase("the R & D pipeline", True)),  # a name keeps it
    ("nailed the system design q", Phrase("nailed the system design q", False, TO_SELF)),
    ("caching w/ redis", Phrase("caching w/ redis", False, TO_SELF)),
    ("latency -> throughput", Phrase("latency -> throughput", False, TO_SELF)),
    ("tests, docs etc.", Phrase("tests, docs etc", False, TO_SELF)),
    ("She asked why I left", Phrase("She asked why I left", False, A_SENTENCE)),
    ("I led the migration", Phrase("I led the migration", False, A_SENTENCE)),
    ("I\u2019m keen on the team", Phrase("I\u2019m keen on the team", False, A_SENTENCE)),
    # What a note says itself before a topic ("I especially enjoyed discussing ...") is cut.
    ("Discussed the roadmap", Phrase("the roadmap", True)),
    ("talked about pricing", Phrase("pricing", True)),
    ("We went over the on-call rota", Phrase("the on-call rota", True)),
    ("about the dashboards.", Phrase("the dashboards", True)),
    ("Regarding Postgres", Phrase("Postgres", True)),
    ("About the dashboards", Phrase("the dashboards", True)),
    ("About hiring plans", Phrase("hiring plans", True)),
    ("About page redesign", Phrase("About page redesign", True)),  # a page's name stays
    ("About Us page", Phrase("About Us page", True)),
    ("discussed", Phrase("discussed", True)),  # nothing after it: a word as typed
    (" ".join(["word"] * 12), Phrase(" ".join(["word"] * 12), True)),
    (" ".join(["word"] * 13), Phrase(" ".join(["word"] * 13), False, TOO_LONG)),
]


@pytest.mark.parametrize(("raw", "phrase"), TOPICS)
def test_topic(raw: str, phrase: Phrase) -> None:
    assert topic(raw) == phrase


SENTENCES = [
    ("I led the migration", Phrase("I led the migration.", True)),  # a full stop added
    ("i led the migration,", Phrase("I led the migration.", True)),
    ("She asked why I left", Phrase("She asked why I left.", True)),
    ("We shipped it!", Phrase("We shipped it!", True)),
    ('I said "soon."', Phrase('I said "soon."', True)),  # the full stop inside the quote counts
    ("I said \u201csoon.\u201d", Phrase("I said \u201csoon.\u201d", True)),  # a phone's quotes
    # Five words and a full stop read as a sentence without a subject pronoun.
    (
        "the whiteboard problem was the best part.",
        Phrase("The whiteboard problem was the best part.", True),
    ),
    ("the whiteboard problem was great", Phrase("the whiteboard problem was great", False, NOT_A_SENTENCE)),
    ("Postgres tuning.", Phrase("Postgres tuning.", False, NOT_A_SENTENCE)),
    ("i'm glad we met", Phrase("I'm glad we met.", True)),  # a lone "i", made "I"
    # A clause before the subject: a sentence when its main clause has a subject of its own.
    ("Since the interview, I have checked the index", Phrase("Since the interview, I have checked the index.", True)),
    ("when she asked about quotas, I said too few", Phrase("When she asked about quotas, I said too few.", True)),
    ("when I froze on the SQL question", Phrase("when I froze on the SQL question", False, NOT_A_SENTENCE)),
    ("when she asked me why I left", Phrase("when she asked me why I left", False, NOT_A_SENTENCE)),
    # Without the comma, a clause alone and a sentence look alike: left out.
    ("when asked about quotas I said I never missed one", Phrase("when asked about quotas I said I never missed one", False, NOT_A_SENTENCE)),
    # A sentence typed without its "I", as in a note to self, gets one.
    ("Loved the office tour and meeting the team.", Phrase("I loved the office tour and meeting the team.", True)),
    ("Really enjoyed the case study", Phrase("I really enjoyed the case study.", True)),
    ("Forgot to say I know Python.", Phrase("I forgot to say I know Python.", True)),
    ("Like you said, it is hard.", Phrase("Like you said, it is hard.", True)),  # no "I like"
    ("Hope to hear from you soon", Phrase("I hope to hear from you soon.", True)),
    ("Hope you have a great trip.", Phrase("I hope you have a great trip.", True)),
    ("Appreciated Jo's feedback on my design.", Phrase("I appreciated Jo's feedback on my design.", True)),
    ("Found the case study fun.", Phrase("I found the case study fun.", True)),
    ("Love the mission.", Phrase("I love the mission.", True)),
    # The same words as a name or a noun keep no "I".
    ("Hope and I worked together at Acme.", Phrase("Hope and I worked together at Acme.", True)),
    ("Hope's demo was the best part of it.", Phrase("Hope's demo was the best part of it.", True)),
    ("Thought leadership is what drew me.", Phrase("Thought leadership is what drew me.", True)),
    ("Love of teaching is why I applied.", Phrase("Love of teaching is why I applied.", True)),
    ("", Phrase("", False, NOT_A_SENTENCE)),
    ("I bombed the SQL part", Phrase("I bombed the SQL part", False, TO_SELF)),
    ("thx for the tour", Phrase("thx for the tour", False, TO_SELF)),
]  # fmt: skip


@pytest.mark.parametrize(("raw", "phrase"), SENTENCES)
def test_sentence(raw: str, phrase: Phrase) -> None:
    assert sentence(raw) == phrase


SPOKE = [
    # (hours since the interview, hours until the note must go, the time word true until then)
    (None, 24, ""),
    (1, None, ""),  # no deadline: the note may go out any day
    (0, 2, "today"),
    (1.9, 2, "today"),
    (2, 2, ""),  # an interview ending at 20:00 would be yesterday's by then
    (2, 22, ""),  # sent tomorrow, "today" would be false
    (16, 8, "yesterday"),
    (18, 6, "yesterday"),
    (15.9, 8, ""),  # an interview ending at 08:00 would still be today's
    (20, 8, ""),  # an interview ending at 08:00 would be two days old by then
    (30, 0, ""),
]


@pytest.mark.parametrize(("hours", "within", "word"), SPOKE)
def test_when_we_spoke(hours: float | None, within: float | None, word: str) -> None:
    assert when_we_spoke(hours, within) == word


THIRD_PERSON = [
    # (typed about one interviewer, the word a note to them cannot say and what it says instead)
    ("how she moved from academia into industry", ("she", "you")),
    ("He asked about my thesis", ("He", "you")),
    ("the paper I sent him", ("him", "you")),
    ("her team's roadmap", ("her", "you\u201d or \u201cyour")),
    ("his time at the startup", ("his", "your")),
    ("the idea was hers", ("hers", "yours")),
    ("how he taught himself Go", ("he", "you")),
    ("the billing migration", None),
    ("the shepherd project", None),  # whole words only: "she" inside "shepherd" is not one
    ("Hector's roadmap", None),
    ("the theme of the offsite", None),
]


@pytest.mark.parametrize(("typed", "found"), THIRD_PERSON)
def test_third_person(typed: str, found: tuple[str, str] | None) -> None:
    assert third_person(typed) == found


INSIDER = [
    # (a topic, the word that speaks as one of their team and what a note to them says instead)
    ("our move to remote work", ("our", "your")),
    ("how we test releases", ("we", "you")),
    ("Our roadmap", ("Our", "your")),
    ("the migration was ours", ("ours", "yours")),
    ("the billing migration", None),
    ("the weekly tour", None),  # whole words only: "we" inside "weekly" is not one
    ("four hours of on-call", None),
]


@pytest.mark.parametrize(("typed", "found"), INSIDER)
def test_insider(typed: str, found: tuple[str, str] | None) -> None:
    assert insider(typed) == found


OUTSIDER = [
    # (a topic, the word that may mean the reader of the note and what a note to them says)
    ("their new charting system", ("their", "your")),
    ("the reading curriculum they use", None),
    ("Their roadmap", ("Their", "your")),
    ("how they plan shifts", ("they", "you")),
    ("how patients get their meds at discharge", None),  # someone else's, most often
    ("the theory behind the model", None),  # whole words only
    ("the billing migration", None),
]


@pytest.mark.parametrize(("typed", "found"), OUTSIDER)
def test_outsider(typed: str, found: tuple[str, str] | None) -> None:
    assert outsider(typed) == found


@pytest.mark.parametrize(
    ("items", "joined"),
    [
        ([], ""),
        (["a"], "a"),
        (["a", "b"], "a and b"),
        (["a", "b", "c"], "a, b and c"),
        (["costing and waste", "the tasting"], "costing and waste, and the tasting"),
    ],
)
def test_and_join(items: list[str], joined: str) -> None:
    assert and_join(items) == joined


def test_and_join_of_phrases_that_list_things_themselves() -> None:
    talks = ["with Ana about x", "with Ben about y and z", "with Cy about w"]
    assert and_join(talks, "; ", "; and ") == (
        "with Ana about x; with Ben about y and z; and with Cy about w"
    )
    # Two need no semicolons: "a, and b".
    assert and_join(talks[:2], "; ", "; and ") == "with Ana about x, and with Ben about y and z"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("I think my answer about restorative practices landed well.", "my answer about restorative practices landed"),
        ("She said my answer about the sepsis case was exactly right.", "said my answer about the sepsis case was"),
        ("The interview went really well.", "The interview went really well"),
        ("I think I impressed the panel with the case study.", "impressed the panel"),
        ("They seemed impressed by my portfolio.", "impressed by my"),
        ("I made a strong impression on the team.", "made a strong impression"),
        ("The whiteboard problem on caching was the best part of my day.", None),
        ("I was impressed by how the lab tracks chain of custody.", None),
        ("I loved my tour of the lab.", None),
        ("The launch went well, and I asked how the team did it.", None),
    ],
)  # fmt: skip
def test_grading(text: str, found: str | None) -> None:
    assert grading(text) == found


@pytest.mark.parametrize(
    ("title", "named"),
    [
        (None, "the role"),
        ("Data Engineer", "the Data Engineer role"),
        ("Data Analyst role", "the Data Analyst role"),  # not "role role"
        ("Teaching position", "the Teaching position"),  # as typed, which our check looks for
        ("Product Manager job", "the Product Manager job"),
        ("Reporter, Washington Post", "the Reporter, Washington Post role"),  # a name, not a post
    ],
)
def test_the_role(title: str | None, named: str) -> None:
    assert the_role(title) == named
