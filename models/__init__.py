"""The domain core of Startup Desk: plain Python, standard library only.

Nothing here knows about databases, files or Qt: `app/` maps these types onto the
database and `ui/` shows them.
"""
