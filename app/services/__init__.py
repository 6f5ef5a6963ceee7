"""Use cases: one function per thing a person does, each over one unit of work."""
