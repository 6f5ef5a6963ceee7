from models.wording import counted


def test_one_is_singular_and_every_other_count_plural():
    assert counted(1, "application") == "1 application"
    assert counted(0, "application") == "0 applications"
    assert counted(2, "bill") == "2 bills"
    assert counted(1250, "message") == "1,250 messages"
    assert counted(3, "draft kept", "drafts kept") == "3 drafts kept"
