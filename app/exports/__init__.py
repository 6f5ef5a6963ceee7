"""Files that leave the building: billing adjustments, statements, acceptance letters (SPEC 6).

Every writer is a plain function that takes a progress callback and a cancel check,
and writes to a temporary file renamed into place (`app.files.temporary_beside`).
"""
